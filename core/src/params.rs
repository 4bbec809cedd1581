//! Parameters, sorted (S3) and checked (S9 decisions) without allocating.
//!
//! The sort needs working space (how it sorts: `sort`). Three ways, all
//! allocation-free:
//! - [`SortedParams::sort_in_place`] reorders the caller's own slice: no limit
//!   on the number of parameters (the bindings use this);
//! - [`SortedParams::sort_indexed`] leaves the slice alone and sorts a
//!   [`ParamIndex`] of [`MAX_PARAMS`] keys kept on the caller's stack;
//! - [`SortedParams::sort_with_keys`] does the same in key space the caller
//!   sizes (one `u64` per parameter).

use crate::Error;
use crate::canonical::{AuthParams, CanonicalParam, check_sorted, write_canonical};
use crate::compare::cmp_bytes;
use crate::sink::Sink;
use crate::sort::{insertion_sort_by, position, sort_names, sort_params};
use core::cmp::Ordering;

/// One request parameter: `(name, value)`, both unencoded.
pub type Param<'a> = (&'a str, &'a str);

/// The capacity of a [`ParamIndex`], and so of the calls that take an
/// immutable parameter slice; beyond it they return
/// [`Error::TooManyParameters`]. The `*_in_place` calls have no limit.
pub const MAX_PARAMS: usize = 1024;

/// Working space for sorting up to [`MAX_PARAMS`] parameters by index (8 KiB:
/// one `u64` sort key per parameter, see `sort`).
#[derive(Clone, Debug)]
pub struct ParamIndex {
    order: [u64; MAX_PARAMS],
}

impl ParamIndex {
    /// An empty index.
    pub const fn new() -> Self {
        ParamIndex {
            order: [0; MAX_PARAMS],
        }
    }
}

impl Default for ParamIndex {
    fn default() -> Self {
        Self::new()
    }
}

/// Sorts `params` by index with the working space on the stack, sized to
/// the request (a typical one needs 10–30 keys, which are cheaper to set up
/// than a whole [`ParamIndex`]), and hands the result to `f`.
///
/// `f` gets a reference, and the result is matched where it lies: a
/// `SortedParams` is several hundred bytes (see [`Run`]), and each move of
/// it is a copy on the hot path.
pub(crate) fn with_sorted<'a, R>(
    params: &[Param<'a>],
    f: impl FnOnce(&SortedParams<'_, 'a>) -> Result<R, Error>,
) -> Result<R, Error> {
    const SMALL: usize = 32;
    if params.len() <= SMALL {
        with_keys(params, &mut [0u64; SMALL], f)
    } else {
        with_many_sorted(params, f)
    }
}

/// [`with_sorted`] for more than a few dozen parameters, out of line: its
/// working space (up to a whole [`ParamIndex`], 8 KiB) would otherwise be
/// in the frame of every signing call, probed page by page on entry
/// (`products` signed 1–2% slower so).
#[inline(never)]
fn with_many_sorted<'a, R>(
    params: &[Param<'a>],
    f: impl FnOnce(&SortedParams<'_, 'a>) -> Result<R, Error>,
) -> Result<R, Error> {
    // A list of a few hundred (200 SKUs) has a tier of its own: zeroing
    // the whole index was an 8 KiB `memset` on every call.
    const MEDIUM: usize = 256;
    if params.len() <= MEDIUM {
        with_keys(params, &mut [0u64; MEDIUM], f)
    } else {
        with_keys(params, &mut ParamIndex::new().order, f)
    }
}

/// Sorts with `keys` as working space and hands the result to `f` by
/// reference (see [`with_sorted`]).
#[inline(always)]
fn with_keys<'a, R>(
    params: &[Param<'a>],
    keys: &mut [u64],
    f: impl FnOnce(&SortedParams<'_, 'a>) -> Result<R, Error>,
) -> Result<R, Error> {
    match &SortedParams::sort_with_keys(params, keys) {
        Ok(sorted) => f(sorted),
        Err(e) => Err(*e),
    }
}

/// The capacity of an owned run: the MWS builder's own parameters.
pub(crate) const OWNED_RUN: usize = 9;

/// One sorted run of parameters.
// The owned variant is larger on purpose: it holds the MWS builder's nine
// parameters by value so `SortedParams` stays `Copy` and allocation-free.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Copy, Debug)]
enum Run<'p, 'a> {
    /// A slice in S3 order, or a slice and an index whose `i`-th entry is the
    /// position of the `i`-th parameter in S3 order.
    Borrowed {
        params: &'p [Param<'a>],
        index: Option<&'p [u64]>,
    },
    /// A few parameters held by value (sorted), so a list built inside a
    /// function can leave it without borrowing its locals.
    Owned {
        params: [Param<'a>; OWNED_RUN],
        len: usize,
    },
}

impl<'p, 'a> Run<'p, 'a> {
    /// No parameters. A function, not a `const`: a constant of this
    /// 296-byte enum is copied whole from read-only memory wherever it is
    /// used (a `memcpy` call in every sort), where building it is three
    /// stores.
    #[inline(always)]
    fn empty() -> Self {
        Run::Borrowed {
            params: &[],
            index: None,
        }
    }

    fn len(&self) -> usize {
        match self {
            Run::Borrowed { params, index } => index.map_or(params.len(), <[u64]>::len),
            Run::Owned { len, .. } => *len,
        }
    }

    #[inline]
    fn at(&self, i: usize) -> Option<&Param<'a>> {
        match self {
            Run::Borrowed {
                params,
                index: None,
            } => params.get(i),
            Run::Borrowed {
                params,
                index: Some(index),
            } => params.get(position(*index.get(i)?)),
            Run::Owned { params, len } => params[..*len].get(i),
        }
    }

    /// Checks names (see [`check_sorted`]) with a loop specialised per representation.
    fn check(&self) -> Result<(), Error> {
        match self {
            Run::Borrowed { params, index } => check_borrowed(params, *index),
            Run::Owned { params, len } => check_sorted(params[..*len].iter()),
        }
    }

    /// Writes the canonical query of this run alone.
    fn write_canonical<S: Sink + ?Sized>(&self, sink: &mut S) -> AuthParams<'_, Param<'a>> {
        match self {
            Run::Borrowed {
                params,
                index: None,
            } => write_canonical(params.iter(), sink),
            Run::Borrowed {
                params,
                index: Some(index),
            } => write_canonical(index.iter().map(|&k| &params[position(k)]), sink),
            Run::Owned { params, len } => write_canonical(params[..*len].iter(), sink),
        }
    }

    fn get(&self, name: &str) -> Option<&'a str> {
        let (mut lo, mut hi) = (0, self.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            let p = self.at(mid)?;
            match cmp_bytes(p.0.as_bytes(), name.as_bytes()) {
                Ordering::Less => lo = mid + 1,
                Ordering::Greater => hi = mid,
                Ordering::Equal => return Some(p.1),
            }
        }
        None
    }
}

/// [`check_sorted`] on a borrowed run, read through its index if it has one.
#[inline]
fn check_borrowed(params: &[Param<'_>], index: Option<&[u64]>) -> Result<(), Error> {
    match index {
        None => check_sorted(params.iter()),
        Some(index) => check_sorted(index.iter().map(|&k| &params[position(k)])),
    }
}

/// Parameters in S3 order, with no empty name and no duplicate: ready to be
/// canonicalized and signed any number of times without further checks.
///
/// Internally one or two sorted runs, merged as they are read: the MWS
/// request builder combines its own auth parameters with the caller's this
/// way, without copying either list.
#[derive(Clone, Copy, Debug)]
pub struct SortedParams<'p, 'a> {
    first: Run<'p, 'a>,
    second: Run<'p, 'a>,
}

impl<'p, 'a> SortedParams<'p, 'a> {
    /// One borrowed run, checked before it is built: building it first and
    /// returning it after the check would copy the whole (large) value.
    #[inline]
    fn borrowed(params: &'p [Param<'a>], index: Option<&'p [u64]>) -> Result<Self, Error> {
        check_borrowed(params, index)?;
        Ok(Self::sorted_and_checked(params, index))
    }

    /// One borrowed run that a sort here has just ordered and checked.
    #[inline]
    fn sorted_and_checked(params: &'p [Param<'a>], index: Option<&'p [u64]>) -> Self {
        SortedParams {
            first: Run::Borrowed { params, index },
            second: Run::empty(),
        }
    }

    #[inline]
    fn one_run(run: Run<'p, 'a>) -> Result<Self, Error> {
        run.check()?;
        Ok(SortedParams {
            first: run,
            second: Run::empty(),
        })
    }

    /// Sorts the caller's slice in place, then checks names.
    ///
    /// ```
    /// let mut params = [("b", "2"), ("a", "1")];
    /// let sorted = mws_sign::SortedParams::sort_in_place(&mut params)?;
    /// assert_eq!(sorted.canonical_query().to_string(), "a=1&b=2");
    /// # Ok::<(), mws_sign::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::EmptyParameterName`], then [`Error::DuplicateParameter`].
    #[inline]
    pub fn sort_in_place(params: &'p mut [Param<'a>]) -> Result<Self, Error> {
        // The sort checks the names as it goes (see `sort_names`).
        sort_params(params)?;
        Ok(Self::sorted_and_checked(params, None))
    }

    /// Sorts and keeps up to [`OWNED_RUN`] parameters by value.
    pub(crate) fn owned(mut params: [Param<'a>; OWNED_RUN], len: usize) -> Result<Self, Error> {
        let len = len.min(OWNED_RUN);
        insertion_sort_by(&mut params[..len], |a, b| a.cmp_name(b));
        Self::one_run(Run::Owned { params, len })
    }

    /// Uses a slice the caller has already sorted, after checking that it is.
    ///
    /// # Errors
    /// [`Error::EmptyParameterName`], [`Error::DuplicateParameter`] — also
    /// when the slice is not in S3 order (a name out of order is reported as
    /// a duplicate, since the check compares neighbours).
    pub fn from_sorted(params: &'p [Param<'a>]) -> Result<Self, Error> {
        Self::borrowed(params, None)
    }

    /// Sorts an index of the parameters, leaving the slice untouched.
    ///
    /// # Errors
    /// [`Error::TooManyParameters`] beyond [`MAX_PARAMS`]; then
    /// [`Error::EmptyParameterName`], [`Error::DuplicateParameter`].
    #[inline]
    pub fn sort_indexed(params: &'p [Param<'a>], index: &'p mut ParamIndex) -> Result<Self, Error> {
        Self::sort_with_keys(params, &mut index.order)
    }

    /// Sorts the parameters by index, using the first `params.len()` entries
    /// of `keys` (one `u64` per parameter) as working space: for callers
    /// that size the space themselves instead of using a [`ParamIndex`].
    ///
    /// ```
    /// let params = [("b", "2"), ("a", "1")];
    /// let mut keys = [0u64; 8];
    /// let sorted = mws_sign::SortedParams::sort_with_keys(&params, &mut keys)?;
    /// assert_eq!(sorted.canonical_query().to_string(), "a=1&b=2");
    /// # Ok::<(), mws_sign::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::TooManyParameters`] when `keys` is shorter than `params`;
    /// then [`Error::EmptyParameterName`], [`Error::DuplicateParameter`].
    #[inline]
    pub fn sort_with_keys(params: &'p [Param<'a>], keys: &'p mut [u64]) -> Result<Self, Error> {
        let index = keys
            .get_mut(..params.len())
            .filter(|_| u32::try_from(params.len()).is_ok())
            .ok_or(Error::TooManyParameters)?;
        sort_names(index, &|i| params[i].0.as_bytes())?;
        let index: &'p [u64] = index;
        Ok(Self::sorted_and_checked(params, Some(index)))
    }

    /// Both lists read as one; each must be a single run (as every public
    /// constructor makes). Duplicates across the two are rejected.
    pub(crate) fn merge(self, other: SortedParams<'p, 'a>) -> Result<Self, Error> {
        if self.second.len() != 0 || other.second.len() != 0 {
            return Err(Error::TooManyParameters);
        }
        let merged = SortedParams {
            first: self.first,
            second: other.first,
        };
        check_sorted(merged.iter())?;
        Ok(merged)
    }

    /// The number of parameters (including a stale `Signature`, which is never signed).
    pub fn len(&self) -> usize {
        self.first.len() + self.second.len()
    }

    /// Whether there are no parameters.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The parameters in S3 order.
    pub fn iter(&self) -> impl Iterator<Item = &Param<'a>> + Clone + '_ {
        let (a, b) = (&self.first, &self.second);
        let (mut i, mut j) = (0, 0);
        core::iter::from_fn(move || {
            let next = match (a.at(i), b.at(j)) {
                (Some(x), Some(y)) if y.cmp_name(x) == Ordering::Less => {
                    j += 1;
                    y
                }
                (Some(x), _) => {
                    i += 1;
                    x
                }
                (None, y) => {
                    j += 1;
                    y?
                }
            };
            Some(next)
        })
    }

    /// The value of the parameter `name`, found by binary search.
    pub fn get(&self, name: &str) -> Option<&'a str> {
        self.first.get(name).or_else(|| self.second.get(name))
    }

    /// Writes the canonical query, returning the auth parameters it passed.
    pub(crate) fn write_canonical<S: Sink + ?Sized>(
        &self,
        sink: &mut S,
    ) -> AuthParams<'_, Param<'a>> {
        if self.second.len() == 0 {
            // One run (every public constructor): a loop without merging.
            self.first.write_canonical(sink)
        } else {
            write_canonical(self.iter(), sink)
        }
    }
}

#[cfg(test)]
mod tests;
