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

use super::{SMALL_RUN, common_prefix, refine_run};
use crate::lanes16;

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
                let next = own.bytes_from(at);
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
    let mut unique = true;
    let mut start = 0;
    while start < keys.len() {
        let place = keys[start] >> NEXT_SHIFT;
        let mut end = start + 1;
        while end < keys.len() && keys[end] >> NEXT_SHIFT == place {
            end += 1;
        }
        for key in &mut keys[start..end] {
            *key &= POSITION;
        }
        if end - start > 1 {
            let run = &mut keys[start..end];
            unique &= refine_run(run, name, agreed_length(place), 1);
        }
        start = end;
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

/// The first 32 bytes of a name, zero-padded, as two little-endian
/// integers.
#[derive(Clone, Copy)]
struct Window {
    low: u128,
    high: u128,
}

impl Window {
    /// Reads `name` with loads whose places depend only on whether it has
    /// 8, 16 or 32 bytes: a shorter tail is the end of the last full load,
    /// shifted down.
    #[inline(always)]
    fn of(name: &[u8]) -> Self {
        let n = name.len();
        let (Some(head), Some(tail)) = (name.first_chunk::<16>(), name.last_chunk::<16>()) else {
            return Window {
                low: short(name),
                high: 0,
            };
        };
        let high = match name[16..].first_chunk::<16>() {
            Some(next) => u128::from_le_bytes(*next),
            // Bytes 16.. sit at 32 - n in the last 16; two shifts, since
            // a 16-byte name shifts all 128 bits out.
            None => (u128::from_le_bytes(*tail) >> (8 * (31 - n))) >> 8,
        };
        Window {
            low: u128::from_le_bytes(*head),
            high,
        }
    }

    /// Where the two first differ, if within the window.
    #[inline(always)]
    fn first_difference(self, other: Window) -> Option<usize> {
        let (low, high) = (self.low ^ other.low, self.high ^ other.high);
        if low != 0 {
            Some(low.trailing_zeros() as usize / 8)
        } else if high != 0 {
            Some(16 + high.trailing_zeros() as usize / 8)
        } else {
            None
        }
    }

    /// The bytes from `at` (under 32), little-endian, zero past the window.
    #[inline(always)]
    fn bytes_from(self, at: usize) -> u64 {
        let shift = 8 * (at % 16) as u32;
        let word = if at < 16 {
            // `high` shifted in from above; two steps for `at == 0`.
            (self.low >> shift) | ((self.high << 1) << (127 - shift))
        } else {
            self.high >> shift
        };
        word as u64
    }

    fn bytes(self) -> [u8; 32] {
        let mut bytes = [0u8; 32];
        bytes[..16].copy_from_slice(&self.low.to_le_bytes());
        bytes[16..].copy_from_slice(&self.high.to_le_bytes());
        bytes
    }
}

/// A name under 16 bytes, zero-padded, as a little-endian integer.
#[inline(always)]
fn short(name: &[u8]) -> u128 {
    u128::from_le_bytes(lanes16::zero_filled(name))
}

#[cfg(test)]
mod tests;
