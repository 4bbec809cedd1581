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

use crate::encode::{encode_pair_within, encode_within, room_for, room_for_pair};
use crate::lanes16;
use crate::sink::{Sink, put_pair_by_pieces};
use crate::{Error, SignatureMethod};
use sha1::Digest as _;
use wide::u8x16;
use zeroize::Zeroize;

const BLOCK: usize = 64;
/// Full blocks are compressed as soon as a piece completes one. Batching
/// several saves the per-call cost of the compression function, but
/// compressing early lets the CPU overlap the (latency-bound) SHA rounds
/// with encoding the next piece, which measured faster (BENCHMARKS.md).
const STAGE_BLOCKS: usize = 1;
const STAGE: usize = STAGE_BLOCKS * BLOCK;
/// The stage's size: room past the threshold for a canonical pair or an
/// encoded piece to be written straight into it in one go (see
/// [`MacStream::put_pair`]). 512 bytes of room take a pair of up to 149
/// bytes of text whole (`bulk`'s longest is 127); with 256, most of its
/// pairs went piece by piece and signing took 4–6% longer.
const CAPACITY_BLOCKS: usize = STAGE_BLOCKS + 8;
const CAPACITY: usize = CAPACITY_BLOCKS * BLOCK;
const _: () = assert!(STAGE.is_power_of_two() && CAPACITY >= STAGE + 2 * BLOCK);

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
enum State {
    Sha256([u32; 8]),
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

    /// The digest: the state's words big-endian (32 or 20 bytes).
    fn digest(&self, out: &mut [u8; 32]) -> usize {
        let words: &[u32] = match self {
            State::Sha256(s) => s,
            State::Sha1(s) => s,
        };
        for (dst, w) in out.chunks_exact_mut(4).zip(words) {
            dst.copy_from_slice(&w.to_be_bytes());
        }
        words.len() * 4
    }

    fn wipe(&mut self) {
        match self {
            State::Sha256(s) => s.zeroize(),
            State::Sha1(s) => s.zeroize(),
        }
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
        hash.zeroize();
        Ok(KeyedMac { inner, outer })
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

    /// The number of message bytes written so far (the key block aside).
    #[inline]
    pub(crate) fn message_len(&self) -> usize {
        (self.blocks as usize - 1) * BLOCK + self.len
    }

    /// Pads, finishes the inner hash, and runs the outer one: the raw tag
    /// (32 bytes for SHA-256, the first 20 for SHA-1) and its length.
    // By reference: moving the stream (over 500 bytes) would be a copy.
    pub(crate) fn finish(&mut self) -> ([u8; 32], usize) {
        let bits = (self.blocks * BLOCK as u64 + self.len as u64) * 8;
        let len = self.len;
        finish_hash(&mut self.state, &mut self.stage, len, bits);
        let mut digest = [0u8; 32];
        let n = self.state.digest(&mut digest);

        let mut block = [[0u8; BLOCK]; 2];
        block[0][..n].copy_from_slice(&digest[..n]);
        let bits = (BLOCK + n) as u64 * 8;
        finish_hash(&mut self.outer, &mut block, n, bits);
        let n = self.outer.digest(&mut digest);
        (digest, n)
    }
}

/// Merkle–Damgård padding: `0x80`, zeros, the message length in bits
/// (big-endian). `len` bytes are staged and `stage` has room for the padding.
fn finish_hash(state: &mut State, stage: &mut [[u8; BLOCK]], len: usize, bits: u64) {
    let flat = stage.as_flattened_mut();
    flat[len] = 0x80;
    // The length goes in the last 8 bytes of the block that has room for it.
    let blocks = (len + 1 + 8).div_ceil(BLOCK);
    let end = blocks * BLOCK;
    flat[len + 1..end - 8].fill(0);
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
        // Top up the staged partial block (`len < BLOCK` between calls).
        let take = bytes.len().min(BLOCK - self.len);
        let (piece, bytes) = bytes.split_at(take);
        let at = self.len;
        crate::sink::copy_small(&mut self.bytes()[at..at + take], piece);
        self.len += take;
        if self.len < BLOCK {
            return;
        }
        self.settle();
        // Whole blocks straight from the input, in one call (a ready string
        // to sign is hashed as the floor hashes it), the rest staged.
        let (blocks, rest) = bytes.as_chunks::<BLOCK>();
        if !blocks.is_empty() {
            self.state.compress(blocks);
            self.blocks += blocks.len() as u64;
        }
        crate::sink::copy_small(&mut self.bytes()[..rest.len()], rest);
        self.len = rest.len();
    }

    #[inline]
    fn put_byte(&mut self, byte: u8) {
        let at = self.len;
        self.bytes()[at] = byte;
        self.len += 1;
        self.settle();
    }

    #[inline]
    fn put_pair(&mut self, separator: bool, name: &[u8], value: &[u8]) {
        // `len < STAGE` between calls, so a pair this small always fits.
        if room_for_pair(name.len(), value.len()) <= CAPACITY - STAGE {
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
mod tests {
    use super::*;
    extern crate std;
    use hmac::{Hmac, KeyInit, Mac};
    use std::vec::Vec;

    fn ours(method: SignatureMethod, key: &[u8], msg: &[u8]) -> Vec<u8> {
        let Ok(keyed) = KeyedMac::new(method, key) else {
            return Vec::new();
        };
        let mut s = keyed.start();
        // Mixed piece sizes exercise every path of the sink.
        for (i, piece) in msg.chunks(7).enumerate() {
            match i % 3 {
                0 => s.put(piece),
                1 => piece.iter().for_each(|&b| s.put_byte(b)),
                _ => piece
                    .iter()
                    .for_each(|&b| s.put_entry(u32::from(b) | 1 << 24)),
            }
        }
        let (tag, n) = s.finish();
        tag[..n].to_vec()
    }

    fn reference(method: SignatureMethod, key: &[u8], msg: &[u8]) -> Vec<u8> {
        match method {
            SignatureMethod::HmacSha256 => Hmac::<sha2::Sha256>::new_from_slice(key)
                .map(|m| m.chain_update(msg).finalize().into_bytes().to_vec())
                .unwrap_or_default(),
            SignatureMethod::HmacSha1 => Hmac::<sha1::Sha1>::new_from_slice(key)
                .map(|m| m.chain_update(msg).finalize().into_bytes().to_vec())
                .unwrap_or_default(),
        }
    }

    #[test]
    fn matches_the_hmac_crate_for_every_length_around_block_edges() {
        let data: Vec<u8> = (0..700u32).map(|i| (i * 7 + 3) as u8).collect();
        // Under Miri (an interpreter) a sample of the lengths, still crossing
        // every block and stage edge.
        let step = if cfg!(miri) { 31 } else { 1 };
        for method in [SignatureMethod::HmacSha256, SignatureMethod::HmacSha1] {
            for key_len in [1, 20, 63, 64, 65, 100, 200] {
                for msg_len in (0..600).step_by(step) {
                    let (key, msg) = (&data[..key_len], &data[100..100 + msg_len]);
                    let expected = reference(method, key, msg);
                    assert!(!expected.is_empty());
                    assert_eq!(
                        ours(method, key, msg),
                        expected,
                        "{method:?} {key_len} {msg_len}"
                    );
                }
            }
        }
    }

    #[test]
    fn long_pieces_split_anywhere_match_the_hmac_crate() {
        // Whole blocks are hashed straight from a long piece: split a
        // message in two at every position (under Miri, a sample).
        let msg: Vec<u8> = (0..300u32).map(|i| (i * 13 + 5) as u8).collect();
        let expected = reference(SignatureMethod::HmacSha256, b"key", &msg);
        let step = if cfg!(miri) { 29 } else { 1 };
        for split in (0..=msg.len()).step_by(step) {
            let Ok(keyed) = KeyedMac::new(SignatureMethod::HmacSha256, b"key") else {
                unreachable!()
            };
            let mut s = keyed.start();
            s.put(&msg[..split]);
            s.put(&msg[split..]);
            let (tag, n) = s.finish();
            assert_eq!(tag[..n].to_vec(), expected, "split at {split}");
        }
    }

    #[test]
    fn encoding_straight_into_the_stage_matches_encoding_first() {
        // Texts up to 700 bytes, mixing escapes and plain runs, written after
        // a prefix of every length in a block, so pieces cross every block
        // and stage edge; compared with the MAC of the naively encoded text.
        let pool = b"aZ9-._~ /%+=&*\xc3\xa9\x00";
        let step = if cfg!(miri) { 97 } else { 7 };
        for len in (0..700).step_by(step) {
            let text: Vec<u8> = (0..len).map(|i| pool[(i * 7 + len) % pool.len()]).collect();
            let mut naive = Vec::new();
            for &b in &text {
                if crate::encode::is_unreserved(b) {
                    naive.push(b);
                } else {
                    naive.extend_from_slice(&crate::encode::escape(b));
                }
            }
            for prefix in [0, 1, 63, 200, 255] {
                let Ok(keyed) = KeyedMac::new(SignatureMethod::HmacSha256, b"key") else {
                    unreachable!()
                };
                let mut s = keyed.start();
                s.put(&[b'p'; 255][..prefix]);
                s.put_encoded(&text);
                let (tag, n) = s.finish();
                let mut message = std::vec![b'p'; prefix];
                message.extend_from_slice(&naive);
                assert_eq!(
                    tag[..n].to_vec(),
                    reference(SignatureMethod::HmacSha256, b"key", &message),
                    "{len} after {prefix}"
                );
            }
        }
    }

    #[test]
    fn pairs_of_every_size_around_the_one_go_bound_match_the_naive_mac() {
        // A pair of up to 149 bytes of text is written whole into the stage,
        // a longer one piece by piece: both, after prefixes that leave the
        // stage empty, nearly full and in between.
        let encode = |text: &[u8], out: &mut Vec<u8>| {
            for &b in text {
                if crate::encode::is_unreserved(b) {
                    out.push(b);
                } else {
                    out.extend_from_slice(&crate::encode::escape(b));
                }
            }
        };
        // Under Miri, an interpreter, a sample: the bound is crossed either way.
        let (step, names, prefixes): (usize, &[usize], &[(usize, bool)]) = if cfg!(miri) {
            (97, &[25], &[(63, true)])
        } else {
            (
                3,
                &[1, 25, 60],
                &[(0, false), (1, true), (40, true), (63, true)],
            )
        };
        // Mixed text, and text that is all escapes (the most output per byte).
        for pool in [&b"aZ9-._~ /%+=&*\xc3\xa9"[..], b" /%+=&*"] {
            for &name_len in names {
                for value_len in (0..200).step_by(step) {
                    let name: Vec<u8> = (0..name_len).map(|i| pool[(i * 5) % pool.len()]).collect();
                    let value: Vec<u8> = (0..value_len)
                        .map(|i| pool[(i * 3 + 1) % pool.len()])
                        .collect();
                    for &(prefix, separator) in prefixes {
                        let Ok(keyed) = KeyedMac::new(SignatureMethod::HmacSha256, b"key") else {
                            unreachable!()
                        };
                        let mut s = keyed.start();
                        s.put(&[b'p'; 63][..prefix]);
                        s.put_pair(separator, &name, &value);
                        let (tag, n) = s.finish();
                        let mut message = std::vec![b'p'; prefix];
                        if separator {
                            message.push(b'&');
                        }
                        encode(&name, &mut message);
                        message.push(b'=');
                        encode(&value, &mut message);
                        assert_eq!(
                            tag[..n].to_vec(),
                            reference(SignatureMethod::HmacSha256, b"key", &message),
                            "{name_len} {value_len} after {prefix}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn rfc4231_and_rfc2202_vectors() {
        fn hex(s: &str) -> Vec<u8> {
            (0..s.len())
                .step_by(2)
                .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap_or(0))
                .collect()
        }
        // RFC 4231 test case 2 and RFC 2202 test case 2 ("Jefe").
        assert_eq!(
            ours(
                SignatureMethod::HmacSha256,
                b"Jefe",
                b"what do ya want for nothing?"
            ),
            hex("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        );
        assert_eq!(
            ours(
                SignatureMethod::HmacSha1,
                b"Jefe",
                b"what do ya want for nothing?"
            ),
            hex("effcdf6ae5eb2fa2d27416d5f184df9c259a7c79")
        );
        // RFC 4231 test case 6: a 131-byte key, hashed first.
        assert_eq!(
            ours(
                SignatureMethod::HmacSha256,
                &[0xaa; 131],
                b"Test Using Larger Than Block-Size Key - Hash Key First"
            ),
            hex("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
        );
    }

    #[test]
    fn keyed_state_is_wiped_on_drop() {
        // Observable through the wipe that drop performs.
        let mut k =
            KeyedMac::new(SignatureMethod::HmacSha256, b"key").unwrap_or_else(|_| unreachable!());
        k.inner.wipe();
        k.outer.wipe();
        assert!(matches!(k.inner, State::Sha256(s) if s == [0; 8]));
        assert!(matches!(k.outer, State::Sha256(s) if s == [0; 8]));
    }
}
