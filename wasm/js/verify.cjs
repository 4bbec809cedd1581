'use strict';
// Verification, the server side. The core asks for the secret in the middle
// of its checks; the wasm call returns at that point with the access key id
// (status NEED_KEY), the secret is looked up here, and the call runs again
// with it (see wasm/src/verify.rs).

const ex = require('./exchange.cjs');
const { check, NEED_KEY, unknownKey } = require('./errors.cjs');
const { describe, options, putText, millis } = require('./convert.cjs');

const { wasm } = ex;

const DEFAULT_WINDOW_SECONDS = 900;

/** A function from access key id to secret (or undefined), from the accessKeys option. */
function lookupOf(keys) {
  if (typeof keys === 'function') return keys;
  if (keys instanceof Map) return (id) => keys.get(id);
  if (keys !== null && typeof keys === 'object') {
    // Own properties only: an id such as "constructor" is not a key.
    return (id) => (Object.hasOwn(keys, id) ? keys[id] : undefined);
  }
  throw new TypeError(`accessKeys must be an object, a Map or a function, not ${describe(keys)}`);
}

/**
 * Verifies a received request and returns its AWSAccessKeyId; throws an
 * MwsSignError whose code says why it did not verify.
 */
function verify(o) {
  options(o, 'verify');
  const lookup = lookupOf(o.accessKeys);
  const { method, host, path, query, now } = o;
  const scheme = o.scheme === undefined ? 'https' : o.scheme;
  const window = o.windowSeconds === undefined ? DEFAULT_WINDOW_SECONDS : o.windowSeconds;
  if (typeof window !== 'number') {
    throw new TypeError(`windowSeconds must be a number, not ${describe(window)}`);
  }
  if (!Number.isInteger(window) || window < 0 || window > 0xffffffff) {
    throw new RangeError('windowSeconds must be a whole number of seconds from 0 to 4294967295');
  }
  const nowIsText = typeof now === 'string';
  const nowMs = nowIsText ? 0 : millis(now, 'now');

  const run = (secret) => {
    ex.begin();
    try {
      putText(method, 'method');
      putText(scheme, 'scheme');
      putText(host, 'host');
      putText(path, 'path');
      putText(query, 'query');
      if (nowIsText) putText(now, 'now');
      if (secret !== undefined) putText(secret, 'the secret from accessKeys');
    } catch (e) {
      ex.abort();
      throw e;
    }
    return wasm.verify(ex.pieces(), ex.length(), nowMs, nowIsText, window, secret !== undefined);
  };

  let rc = run(undefined);
  if (rc === NEED_KEY) {
    ex.finish();
    const secret = lookup(ex.nextText());
    if (secret === undefined || secret === null) {
      throw unknownKey();
    }
    if (typeof secret !== 'string') {
      throw new TypeError(`accessKeys must give a string secret (or undefined for an unknown key), not ${describe(secret)}`);
    }
    rc = run(secret);
  }
  check(rc);
  return ex.nextText();
}

module.exports = { verify, DEFAULT_WINDOW_SECONDS };
