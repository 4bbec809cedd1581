//! Many names sorted with one integer key each, taken where each name first
//! differs from a reference name (one of them).
//!
//! Say name `a` first differs from the reference `r` at byte `l` (names
//! zero-padded, as everywhere in the sort). If `a` is below `r` there,
//! every name that follows `r` further than `l` has `r[l]` at `l`, so it
//! sorts after `a`: below the reference, a shorter shared length comes
//! first. Above it, the same argument puts a longer shared length first.
//! Names on the same side with the same `l` agree up to `l` and are ordered
//! by their bytes from there. So (side, `l` or its complement, the next
//! bytes, the position) is a key, and one integer sort orders the names up
//! to ties in those bytes, which are refined by comparing names as in the
//! parent module. For 200 `SellerSKUList.SellerSKU.<n>` names that is one
//! sort, where four-byte prefixes took three sorts of the whole list and
//! two scans for shared prefixes.
//!
//! Each name's first 32 bytes are read as two 16-byte integers without
//! branching on where the name ends, since the names of a long list end at
//! places no branch predictor can guess (`.7`, `.77`, `.177`).

use super::{SMALL_RUN, common_prefix, refine_run, word_at};
use crate::lanes16;
#[cfg(test)]
use crate::swar::word;
use wide::u8x16;

/// Bits of a key that hold the position: up to 1,024 names (a `ParamIndex`).
const POSITION_BITS: u32 = 10;
/// Bits that hold the shared length (or its complement).
const LENGTH_BITS: u32 = 13;
/// Bytes of a name from its first difference with the reference.
const NEXT_BYTES: usize = 5;

const POSITION: u64 = (1 << POSITION_BITS) - 1;
/// The longest shared length a key holds, and the mark of a name equal to
/// the reference (it sorts first above it).
const LONGEST: usize = (1 << LENGTH_BITS) - 1;
const NEXT_SHIFT: u32 = POSITION_BITS;
const LENGTH_SHIFT: u32 = NEXT_SHIFT + 8 * NEXT_BYTES as u32;
const SIDE_SHIFT: u32 = LENGTH_SHIFT + LENGTH_BITS;
const _: () = assert!(SIDE_SHIFT == 63, "the fields fill a u64");

/// Sorts `keys` as [`super::sort_names`] does and returns (an empty name,
/// all names distinct); `None` for lists this sort is not made for (a few
/// names, more than 1,024, or names sharing thousands of bytes), leaving
/// the keys to be set afresh.
// Out of line: inlined into its caller beside the small sort, the key
// loop lost registers to it (a spill and a reload a name; `bulk` +2%).
#[inline(never)]
pub(super) fn sort<'n>(
    keys: &mut [u64],
    name: &impl Fn(usize) -> &'n [u8],
) -> Option<(bool, bool)> {
    let count = keys.len();
    if count <= SMALL_RUN || count > 1 << POSITION_BITS {
        return None;
    }
    let reference = name(count / 2);
    let window = Window::of(reference);
    let reference_bytes = window.bytes();
    let mut empty = false;
    for (i, key) in keys.iter_mut().enumerate() {
        let name = name(i);
        empty |= name.is_empty();
        let own = Window::of(name);
        let place = match own.first_difference(window) {
            Some(at) if at + NEXT_BYTES <= 32 => {
                // Straight from the name: only the first `NEXT_BYTES` count,
                // and they lie inside the window.
                let next = word_at(name, at);
                Place {
                    above: next as u8 > reference_bytes[at],
                    shared: at,
                    next: big_endian_next(next),
                }
            }
            _ => place_beyond_window(name, reference)?,
        };
        *key = place.key(i);
    }
    // Whole keys: the positions make them distinct, and a run of equal
    // places (rare here) costs a few comparisons more, not a slower sort.
    keys.sort_unstable();
    Some((empty, refine_places(keys, name)))
}

/// Turns the keys back into plain positions, sorting each run of equal
/// places by its names; `false` if two names are equal.
fn refine_places<'n>(keys: &mut [u64], name: &impl Fn(usize) -> &'n [u8]) -> bool {
    // One pass: each key is masked as it is read, and a run is refined
    // once the first key past it shows where it ends. Runs are rare (a
    // list's places nearly all differ), so the step for a key that starts
    // a new place is the one kept short.
    let mut unique = true;
    let Some(&first) = keys.first() else {
        return true;
    };
    let mut place = first >> NEXT_SHIFT;
    let mut start = 0;
    for at in 0..=keys.len() {
        let next = keys.get(at).map(|&key| key >> NEXT_SHIFT);
        if next == Some(place) {
            keys[at] &= POSITION;
            continue;
        }
        if at - start > 1 {
            unique &= refine_run(&mut keys[start..at], name, agreed_length(place), 1);
        }
        let Some(next) = next else {
            break;
        };
        keys[at] &= POSITION;
        place = next;
        start = at;
    }
    unique
}

/// How far the names of one place agree (zero-padded).
fn agreed_length(place: u64) -> usize {
    let length = (place >> (LENGTH_SHIFT - NEXT_SHIFT)) as usize & LONGEST;
    match (place >> (SIDE_SHIFT - NEXT_SHIFT) == 1, length) {
        // Equal to the reference: no more than that is known.
        (true, 0) => 0,
        (true, length) => LONGEST - length + NEXT_BYTES,
        (false, length) => length + NEXT_BYTES,
    }
}

/// Where a name stands against the reference.
struct Place {
    /// Above the reference at the first difference (or equal to it).
    above: bool,
    /// The length it shares with the reference ([`LONGEST`]: equal).
    shared: usize,
    /// Its next bytes from there, big-endian.
    next: u64,
}

impl Place {
    fn key(&self, position: usize) -> u64 {
        let length = if self.above {
            LONGEST - self.shared
        } else {
            self.shared
        };
        (u64::from(self.above) << SIDE_SHIFT)
            | (length as u64) << LENGTH_SHIFT
            | self.next << NEXT_SHIFT
            | position as u64
    }
}

/// The place of a name that agrees with the reference through the first
/// 27 bytes (zero-padded): found byte by byte. `None` if the two share
/// more than a key holds.
#[cold]
fn place_beyond_window(name: &[u8], reference: &[u8]) -> Option<Place> {
    let shared = common_prefix(name, reference);
    let longer = if name.len() > reference.len() {
        name
    } else {
        reference
    };
    // Past the shorter one's end, its padding agrees with zero bytes.
    let shared = if shared == name.len().min(reference.len()) {
        shared + longer[shared..].iter().take_while(|&&b| b == 0).count()
    } else {
        shared
    };
    if shared == longer.len() {
        return Some(Place {
            above: true,
            shared: LONGEST,
            next: 0,
        });
    }
    if shared >= LONGEST {
        return None;
    }
    let byte = |text: &[u8], at: usize| text.get(at).copied().unwrap_or(0);
    let mut next = [0u8; 8];
    for (k, slot) in next[..NEXT_BYTES].iter_mut().enumerate() {
        *slot = byte(name, shared + k);
    }
    Some(Place {
        above: byte(name, shared) > byte(reference, shared),
        shared,
        next: big_endian_next(u64::from_le_bytes(next)),
    })
}

/// The first [`NEXT_BYTES`] bytes of a little-endian word as a big-endian
/// integer, so integer order is byte order.
#[inline(always)]
fn big_endian_next(word: u64) -> u64 {
    (word << (64 - 8 * NEXT_BYTES)).swap_bytes()
}

/// The first 32 bytes of a name, zero-padded, as two 16-byte vectors.
#[derive(Clone, Copy)]
struct Window {
    low: u8x16,
    high: u8x16,
}

impl Window {
    /// Reads `name` with whole 16-byte loads where it has the bytes, and
    /// two overlapping words for a shorter part (see
    /// [`lanes16::zero_filled`]): no byte loop, and a long list's names
    /// end at places no branch predictor can guess (`.7`, `.77`, `.177`).
    #[inline(always)]
    fn of(name: &[u8]) -> Self {
        let part = |bytes: &[u8]| match bytes.first_chunk::<16>() {
            Some(chunk) => u8x16::new(*chunk),
            None => u8x16::new(lanes16::zero_filled(bytes)),
        };
        Window {
            low: part(name),
            high: part(name.get(16..).unwrap_or(&[])),
        }
    }

    /// Where the two first differ, if within the window: one vector
    /// compare for each half.
    #[inline(always)]
    fn first_difference(self, other: Window) -> Option<usize> {
        let equal = self.low.simd_eq(other.low).to_bitmask()
            | self.high.simd_eq(other.high).to_bitmask() << 16;
        let differ = !equal;
        (differ != 0).then(|| differ.trailing_zeros() as usize)
    }

    /// The bytes from `at` (under 32), little-endian, zero past the window.
    #[cfg(test)]
    fn bytes_from(self, at: usize) -> u64 {
        let mut bytes = [0u8; 40];
        bytes[..32].copy_from_slice(&self.bytes());
        u64::from_le_bytes(word(&bytes[at..]))
    }

    fn bytes(self) -> [u8; 32] {
        let mut bytes = [0u8; 32];
        bytes[..16].copy_from_slice(&self.low.to_array());
        bytes[16..].copy_from_slice(&self.high.to_array());
        bytes
    }
}

#[cfg(test)]
mod tests;
