//! A [`SliceWriter`] near the end of its buffer, natively. The fast
//! encoders store past their output (see `encode`), so the last pieces of
//! a buffer sized to its text (a signed query in a buffer of its
//! `len()`, the C API's scratch buffer grown to a long query) cannot take
//! them as they are. They went byte piece by byte piece; now a piece with
//! room for its own encoding and the stores past it takes the fast path,
//! and a short one at the very end is encoded into a local buffer and
//! copied. `Signer::sign_to_query` into a buffer of the exact length:
//! 1,050 → 690 instructions more than into a larger one on `orders`.

use super::{Sink, SliceWriter, put_pair_by_pieces};
use crate::encode::{
    encode_by_pieces, encode_pair_within, encode_within, encoded_len, room_for, room_for_output,
    room_for_pair,
};

/// The room of the local buffer a [`SliceWriter`] encodes into at its
/// very end: a piece of up to 68 bytes of text (the signature's Base64).
const NEAR_END_ROOM: usize = 256;

impl SliceWriter<'_> {
    /// [`Sink::put_pair`] where the buffer has less room left than the
    /// pair could need: with room for its encoding and the fast path's
    /// stores past it, the fast path; at the very end of the buffer, into
    /// a local buffer with the fast path, then copied; a long pair there,
    /// piece by piece.
    #[inline(never)]
    pub(super) fn put_pair_near_end(&mut self, separator: bool, name: &[u8], value: &[u8]) {
        let at = self.needed;
        let left = self.buf.len().saturating_sub(at);
        // The pair's longest encoding first (no pass over the text), then
        // its own (counting the `&` either way).
        let longest = 2 + 3 * (name.len() + value.len());
        if left >= room_for_output(longest)
            || left >= room_for_output(2 + encoded_len(name) + encoded_len(value))
        {
            self.needed = encode_pair_within(separator, name, value, self.buf, at);
        } else if room_for_pair(name.len(), value.len()) <= NEAR_END_ROOM {
            let mut local = [0u8; NEAR_END_ROOM];
            let len = encode_pair_within(separator, name, value, &mut local, 0);
            self.put(&local[..len]);
        } else {
            put_pair_by_pieces(self, separator, name, value);
        }
    }

    /// [`Sink::put_encoded`] near the buffer's end, as [`Self::put_pair_near_end`].
    #[inline(never)]
    pub(super) fn put_encoded_near_end(&mut self, bytes: &[u8]) {
        let at = self.needed;
        let left = self.buf.len().saturating_sub(at);
        if left >= room_for_output(3 * bytes.len()) || left >= room_for_output(encoded_len(bytes)) {
            self.needed = encode_within(bytes, self.buf, at);
        } else if room_for(bytes.len()) <= NEAR_END_ROOM {
            let mut local = [0u8; NEAR_END_ROOM];
            let len = encode_within(bytes, &mut local, 0);
            self.put(&local[..len]);
        } else {
            encode_by_pieces(bytes, self);
        }
    }
}
