//! HMAC (RFC 2104) over the SHA-256 and SHA-1 compression functions of
//! RustCrypto's `sha2` and `sha1`, with the message staged in whole blocks.
//!
//! Why not the `hmac` crate: its key schedule returns the zero-padded key
//! block by value and never wipes it, so a plain copy of the secret was left
//! on the stack after every keying (the Node binding's test found it in wasm
//! memory). Here the key block is built in place and wiped, the keyed states
//! are wiped on drop, and only the vetted compression functions are used.
//! The construction is cross-checked against the `hmac` crate for every
//! length around the block edges and against RFC 4231 / RFC 2202 vectors.

use crate::encode::{
    copy_plain_within, encode_pair_within, encode_within, room_for, room_for_pair, room_for_plain,
};
use crate::lanes16;
use crate::sink::{Sink, put_lines_by_pieces, put_pair_by_pieces};
use crate::{Error, SignatureMethod};
use sha1::Digest as _;
use wide::{u8x16, u32x4};
use zeroize::Zeroize;

const BLOCK: usize = 64;
/// Full blocks are compressed two at a time. Each call of the compression
/// function loads and reorders the state and stores it back, on the SHA
/// rounds' latency chain; compressing early lets the CPU overlap those
/// rounds with encoding the next piece. Two blocks a call measured fastest
/// (orders -3% against one, products -2%); four were slower than one
/// (BENCHMARKS.md).
const STAGE_BLOCKS: usize = 2;
const STAGE: usize = STAGE_BLOCKS * BLOCK;
/// The stage's size: room past the threshold for a canonical pair or an
/// encoded piece to be written straight into it in one go (see
/// [`MacStream::put_pair`]). 512 bytes of room take a pair of up to 135
/// bytes of text whole (`bulk`'s longest is 127); with 256, most of its
/// pairs went piece by piece and signing took 4–6% longer.
const CAPACITY_BLOCKS: usize = STAGE_BLOCKS + 8;
const CAPACITY: usize = CAPACITY_BLOCKS * BLOCK;
const _: () = assert!(STAGE.is_power_of_two() && CAPACITY >= STAGE + 2 * BLOCK);
/// The most text (name and value) a pair may have to be written into the
/// stage in one go: its room grows by three bytes per byte of text, so
/// one compare of the summed lengths decides (see [`room_for_pair`]).
const PAIR_TEXT_FITS: usize = (CAPACITY - STAGE - room_for_pair(0, 0)) / 3;
const _: () = assert!(room_for_pair(PAIR_TEXT_FITS, 0) <= CAPACITY - STAGE);
const _: () = assert!(room_for_pair(PAIR_TEXT_FITS + 1, 0) > CAPACITY - STAGE);

/// FIPS 180-4 initial hash values.
const SHA256_IV: [u32; 8] = [
    0x6a09_e667,
    0xbb67_ae85,
    0x3c6e_f372,
    0xa54f_f53a,
    0x510e_527f,
    0x9b05_688c,
    0x1f83_d9ab,
    0x5be0_cd19,
];
const SHA1_IV: [u32; 5] = [
    0x6745_2301,
    0xEFCD_AB89,
    0x98BA_DCFE,
    0x1032_5476,
    0xC3D2_E1F0,
];

/// A hash state between blocks.
#[derive(Clone, Copy)]
pub(crate) enum State {
    /// SHA-256's eight words.
    Sha256([u32; 8]),
    /// SHA-1's five words.
    Sha1([u32; 5]),
}

impl State {
    const fn initial(method: SignatureMethod) -> State {
        match method {
            SignatureMethod::HmacSha256 => State::Sha256(SHA256_IV),
            SignatureMethod::HmacSha1 => State::Sha1(SHA1_IV),
        }
    }

    #[inline]
    fn compress(&mut self, blocks: &[[u8; BLOCK]]) {
        match self {
            State::Sha256(s) => sha2::block_api::compress256(s, blocks),
            State::Sha1(s) => sha1::block_api::compress(s, blocks),
        }
    }

    /// The outer hash's one block for this inner state: the digest
    /// big-endian (32 or 20 bytes), `0x80`, zeros, the length in bits.
    ///
    /// Written in 16-byte stores: this runs between the last two
    /// compressions, whose loads take 16 bytes at a time, and a load is
    /// served straight from the store buffer only by one store that covers
    /// it. A word-by-word digest, a byte for the `0x80` and an 8-byte
    /// length made the outer hash wait for those stores to reach the cache.
    #[inline]
    fn outer_block(&self) -> [[u8; BLOCK]; 1] {
        const MARK: u32 = 0x8000_0000;
        let (first, second, tail) = match self {
            State::Sha256([a, b, c, d, e, f, g, h]) => (
                be_bytes16([*a, *b, *c, *d]),
                be_bytes16([*e, *f, *g, *h]),
                &OUTER_TAILS[0],
            ),
            State::Sha1([a, b, c, d, e]) => (
                be_bytes16([*a, *b, *c, *d]),
                be_bytes16([*e, MARK, 0, 0]),
                &OUTER_TAILS[1],
            ),
        };
        let mut block = [[0u8; BLOCK]; 1];
        block[0][..16].copy_from_slice(&first);
        block[0][16..32].copy_from_slice(&second);
        block[0][32..].copy_from_slice(tail);
        block
    }

    fn wipe(&mut self) {
        match self {
            State::Sha256(s) => wipe_words(s),
            State::Sha1(s) => wipe_words(s),
        }
    }
}

/// The last 32 bytes of the outer hash's block, after a SHA-256 digest and
/// after a SHA-1 one (whose `0x80` lies in the bytes before): a table, so
/// that they are copied as two 16-byte pieces (as constants chosen by the
/// digest, they were stored in pieces of 1–16 bytes).
const OUTER_TAILS: [[u8; 32]; 2] = [outer_tail(32), outer_tail(20)];

const fn outer_tail(digest_len: usize) -> [u8; 32] {
    let mut tail = [0u8; 32];
    if digest_len == 32 {
        tail[0] = 0x80;
    }
    let bits = ((BLOCK + digest_len) * 8) as u64;
    tail.split_at_mut(24).1.copy_from_slice(&bits.to_be_bytes());
    tail
}

/// Four words big-endian, as one 16-byte value (one store): each word's
/// bytes reversed in a vector register (left to itself, the compiler did
/// one half of a digest so and the other word by word).
#[inline(always)]
fn be_bytes16(words: [u32; 4]) -> [u8; 16] {
    let x = u32x4::new(words);
    // The 16-bit halves swapped, then the bytes within each half.
    let halves = (x << 16_u32) | (x >> 16_u32);
    let swapped = ((halves << 8_u32) & u32x4::splat(0xFF00_FF00))
        | ((halves >> 8_u32) & u32x4::splat(0x00FF_00FF));
    let mut bytes = [0u8; 16];
    for (dst, w) in bytes.chunks_exact_mut(4).zip(swapped.to_array()) {
        dst.copy_from_slice(&w.to_le_bytes());
    }
    bytes
}

/// A finished MAC: the outer hash's state, whose words big-endian are the
/// tag (eight words for SHA-256, five for SHA-1). Base64 reads the words
/// from registers: copied out as bytes, in 4-byte stores read back in
/// 8-byte groups, the tag waited for the stores to reach the cache at the
/// very end of signing.
pub(crate) type Tag = State;

impl Tag {
    /// The tag's bytes (32 or 20) at the start of the array, and their number.
    #[cfg(any(test, target_arch = "wasm32"))]
    pub(crate) fn bytes(&self) -> ([u8; 32], usize) {
        let mut out = [0u8; 32];
        let words: &[u32] = match self {
            Tag::Sha256(w) => w,
            Tag::Sha1(w) => w,
        };
        for (dst, w) in out.chunks_exact_mut(4).zip(words) {
            dst.copy_from_slice(&w.to_be_bytes());
        }
        (out, 4 * words.len())
    }
}

/// Wipes hash words. Natively as a slice: `zeroize` wipes an array
/// element by element (a volatile 4-byte store each), a slice with
/// whole-width stores and a barrier the compiler cannot remove them across.
/// In wasm, which has no such barrier, a slice is wiped by volatile stores
/// too, in code 1.2 KB larger: there the array's.
#[inline(always)]
fn wipe_words<const N: usize>(words: &mut [u32; N]) {
    if cfg!(target_arch = "wasm32") {
        words.zeroize();
    } else {
        words.as_mut_slice().zeroize();
    }
}

/// The keyed HMAC: the inner and outer states after absorbing the padded
/// key. They are as good as the key, so they are wiped on drop.
#[derive(Clone)]
pub(crate) struct KeyedMac {
    inner: State,
    outer: State,
}

impl KeyedMac {
    /// Runs the key schedule once.
    pub(crate) fn new(method: SignatureMethod, key: &[u8]) -> Result<Self, Error> {
        if key.is_empty() {
            return Err(Error::EmptySecret);
        }
        Ok(Self::keyed(method, key))
    }

    /// The key schedule for a key already checked to be non-empty: a value,
    /// not a `Result`, so a caller can build it in place (a `Result` of the
    /// keyed states was copied out on the one-call path).
    pub(crate) fn keyed(method: SignatureMethod, key: &[u8]) -> Self {
        // A key longer than a block is replaced by its hash (RFC 2104).
        let mut hash = [0u8; 32];
        let key = if key.len() > BLOCK {
            let len = match method {
                SignatureMethod::HmacSha256 => {
                    hash.copy_from_slice(&sha2::Sha256::digest(key));
                    32
                }
                SignatureMethod::HmacSha1 => {
                    hash[..20].copy_from_slice(&sha1::Sha1::digest(key));
                    20
                }
            };
            &hash[..len]
        } else {
            key
        };
        // Both padded keys, 16 bytes at a time in vector registers and
        // stored whole: built with narrower stores (a variable-length copy,
        // a byte loop), the blocks would stall the compression's 16-byte
        // loads on store forwarding (keying measured ~10 ns slower).
        let mut pads = [[0u8; BLOCK]; 2];
        let [ipad, opad] = &mut pads;
        for (i, (inner, outer)) in ipad
            .chunks_exact_mut(16)
            .zip(opad.chunks_exact_mut(16))
            .enumerate()
        {
            let chunk = lanes16::load(key, 16 * i);
            inner.copy_from_slice(&(chunk ^ u8x16::splat(0x36)).to_array());
            outer.copy_from_slice(&(chunk ^ u8x16::splat(0x5c)).to_array());
        }
        let mut inner = State::initial(method);
        let mut outer = State::initial(method);
        inner.compress(&pads[..1]);
        outer.compress(&pads[1..]);
        pads.as_flattened_mut().zeroize();
        hash.as_mut_slice().zeroize(); // as a slice: see `wipe_words`
        KeyedMac { inner, outer }
    }

    /// Starts a message.
    #[inline]
    pub(crate) fn start(&self) -> MacStream {
        MacStream {
            state: self.inner,
            outer: self.outer,
            stage: [[0; BLOCK]; CAPACITY_BLOCKS],
            len: 0,
            blocks: 1, // the key block already absorbed
        }
    }
}

impl Drop for KeyedMac {
    fn drop(&mut self) {
        self.inner.wipe();
        self.outer.wipe();
    }
}

/// A message being MACed: the sink every signing stage streams into.
///
/// Pieces are written into `stage` ([`CAPACITY`] bytes); once [`STAGE`] or
/// more are staged, the full blocks are compressed together and the partial
/// one moved to the front. Invariant between calls: `len < STAGE`, so a
/// piece of up to `CAPACITY - STAGE` bytes always fits whole.
pub(crate) struct MacStream {
    state: State,
    outer: State,
    stage: [[u8; BLOCK]; CAPACITY_BLOCKS],
    len: usize,
    blocks: u64,
}

impl MacStream {
    #[inline]
    fn bytes(&mut self) -> &mut [u8] {
        self.stage.as_flattened_mut()
    }

    /// Compresses the full blocks once the stage is past its threshold and
    /// moves the partial block to the front.
    #[inline]
    fn settle(&mut self) {
        if self.len >= STAGE {
            let full = self.len / BLOCK;
            let (done, spill) = self.stage.split_at_mut(full);
            self.state.compress(done);
            self.blocks += full as u64;
            self.len %= BLOCK;
            // The whole block, though only `len` bytes of it count: a
            // fixed-size copy is a few vector moves, a `len`-byte one a
            // `memcpy` call on every block (past `len` nothing is read).
            if let (Some(front), Some(partial)) = (done.first_mut(), spill.first()) {
                *front = *partial;
            }
        }
    }

    /// Stages a piece under a block and settles once: it always fits
    /// (`len < STAGE + BLOCK` wherever this is called, and the stage holds
    /// two blocks more).
    #[inline(always)]
    fn stage_short(&mut self, bytes: &[u8]) {
        let at = self.len;
        crate::sink::copy_small(&mut self.bytes()[at..at + bytes.len()], bytes);
        self.len += bytes.len();
        self.settle();
    }

    /// The number of message bytes written so far (the key block aside).
    #[inline]
    pub(crate) fn message_len(&self) -> usize {
        (self.blocks as usize - 1) * BLOCK + self.len
    }

    /// Pads, finishes the inner hash, and runs the outer one: the tag.
    // By reference: moving the stream (over 500 bytes) would be a copy.
    pub(crate) fn finish(&mut self) -> Tag {
        let bits = (self.blocks * BLOCK as u64 + self.len as u64) * 8;
        let len = self.len;
        finish_inner(&mut self.state, &mut self.stage, len, bits);

        self.outer.compress(&self.state.outer_block());
        self.outer
    }
}

/// Merkle–Damgård padding of the inner hash: `0x80`, zeros, the message
/// length in bits (big-endian) at the end of the block that has room for
/// it. `len < STAGE` bytes are staged; the stage has room for the block
/// after them.
fn finish_inner(state: &mut State, stage: &mut [[u8; BLOCK]], len: usize, bits: u64) {
    let flat = stage.as_flattened_mut();
    flat[len] = 0x80;
    let blocks = (len + 1 + 8).div_ceil(BLOCK);
    let end = blocks * BLOCK;
    // A block's worth of zeros after the `0x80` reaches the length field
    // either way (it ends at 65..=128, the field starts at 56 or 120): a
    // fixed-size fill at a moving place, where filling exactly up to the
    // field was a `memset` call.
    flat[len + 1..len + 1 + BLOCK].fill(0);
    flat[end - 8..end].copy_from_slice(&bits.to_be_bytes());
    state.compress(&stage[..blocks]);
}

impl Drop for MacStream {
    fn drop(&mut self) {
        // The state starts as the keyed inner state: wipe what is left of it.
        self.state.wipe();
        self.outer.wipe();
    }
}

impl Sink for MacStream {
    #[inline]
    fn put(&mut self, bytes: &[u8]) {
        if bytes.len() < BLOCK {
            // A short piece (a head's line when the head is not written in
            // one go): staged whole, as a pair is, without the top-up below.
            self.stage_short(bytes);
            return;
        }
        // Top up the staged partial block, if any.
        let partial = self.len % BLOCK;
        let take = if partial == 0 {
            0
        } else {
            bytes.len().min(BLOCK - partial)
        };
        let (piece, bytes) = bytes.split_at(take);
        let at = self.len;
        crate::sink::copy_small(&mut self.bytes()[at..at + take], piece);
        self.len += take;
        if bytes.len() < BLOCK {
            self.stage_short(bytes);
            return;
        }
        // The staged blocks (whole now), then whole blocks straight from
        // the input in one call (a ready string to sign is hashed as the
        // floor hashes it), the rest staged.
        let staged = self.len / BLOCK;
        if staged > 0 {
            self.state.compress(&self.stage[..staged]);
            self.blocks += staged as u64;
        }
        let (blocks, rest) = bytes.as_chunks::<BLOCK>();
        self.state.compress(blocks);
        self.blocks += blocks.len() as u64;
        crate::sink::copy_small(&mut self.bytes()[..rest.len()], rest);
        self.len = rest.len();
    }

    // One shared copy in wasm, for the module's size.
    #[cfg_attr(not(target_arch = "wasm32"), inline)]
    #[cfg_attr(target_arch = "wasm32", inline(never))]
    fn put_lines(&mut self, lines: &[&[u8]; 3]) {
        // `len < STAGE` between calls: lines this short always fit, with
        // each copy's store window.
        let room: usize = lines.iter().map(|l| room_for_plain(l.len()) + 1).sum();
        if room > CAPACITY - STAGE {
            put_lines_by_pieces(self, lines);
            return;
        }
        let mut at = self.len;
        for line in lines {
            at = copy_plain_within(line, self.bytes(), at);
            self.bytes()[at] = b'\n';
            at += 1;
        }
        self.len = at;
        self.settle();
    }

    #[inline]
    fn put_byte(&mut self, byte: u8) {
        let at = self.len;
        self.bytes()[at] = byte;
        self.len += 1;
        self.settle();
    }

    // Inlined into the canonical query's loop natively: a call per pair
    // saved its registers and reloaded the encoder's vector constants
    // (orders -1.5 to -3%); one shared copy in wasm, for the module's size.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    #[cfg_attr(target_arch = "wasm32", inline)]
    fn put_pair(&mut self, separator: bool, name: &[u8], value: &[u8]) {
        // `len < STAGE` between calls, so a pair this small always fits.
        if name.len() + value.len() <= PAIR_TEXT_FITS {
            let at = self.len;
            self.len = encode_pair_within(separator, name, value, self.bytes(), at);
            self.settle();
        } else {
            put_pair_by_pieces(self, separator, name, value);
        }
    }

    #[inline]
    fn put_encoded(&mut self, mut bytes: &[u8]) {
        // Straight into the stage, as much input as surely fits each time.
        const FITS: usize = (CAPACITY - STAGE - room_for(0)) / 3;
        while !bytes.is_empty() {
            let (piece, rest) = bytes.split_at(bytes.len().min(FITS));
            let at = self.len;
            self.len = encode_within(piece, self.bytes(), at);
            self.settle();
            bytes = rest;
        }
    }
}

#[cfg(test)]
mod tests;
