//! Call outcomes as the numbers JavaScript turns into errors.
//!
//! A call returns the number of results (zero or more) or a negative code:
//! `-1 - i` for the core's error kind `Error::KINDS[i]`, which JavaScript
//! throws as an `MwsSignError` whose `code` is the kind's name, and the
//! binding's own codes below, which are not request errors.

use mws_sign::Error;

/// Why a call failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Status {
    /// A request error from the core.
    Core(Error),
    /// The pieces did not match the lengths: a bug in the JavaScript layer.
    BadInput,
    /// Verification needs the secret of the access key id written as the result.
    NeedKey,
    /// The exchange area was in use (a call re-entered another).
    Busy,
    /// An output did not fit after growing: a bug.
    Internal,
    /// `prepare` was given a marketplace the core does not know.
    UnknownMarketplace,
    /// `prepare` was given a section the core does not know.
    UnknownSection,
}

/// The binding's own codes; JavaScript (`js/errors.cjs`) knows them by number.
const BAD_INPUT: i32 = -100;
const NEED_KEY: i32 = -101;
const BUSY: i32 = -102;
const INTERNAL: i32 = -103;
const UNKNOWN_MARKETPLACE: i32 = -104;
const UNKNOWN_SECTION: i32 = -105;

impl Status {
    /// The negative number returned to JavaScript.
    pub(crate) fn code(self) -> i32 {
        match self {
            Status::Core(e) => Error::KINDS
                .iter()
                .position(|k| *k == e)
                .and_then(|i| i32::try_from(i).ok())
                .map_or(INTERNAL, |i| -1 - i),
            Status::BadInput => BAD_INPUT,
            Status::NeedKey => NEED_KEY,
            Status::Busy => BUSY,
            Status::Internal => INTERNAL,
            Status::UnknownMarketplace => UNKNOWN_MARKETPLACE,
            Status::UnknownSection => UNKNOWN_SECTION,
        }
    }
}

impl From<Error> for Status {
    fn from(e: Error) -> Self {
        match e {
            // The output grows until it fits, so this is never the caller's fault.
            Error::BufferTooSmall { .. } => Status::Internal,
            e => Status::Core(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_its_own_negative_code() {
        for (i, kind) in Error::KINDS.iter().enumerate() {
            assert_eq!(Status::Core(*kind).code(), -1 - i as i32);
        }
        assert_eq!(
            Status::from(Error::BufferTooSmall { needed: 1 }),
            Status::Internal
        );
        assert!(Status::Internal.code() < -(Error::KINDS.len() as i32));
    }
}
