'use strict';
// The generic SigV2 calls: a whole request in one call, or one stage alone.

const ex = require('./exchange.cjs');
const { check } = require('./errors.cjs');
const { options, putText, putParams, toBytes, millis } = require('./convert.cjs');

const { wasm } = ex;

// What a signing call returns (`what` in wasm/src/signing.rs).
const SIGNATURE = 0;
const SIGNED_QUERY = 1;
const ALL = 2;

const DEFAULT_METHOD = 'HmacSHA256';
const DEFAULT_SCHEME = 'https';

/** Appends method, scheme, host, path and the parameters of a request. */
function putRequest(o) {
  putText(o.method, 'method');
  putText(o.scheme === undefined ? DEFAULT_SCHEME : o.scheme, 'scheme');
  putText(o.host, 'host');
  putText(o.path, 'path');
  putParams(o.params, 'params');
}

/** Signs with the secret of `o`; the results are ready to read. */
function signWith(o, what, fn) {
  options(o, fn);
  ex.begin();
  try {
    putText(o.secret, 'secret');
    putText(o.signatureMethod === undefined ? DEFAULT_METHOD : o.signatureMethod, 'signatureMethod');
    putRequest(o);
  } catch (e) {
    ex.abort();
    throw e;
  }
  check(wasm.sign_request(ex.pieces(), ex.length(), what));
}

/** Reads the results of an ALL call. */
function readStages() {
  return {
    canonicalQuery: ex.nextAscii(),
    stringToSign: ex.nextAscii(),
    signature: ex.nextAscii(),
    signedQuery: ex.nextAscii(),
    url: ex.nextAscii(),
    urlWithQuery: ex.nextAscii(),
  };
}

/** The Base64 signature of a request. */
function sign(o) {
  signWith(o, SIGNATURE, 'sign');
  return ex.nextAscii();
}

/** The signed query: the canonical query, then `&Signature=` and the encoded signature. */
function signedQuery(o) {
  signWith(o, SIGNED_QUERY, 'signedQuery');
  return ex.nextAscii();
}

/** Every stage of a request at once. */
function signRequest(o) {
  signWith(o, ALL, 'signRequest');
  return readStages();
}

/** The canonical query of the parameters. */
function canonicalQuery(params) {
  ex.begin();
  try {
    putParams(params, 'params');
  } catch (e) {
    ex.abort();
    throw e;
  }
  check(wasm.canonical_query(ex.pieces(), ex.length()));
  return ex.nextAscii();
}

/** The string to sign of a request. */
function stringToSign(o) {
  options(o, 'stringToSign');
  ex.begin();
  try {
    putRequest(o);
  } catch (e) {
    ex.abort();
    throw e;
  }
  check(wasm.string_to_sign(ex.pieces(), ex.length()));
  return ex.nextAscii();
}

/** The last stage alone: HMAC and Base64 over a ready string to sign. */
function mac(o) {
  options(o, 'mac');
  ex.begin();
  try {
    putText(o.secret, 'secret');
    putText(o.signatureMethod === undefined ? DEFAULT_METHOD : o.signatureMethod, 'signatureMethod');
    putText(o.stringToSign, 'stringToSign');
  } catch (e) {
    ex.abort();
    throw e;
  }
  check(wasm.mac(ex.pieces(), ex.length()));
  return ex.nextAscii();
}

/** Base64 of the MD5 of the bytes of `data` (a string counts as its UTF-8). */
function contentMd5(data) {
  const bytes = toBytes(data, 'data');
  ex.begin();
  try {
    ex.putBytes(bytes);
  } catch (e) {
    ex.abort();
    throw e;
  }
  check(wasm.content_md5(ex.pieces(), ex.length()));
  return ex.nextAscii();
}

/** `YYYY-MM-DDTHH:MM:SS.sssZ` (UTC) of a Date, milliseconds, or now. */
function formatTimestamp(when) {
  const ms = millis(when, 'when');
  ex.begin();
  check(wasm.format_timestamp(ms));
  return ex.nextAscii();
}

module.exports = {
  SIGNATURE,
  SIGNED_QUERY,
  ALL,
  DEFAULT_METHOD,
  putRequest,
  readStages,
  sign,
  signedQuery,
  signRequest,
  canonicalQuery,
  stringToSign,
  mac,
  contentMd5,
  formatTimestamp,
};
