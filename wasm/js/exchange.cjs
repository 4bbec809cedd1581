'use strict';
// The exchange area shared with the wasm module (wasm/src/exchange.rs).
//
// A call writes all its strings back to back into one input buffer in wasm
// memory (UTF-8) and their byte lengths into a lengths array, then makes ONE
// call into wasm with the number of pieces and bytes. Results come back the
// same way. Crossing the boundary once per call, with no allocation and no
// JSON, is what makes small requests fast.
//
// The module is single-threaded and calls never overlap; a call started from
// inside another (a getter or an iterator that signs) would scramble the
// pieces, so it is refused instead.

const wasm = require('./mws_sign_wasm.cjs');

const memory = wasm.wasm_memory();
// Header slots, in the order of `slot` in exchange.rs (u32 each).
const HEADER = wasm.header() >>> 2;
const INPUT = 0;
const INPUT_CAP = 1;
const LENS = 2;
const LENS_CAP = 3;
const OUT = 4;
const OUT_LENS = 5;
const STATUS = 6;

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

// Views of the whole memory; renewed when the memory grows (which detaches them).
let buffer = null;
let u8 = null;
let u32 = null;
let i32 = null;
let bytes = null; // a Buffer over the memory, for fast ASCII decoding

// Where the current call writes: input [inPtr, inEnd), lengths from lensAt.
let inPtr = 0;
let inEnd = 0;
let lensAt = 0;
let lensCap = 0;
let off = 0;
let count = 0;
let busy = false;

// Where the current call's results are read: bytes at outPos, lengths at outLens.
let outPos = 0;
let outLens = 0;
let outIndex = 0;

function views() {
  if (memory.buffer !== buffer) {
    buffer = memory.buffer;
    u8 = new Uint8Array(buffer);
    u32 = new Uint32Array(buffer);
    i32 = new Int32Array(buffer);
    bytes = Buffer.from(buffer);
  }
}

function loadInput() {
  inPtr = u32[HEADER + INPUT];
  inEnd = inPtr + u32[HEADER + INPUT_CAP];
  lensAt = u32[HEADER + LENS] >>> 2;
  lensCap = u32[HEADER + LENS_CAP];
}

/** Starts a call: the input is empty afterwards. */
function begin() {
  if (busy) {
    throw new Error('mws-sign: a call was started while another was writing its arguments (re-entrant use from a getter or iterator is not supported)');
  }
  busy = true;
  views();
  loadInput();
  off = 0;
  count = 0;
}

/** Makes room for `need` more bytes and one more piece (rare: the buffers grow and stay grown). */
function grow(need) {
  const rc = wasm.reserve(off, Math.max(off + need, 2 * (inEnd - inPtr)), Math.max(count + 1, 2 * lensCap));
  if (rc !== 0) {
    throw new Error(`mws-sign: internal error (reserve returned ${rc})`);
  }
  views();
  loadInput();
}

/** Appends a string as UTF-8. ASCII is copied by a plain loop (cheaper than a native call for short strings). */
function putString(s) {
  const n = s.length;
  if (inPtr + off + 3 * n > inEnd || count >= lensCap) {
    grow(3 * n);
  }
  const p = inPtr + off;
  let i = 0;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x7f) break;
    u8[p + i] = c;
  }
  let written = i;
  if (i < n) {
    // TextEncoder would silently write U+FFFD for a lone surrogate: refuse instead.
    if (!s.isWellFormed()) {
      throw new TypeError('a string contains a lone surrogate (it is not valid Unicode)');
    }
    written += encoder.encodeInto(i === 0 ? s : s.slice(i), u8.subarray(p + i, inEnd)).written;
  }
  u32[lensAt + count++] = written;
  off += written;
}

/** Appends raw bytes (a Uint8Array). */
function putBytes(data) {
  const n = data.length;
  if (inPtr + off + n > inEnd || count >= lensCap) {
    grow(n);
  }
  u8.set(data, inPtr + off);
  u32[lensAt + count++] = n;
  off += n;
}

/** The number of pieces written so far. */
function pieces() {
  return count;
}

/** The number of bytes written so far. */
function length() {
  return off;
}

/** Ends a call that failed before reaching wasm: wipes what was written (it may hold the secret). */
function abort() {
  views();
  u8.fill(0, inPtr, inPtr + off);
  off = 0;
  count = 0;
  busy = false;
}

/** Ends a call that reached wasm (which wiped the input) and prepares to read its results. */
function finish() {
  busy = false;
  views();
  outPos = u32[HEADER + OUT];
  outLens = u32[HEADER + OUT_LENS] >>> 2;
  outIndex = 0;
}

/** The status left by a call that returns an object (`signer_new`). */
function status() {
  views();
  return i32[HEADER + STATUS];
}

/**
 * The next result, known to be ASCII (every signing stage is). Buffer's
 * latin1Slice is the fastest decoder at every length (a native call, about
 * 0.1 us; `String.fromCharCode.apply` costs 0.4 us already for a signature).
 */
function nextAscii() {
  const len = u32[outLens + outIndex++];
  const p = outPos;
  outPos += len;
  return bytes.latin1Slice(p, p + len);
}

/** The next result as UTF-8 text. */
function nextText() {
  const len = u32[outLens + outIndex++];
  const p = outPos;
  outPos += len;
  return decoder.decode(u8.subarray(p, p + len));
}

/** Encodes a string once, for a body that must be exactly the bytes hashed. */
function utf8(s) {
  return encoder.encode(s);
}

module.exports = {
  wasm,
  begin,
  putString,
  putBytes,
  pieces,
  length,
  abort,
  finish,
  status,
  nextAscii,
  nextText,
  utf8,
};
