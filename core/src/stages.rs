//! The text stages of a signature as values: each knows its length, writes
//! itself into a caller's buffer and implements `Display`, all without
//! allocating. Debugging `SignatureDoesNotMatch` means comparing these.

use crate::sink::Sink;
use crate::{RequestHead, Signature, SortedParams};

/// Implements `len`, `write` and `Display` for a stage with a `write_to` method.
macro_rules! stage_text {
    ($ty:ident) => {
        impl $ty<'_, '_, '_> {
            /// The length of the text in bytes: known at once for the texts
            /// of a [`SignedRequest`](crate::SignedRequest), else measured
            /// by a pass that writes nothing.
            #[allow(clippy::len_without_is_empty)]
            pub fn len(&self) -> usize {
                self.known_len()
                    .unwrap_or_else(|| $crate::sink::measure(|c| self.write_to(c)))
            }

            /// As [`write`](Self::write), returning the length written
            /// instead of the text: the bytes are not re-checked as UTF-8
            /// (they are, being whole encoded pieces), which saves a pass.
            ///
            /// # Errors
            /// As [`write`](Self::write).
            pub fn write_bytes(&self, buf: &mut [u8]) -> Result<usize, $crate::Error> {
                $crate::sink::write_len(buf, |w| self.write_to(w))
            }

            /// Writes the text into `buf` and returns it.
            ///
            /// # Errors
            /// [`crate::Error::BufferTooSmall`] with the needed length. The
            /// buffer may then hold a prefix of the text: callers that must
            /// leave it untouched (the C ABI does) check `len()` first.
            pub fn write<'b>(&self, buf: &'b mut [u8]) -> Result<&'b str, $crate::Error> {
                $crate::sink::write_into(buf, |w| self.write_to(w))
            }
        }

        impl core::fmt::Display for $ty<'_, '_, '_> {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                let mut sink = $crate::sink::FmtSink::new(f);
                self.write_to(&mut sink);
                sink.finish()
            }
        }
    };
}

/// S4: `enc(name)=enc(value)` joined by `&`, in S3 order, without `Signature`.
#[derive(Clone, Copy, Debug)]
pub struct CanonicalQuery<'s, 'p, 'a> {
    params: &'s SortedParams<'p, 'a>,
    /// The length, when the signature's MAC stream counted it.
    known_len: Option<usize>,
}

impl CanonicalQuery<'_, '_, '_> {
    pub(crate) fn write_to<S: Sink + ?Sized>(&self, sink: &mut S) {
        self.params.write_canonical(sink);
    }

    fn known_len(&self) -> Option<usize> {
        self.known_len
    }
}
stage_text!(CanonicalQuery);

/// S8: `VERB \n host \n path \n canonical-query`.
#[derive(Clone, Copy, Debug)]
pub struct StringToSign<'s, 'p, 'a> {
    head: &'s RequestHead<'a>,
    params: &'s SortedParams<'p, 'a>,
}

impl StringToSign<'_, '_, '_> {
    pub(crate) fn write_to<S: Sink + ?Sized>(&self, sink: &mut S) {
        self.head.write_to(sink);
        self.params.write_canonical(sink);
    }

    fn known_len(&self) -> Option<usize> {
        None
    }
}
stage_text!(StringToSign);

/// S10: the canonical query, then `&Signature=` and the S2-encoded signature:
/// the safest wire form (POST body, or URL query for GET and SubmitFeed).
#[derive(Clone, Copy, Debug)]
pub struct SignedQuery<'s, 'p, 'a> {
    params: &'s SortedParams<'p, 'a>,
    signature: &'s Signature,
    /// The canonical query's length, when the signature's MAC stream counted it.
    canonical_len: Option<usize>,
}

impl SignedQuery<'_, '_, '_> {
    /// `&` when the canonical query is not empty, `Signature=` and the
    /// encoded signature after the canonical query.
    fn known_len(&self) -> Option<usize> {
        let canonical = self.canonical_len?;
        let separator = usize::from(canonical > 0);
        let signature = crate::encode::encoded_len(self.signature.as_bytes());
        Some(canonical + separator + SIGNATURE_FIELD.len() + signature)
    }

    pub(crate) fn write_to<S: Sink + ?Sized>(&self, sink: &mut S) {
        self.params.write_canonical(sink);
        let separator = self.params.iter().any(|p| p.0 != "Signature");
        put_signature_field(separator, self.signature, sink);
    }
}
stage_text!(SignedQuery);

/// What precedes the encoded signature in a signed query.
const SIGNATURE_FIELD: &[u8] = b"Signature=";

/// What a signed query adds after the canonical query: `&` (`separator`:
/// an empty canonical query has nothing to separate from), `Signature=`
/// and the encoded signature.
pub(crate) fn put_signature_field<S: Sink + ?Sized>(
    separator: bool,
    signature: &Signature,
    sink: &mut S,
) {
    if separator {
        sink.put_byte(b'&');
    }
    sink.put(SIGNATURE_FIELD);
    crate::encode::encode_to(signature.as_bytes(), sink);
}

pub(crate) use stage_text;

impl<'p, 'a> SortedParams<'p, 'a> {
    /// The canonical query (S4) of these parameters.
    pub fn canonical_query(&self) -> CanonicalQuery<'_, 'p, 'a> {
        CanonicalQuery {
            params: self,
            known_len: None,
        }
    }

    /// The canonical query whose length the signature's MAC stream counted.
    pub(crate) fn canonical_query_of_len(&self, len: usize) -> CanonicalQuery<'_, 'p, 'a> {
        CanonicalQuery {
            params: self,
            known_len: Some(len),
        }
    }

    /// The string to sign (S8) of a request with these parameters.
    pub fn string_to_sign<'s>(&'s self, head: &'s RequestHead<'a>) -> StringToSign<'s, 'p, 'a> {
        StringToSign { head, params: self }
    }

    /// The signed query (S10) of these parameters with `signature`.
    pub fn signed_query<'s>(&'s self, signature: &'s Signature) -> SignedQuery<'s, 'p, 'a> {
        SignedQuery {
            params: self,
            signature,
            canonical_len: None,
        }
    }

    /// As [`SortedParams::signed_query`] for a canonical query of `canonical_len` bytes.
    pub(crate) fn signed_query_of_len<'s>(
        &'s self,
        signature: &'s Signature,
        canonical_len: usize,
    ) -> SignedQuery<'s, 'p, 'a> {
        SignedQuery {
            params: self,
            signature,
            canonical_len: Some(canonical_len),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{Error, RequestHead, SignatureMethod, Signer, SortedParams};

    #[test]
    fn write_bytes_writes_what_write_does() {
        let Ok(head) = RequestHead::new("POST", "https", "MWS.Example.com:443", "/a b/é") else {
            unreachable!("a valid head")
        };
        let Ok(signer) = Signer::new(b"k", SignatureMethod::HmacSha256) else {
            unreachable!("a valid key")
        };
        let lists: [&[(&str, &str)]; 3] = [
            &[],
            &[("Action", "List"), ("Version", "2013-09-01")],
            &[
                ("Timestamp", "2020-01-01T00:00:00Z"),
                ("Note", "a+b=c&d ~ ü / ?"),
                ("***", "(')"),
            ],
        ];
        for params in lists {
            let mut keys = [0u64; 8];
            let Ok(sorted) = SortedParams::sort_with_keys(params, &mut keys) else {
                unreachable!("valid parameters")
            };
            let Ok(sig) = signer.sign(&head, &sorted) else {
                unreachable!("signs")
            };
            let q = sorted.signed_query(&sig);
            let (mut buf, mut copy) = ([0u8; 512], [0u8; 512]);
            let written = q.write_bytes(&mut buf[..q.len()]);
            assert_eq!(written, Ok(q.len()));
            assert_eq!(q.write(&mut copy).map(str::as_bytes), Ok(&buf[..q.len()]));
            let short = q.len() - 1;
            assert_eq!(
                q.write_bytes(&mut buf[..short]),
                Err(Error::BufferTooSmall { needed: q.len() })
            );
        }
    }
}
