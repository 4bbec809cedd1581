//! What canonicalization (S4) needs of a parameter, whatever its
//! representation, and the two passes every sorted list gets: the name
//! checks of the S9 decisions and the writing of the canonical query.

use crate::Error;
use crate::compare::cmp_bytes;
use crate::params::Param;
use crate::sink::Sink;
use core::cmp::Ordering;

/// What canonicalization needs of a parameter, whatever its representation
/// (plain text here, still form-encoded in a received query).
pub(crate) trait CanonicalParam {
    /// S3 order: the raw bytes of the unencoded names.
    fn cmp_name(&self, other: &Self) -> Ordering;
    /// Whether the unencoded name is empty.
    fn name_is_empty(&self) -> bool;
    /// Which of the names the canonical query singles out this is, if any.
    fn role(&self) -> Role;
    /// Writes `&` (when `separator`) and `enc(name)=enc(value)` (S4).
    fn write_pair<S: Sink + ?Sized>(&self, separator: bool, sink: &mut S);
}

impl CanonicalParam for Param<'_> {
    #[inline]
    fn cmp_name(&self, other: &Self) -> Ordering {
        cmp_bytes(self.0.as_bytes(), other.0.as_bytes())
    }

    fn name_is_empty(&self) -> bool {
        self.0.is_empty()
    }

    #[inline]
    fn role(&self) -> Role {
        role_of(self.0.as_bytes())
    }

    // Inlined natively, as the MAC stream's `put_pair` is (see there).
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    #[cfg_attr(target_arch = "wasm32", inline)]
    fn write_pair<S: Sink + ?Sized>(&self, separator: bool, sink: &mut S) {
        sink.put_pair(separator, self.0.as_bytes(), self.1.as_bytes());
    }
}

/// Checks a sorted list: no empty name (they sort first), then no two equal neighbours.
pub(crate) fn check_sorted<'x, P: CanonicalParam + 'x>(
    mut sorted: impl Iterator<Item = &'x P>,
) -> Result<(), Error> {
    let Some(mut prev) = sorted.next() else {
        return Ok(());
    };
    if prev.name_is_empty() {
        return Err(Error::EmptyParameterName);
    }
    for p in sorted {
        if prev.cmp_name(p) != Ordering::Less {
            return Err(Error::DuplicateParameter);
        }
        prev = p;
    }
    Ok(())
}

/// The parameter names canonicalization and the S9 decisions single out.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Role {
    /// `Signature`: never signed (S1).
    Signature,
    /// `SignatureVersion`: must be `2` when present.
    SignatureVersion,
    /// `SignatureMethod`: must name the signer's algorithm when present.
    SignatureMethod,
    /// Any other name.
    Other,
}

/// The role of an unencoded name: one length test for almost every name
/// (the three special ones are 9, 15 and 16 bytes long).
#[inline(always)]
pub(crate) fn role_of(name: &[u8]) -> Role {
    match name.len() {
        9 if name == b"Signature" => Role::Signature,
        15 if name == b"SignatureMethod" => Role::SignatureMethod,
        16 if name == b"SignatureVersion" => Role::SignatureVersion,
        _ => Role::Other,
    }
}

/// The auth parameters met while writing a canonical query, so the S9
/// checks need no lookups of their own (see `Signer::sign`).
pub(crate) struct AuthParams<'x, P> {
    /// The `SignatureVersion` parameter, if any.
    pub(crate) version: Option<&'x P>,
    /// The `SignatureMethod` parameter, if any.
    pub(crate) method: Option<&'x P>,
}

impl<P> Default for AuthParams<'_, P> {
    fn default() -> Self {
        AuthParams {
            version: None,
            method: None,
        }
    }
}

/// Writes the canonical query (S4) of sorted parameters, skipping `Signature`
/// (S1), and returns the auth parameters it passed.
pub(crate) fn write_canonical<'x, P: CanonicalParam + 'x, S: Sink + ?Sized>(
    sorted: impl Iterator<Item = &'x P>,
    sink: &mut S,
) -> AuthParams<'x, P> {
    let mut auth = AuthParams::default();
    let mut first = true;
    for p in sorted {
        match p.role() {
            Role::Other => {}
            Role::Signature => continue,
            Role::SignatureVersion => auth.version = Some(p),
            Role::SignatureMethod => auth.method = Some(p),
        }
        p.write_pair(!first, sink);
        first = false;
    }
    auth
}
