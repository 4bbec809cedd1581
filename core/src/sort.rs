//! S3 order (the raw bytes of the unencoded names) without comparing names
//! n·log n times.
//!
//! Each name gets a `u64` key: four bytes of the name (zero-padded) in the
//! high half, its position in the low half. Sorting the keys as plain
//! integers orders the names by those four bytes and leaves the position to
//! read back the order. Names whose four bytes tie form a run; a run is
//! re-keyed four bytes further on, after skipping the prefix all its names
//! share (`SellerSKUList.SellerSKU.` in a 200-SKU request), and sorted again.
//! Small runs, and runs past a fixed depth, are finished by comparing names.
//!
//! Zero padding is sound: a name that ends where another continues is
//! padded with 0, which no continuation byte is below; the remaining ties
//! (a name against the same name followed by NUL bytes) are settled by
//! length in [`cmp_from`].

use crate::Error;
use crate::canonical::{CanonicalParam, check_sorted};
use crate::compare::cmp_bytes;
use crate::params::Param;
use crate::swar::{load_short, word};
use core::cmp::Ordering;
use wide::u8x16;

mod reference;

/// Runs up to this size are finished by insertion sort on the names.
const SMALL_RUN: usize = 16;
/// Re-keying levels before a run is finished by comparison (heapsort), so
/// crafted names cannot make the recursion deep.
const MAX_DEPTH: u32 = 12;

/// The position part of a key.
#[inline(always)]
pub(crate) const fn position(key: u64) -> usize {
    (key & 0xFFFF_FFFF) as usize
}

/// Four bytes of `name` from `offset` as a big-endian integer, zero-padded.
#[inline(always)]
fn prefix32(name: &[u8], offset: usize) -> u64 {
    let rest = name.get(offset..).unwrap_or(&[]);
    if let Some(head) = rest.get(..4) {
        let mut b = [0u8; 4];
        b.copy_from_slice(head);
        return u64::from(u32::from_be_bytes(b));
    }
    let mut k = 0u32;
    for (i, &b) in rest.iter().enumerate() {
        k |= u32::from(b) << (24 - 8 * i);
    }
    u64::from(k)
}

/// Eight bytes of `name` from `offset` as a big-endian integer, zero-padded.
#[inline(always)]
fn prefix64(name: &[u8], offset: usize) -> u64 {
    word_at(name, offset).swap_bytes()
}

/// The 8 bytes of `name` from `at`, little-endian, zero past its end: one
/// load, of the name's last 8 bytes shifted down where fewer are left.
#[inline(always)]
fn word_at(name: &[u8], at: usize) -> u64 {
    let Some(last) = name.len().checked_sub(8) else {
        return u64::from_le_bytes(load_short(name))
            .checked_shr(8 * at as u32)
            .unwrap_or(0);
    };
    let start = at.min(last);
    u64::from_le_bytes(word(&name[start..]))
        .checked_shr(8 * (at - start) as u32)
        .unwrap_or(0)
}

/// The order of two names known to be equal (zero-padded) before `offset`.
// One shared copy in wasm: inlined into each tie path of each of the
// sort's three instantiations it cost 3.5 KB of module size.
#[cfg_attr(not(target_arch = "wasm32"), inline)]
#[cfg_attr(target_arch = "wasm32", inline(never))]
fn cmp_from(a: &[u8], b: &[u8], offset: usize) -> Ordering {
    let rest = |n: &'_ [u8]| -> usize { n.len().min(offset) };
    cmp_bytes(&a[rest(a)..], &b[rest(b)..]).then(a.len().cmp(&b.len()))
}

/// Sorts the names `name(0) .. name(keys.len() - 1)` in S3 order: on return
/// `position(keys[i])` is the position of the `i`-th name. At most
/// `u32::MAX` names (callers check).
///
/// It also checks them (what [`check_sorted`](crate::canonical) does after
/// any other sort), at little cost: names whose keys differ at some level
/// are different, so only those compared to settle a tie can be equal.
///
/// # Errors
/// [`Error::EmptyParameterName`], then [`Error::DuplicateParameter`]; the
/// keys are sorted either way.
pub(crate) fn sort_names<'n>(
    keys: &mut [u64],
    name: &impl Fn(usize) -> &'n [u8],
) -> Result<(), Error> {
    // A few names never go to the many-names sort (no call for them).
    let many = if keys.len() > SMALL_RUN {
        reference::sort(keys, name)
    } else {
        None
    };
    let (empty, unique) = match many {
        Some(verdict) => verdict,
        None => {
            let unique = if keys.len() <= SMALL_RUN {
                sort_few(keys, name)
            } else {
                for (i, key) in keys.iter_mut().enumerate() {
                    *key = (prefix32(name(i), 0) << 32) | i as u64;
                }
                sort_by_prefix(keys);
                refine_ties(keys, name, 4, 0)
            };
            // An empty name sorts first: the first of the order tells.
            let empty = keys
                .first()
                .is_some_and(|&key| name(position(key)).is_empty());
            (empty, unique)
        }
    };
    if empty {
        Err(Error::EmptyParameterName)
    } else if !unique {
        Err(Error::DuplicateParameter)
    } else {
        Ok(())
    }
}

/// Keys and sorts a few names (a typical request): an insertion sort of
/// the plain integers, in which a name whose four bytes tie with those of
/// names already placed is set among them by its name.
///
/// The integer compare stops at the first tied key by itself (positions
/// rise, so a tied key already placed is below the new one), and the tied
/// keys lie together just below it: a tie costs one check a name, with no
/// pass to find runs of ties and none to sort them. Signing `orders` takes
/// 135 instructions fewer than with those passes, `products` (five
/// `IdList.Id.N`) 155. `false` if two names are equal.
fn sort_few<'n>(keys: &mut [u64], name: &impl Fn(usize) -> &'n [u8]) -> bool {
    let mut unique = true;
    // Each key is built and inserted in one step: no pass to store them
    // all first and read them back.
    for i in 0..keys.len() {
        let key = (prefix32(name(i), 0) << 32) | i as u64;
        let mut j = i;
        while let Some(&before) = j.checked_sub(1).and_then(|b| keys.get(b))
            && before > key
        {
            keys[j] = before;
            j -= 1;
        }
        if let Some(&below) = j.checked_sub(1).and_then(|b| keys.get(b))
            && (below ^ key) >> 32 == 0
        {
            let (at, distinct) = place_among_ties(&mut keys[..=j], key, name);
            j = at;
            unique &= distinct;
        }
        keys[j] = key;
    }
    unique
}

/// Where `key` goes among the keys at the top of `keys` whose four bytes
/// tie with its own (ordered by name; the last slot is free): the tied
/// keys whose names come after `key`'s move up one. Names are compared by
/// their next eight bytes, which settle almost every tie (the items of a
/// list, `SignatureMethod` and `SignatureVersion`), then by the rest.
/// Returns the slot and `false` if a tied name equals `key`'s.
// Inlined: out of line, the call and the reloads of the walk's state cost
// about 40 instructions a tie.
#[inline(always)]
fn place_among_ties<'n>(
    keys: &mut [u64],
    key: u64,
    name: &impl Fn(usize) -> &'n [u8],
) -> (usize, bool) {
    let own = name(position(key));
    let ahead = prefix64(own, 4);
    let mut j = keys.len() - 1;
    while let Some(&below) = j.checked_sub(1).and_then(|b| keys.get(b))
        && (below ^ key) >> 32 == 0
    {
        let other = name(position(below));
        let order = match ahead.cmp(&prefix64(other, 4)) {
            Ordering::Equal => names_past_twelve(own, other),
            order => order,
        };
        match order {
            Ordering::Less => {
                keys[j] = below;
                j -= 1;
            }
            Ordering::Equal => return (j, false),
            Ordering::Greater => break,
        }
    }
    (j, true)
}

/// [`cmp_from`] past the twelve bytes two tied names share (their first
/// four and next eight): rare, and kept out of the loops that call it.
#[cold]
#[inline(never)]
fn names_past_twelve(a: &[u8], b: &[u8]) -> Ordering {
    cmp_from(a, b, 12)
}

/// Sorts each run of keys with equal high halves, whose names agree up to
/// `offset`; `false` if two names are equal.
fn refine_ties<'n>(
    keys: &mut [u64],
    name: &impl Fn(usize) -> &'n [u8],
    offset: usize,
    depth: u32,
) -> bool {
    let mut unique = true;
    let mut start = 0;
    while start < keys.len() {
        let high = keys[start] >> 32;
        let mut end = start + 1;
        while end < keys.len() && keys[end] >> 32 == high {
            end += 1;
        }
        if end - start > 1 {
            unique &= refine_run(&mut keys[start..end], name, offset, depth);
        }
        start = end;
    }
    unique
}

/// Sorts one run of names that agree (zero-padded) up to `offset`; `false`
/// if two are equal.
fn refine_run<'n>(
    run: &mut [u64],
    name: &impl Fn(usize) -> &'n [u8],
    offset: usize,
    depth: u32,
) -> bool {
    let by_name = |a: &u64, b: &u64| cmp_from(name(position(*a)), name(position(*b)), offset);
    // Where a run is finished by comparing names, equal ones end up next to
    // each other: one more comparison per neighbour finds them.
    let all_less = |run: &[u64]| {
        run.windows(2)
            .all(|w| by_name(&w[0], &w[1]) == Ordering::Less)
    };
    if run.len() <= SMALL_RUN {
        insertion_sort_by(run, by_name);
        return all_less(run);
    }
    if depth >= MAX_DEPTH {
        heapsort_by(run, by_name);
        return all_less(run);
    }
    // Skip the bytes every name of the run shares past `offset`.
    let first = name(position(run[0]));
    let first = first.get(offset..).unwrap_or(&[]);
    let mut shared = first.len();
    for &key in &run[1..] {
        let other = name(position(key));
        let other = other.get(offset..).unwrap_or(&[]);
        // Compared whole rather than up to `shared`: the first sixteen bytes
        // are one vector step either way, and each name is read at most once.
        shared = shared.min(common_prefix(first, other));
        if shared == 0 {
            break;
        }
    }
    let offset = offset + shared;
    for key in run.iter_mut() {
        let at = position(*key);
        *key = (prefix32(name(at), offset) << 32) | at as u64;
    }
    sort_by_prefix(run);
    refine_ties(run, name, offset + 4, depth + 1)
}

/// Sorts keys by their prefix half alone: the order among equal prefixes
/// is settled by names afterwards, and leaving it free lets the sort pass
/// over a run of equal prefixes (200 `SellerSKUList.SellerSKU.` names
/// re-keyed at `SKUL`) in linear time instead of ordering it by position.
fn sort_by_prefix(keys: &mut [u64]) {
    // One function item for both calls: one instantiation of the sort.
    fn prefix(key: &u64) -> u64 {
        key >> 32
    }
    keys.sort_unstable_by_key(prefix);
}

/// The length of the common prefix of `a` and `b`: the first sixteen bytes
/// in one vector compare when both have them (a run's names past the
/// bytes its key covers, in one step), then eight bytes a step (the last
/// step's words zero-filled past the shorter one's end).
#[inline(always)]
fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    let n = a.len().min(b.len());
    let mut i = 0;
    if let (Some(x), Some(y)) = (a.first_chunk::<16>(), b.first_chunk::<16>()) {
        let equal = u8x16::new(*x).simd_eq(u8x16::new(*y)).to_bitmask();
        if equal != 0xFFFF {
            return (!equal).trailing_zeros() as usize;
        }
        i = 16;
    }
    let (a, b) = (&a[..n], &b[..n]);
    while i < n {
        let diff = u64::from_le_bytes(word(&a[i..])) ^ u64::from_le_bytes(word(&b[i..]));
        if diff != 0 {
            return i + (diff.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    n
}

/// A comparison sort for when there is no room for keys: insertion sort
/// for a few elements, heapsort beyond.
pub(crate) fn sort_by<T: Copy>(v: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    if v.len() <= SMALL_RUN {
        insertion_sort_by(v, cmp);
    } else {
        heapsort_by(v, cmp);
    }
}

/// Insertion sort: the fastest for the handful of elements it gets, and
/// a few dozen bytes of code.
pub(crate) fn insertion_sort_by<T: Copy>(v: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    for i in 1..v.len() {
        let x = v[i];
        let mut j = i;
        while j > 0 && cmp(&x, &v[j - 1]) == Ordering::Less {
            v[j] = v[j - 1];
            j -= 1;
        }
        v[j] = x;
    }
}

/// Heapsort: in place, O(n log n) on every input, no recursion, small code.
/// Used where there is no working space (or for crafted input); the order
/// of equal elements does not matter to callers (equal names are rejected).
pub(crate) fn heapsort_by<T>(v: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    let less = |v: &[T], a: usize, b: usize| cmp(&v[a], &v[b]) == Ordering::Less;
    let sift_down = |v: &mut [T], mut node: usize, end: usize| loop {
        let mut child = 2 * node + 1;
        if child >= end {
            return;
        }
        if child + 1 < end && less(v, child, child + 1) {
            child += 1;
        }
        if !less(v, node, child) {
            return;
        }
        v.swap(node, child);
        node = child;
    };
    let n = v.len();
    for node in (0..n / 2).rev() {
        sift_down(v, node, n);
    }
    for end in (1..n).rev() {
        v.swap(0, end);
        sift_down(v, 0, end);
    }
}

/// Reorders `items` so that `items[i]` becomes the old
/// `items[position(keys[i])]`, following cycles in place. `keys` is used up
/// (its high bits mark the places done).
pub(crate) fn apply_order<T: Copy>(items: &mut [T], keys: &mut [u64]) {
    const DONE: u64 = 1 << 63;
    for key in keys.iter_mut() {
        *key &= 0xFFFF_FFFF;
    }
    for start in 0..items.len().min(keys.len()) {
        if keys[start] & DONE != 0 {
            continue;
        }
        let held = items[start];
        let mut at = start;
        loop {
            let from = position(keys[at]);
            keys[at] |= DONE;
            if from == start {
                items[at] = held;
                break;
            }
            items[at] = items[from];
            at = from;
        }
    }
}

/// Parameters sorted in place with keys on the stack up to this many; more
/// are heapsorted by comparing names, which needs no working space.
const IN_PLACE_KEYS: usize = 256;

/// Sorts `params` in S3 order in place and checks the names.
///
/// # Errors
/// [`Error::EmptyParameterName`], then [`Error::DuplicateParameter`]; the
/// slice is sorted either way.
pub(crate) fn sort_params(params: &mut [Param<'_>]) -> Result<(), Error> {
    sort_by_names(params, |p| p.0.as_bytes()).unwrap_or_else(|| {
        sort_by(params, |a, b| a.cmp_name(b));
        check_sorted(params.iter())
    })
}

/// Sorts `items` in place by the raw bytes of their names, with the keys
/// on the stack, and checks the names as [`sort_names`] does. `None`, with
/// `items` untouched, beyond [`IN_PLACE_KEYS`] items.
pub(crate) fn sort_by_names<T: Copy>(
    items: &mut [T],
    name: impl for<'x> Fn(&'x T) -> &'x [u8],
) -> Option<Result<(), Error>> {
    let n = items.len();
    // Sized to the list: a typical request needs a handful of keys, which
    // are cheaper to set up than the whole array.
    let mut few = [0u64; 16];
    let mut many;
    let keys: &mut [u64] = if n <= few.len() {
        &mut few[..n]
    } else if n <= IN_PLACE_KEYS {
        many = [0u64; IN_PLACE_KEYS];
        &mut many[..n]
    } else {
        return None;
    };
    let checked = sort_names(keys, &|i| name(&items[i]));
    apply_order(items, keys);
    Some(checked)
}

#[cfg(test)]
mod tests;
