'use strict';
// Arguments from JavaScript into the exchange area. Only conversion and type
// checks live here: a wrong type is a TypeError naming the argument and the
// type received, never the value (it could be the secret), and nothing is
// converted silently (no String(x) on a number).

const ex = require('./exchange.cjs');

/** The type of `value`, for messages: never the value itself. */
function describe(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}

/** Checks that `o` is an options object. */
function options(o, fn) {
  if (o === null || typeof o !== 'object') {
    throw new TypeError(`${fn}() takes an options object, not ${describe(o)}`);
  }
  return o;
}

/** Appends a string argument. */
function putText(value, label) {
  if (typeof value !== 'string') {
    throw new TypeError(`${label} must be a string, not ${describe(value)}`);
  }
  ex.putString(value);
}

function putPair(name, value, i, label) {
  if (typeof name !== 'string') {
    throw new TypeError(`${label}: the name of entry ${i} must be a string, not ${describe(name)}`);
  }
  if (typeof value !== 'string') {
    throw new TypeError(`${label}: the value of entry ${i} must be a string, not ${describe(value)}`);
  }
  ex.putString(name);
  ex.putString(value);
}

/**
 * Appends `(name, value)` pairs from a plain object, a Map or an iterable of
 * [name, value] arrays (undefined: none) and returns how many.
 */
function putParams(params, label) {
  if (params === undefined) return 0;
  if (params === null || typeof params !== 'object') {
    throw new TypeError(`${label} must be an object, a Map or an iterable of [name, value] pairs, not ${describe(params)}`);
  }
  let n = 0;
  if (params instanceof Map) {
    for (const [name, value] of params) {
      putPair(name, value, n++, label);
    }
  } else if (typeof params[Symbol.iterator] === 'function') {
    for (const pair of params) {
      if (!Array.isArray(pair) || pair.length !== 2) {
        throw new TypeError(`${label}: entry ${n} must be a [name, value] array, not ${describe(pair)}`);
      }
      putPair(pair[0], pair[1], n++, label);
    }
  } else {
    const proto = Object.getPrototypeOf(params);
    if (proto !== Object.prototype && proto !== null) {
      throw new TypeError(`${label} must be a plain object, a Map or an iterable of [name, value] pairs`);
    }
    const names = Object.keys(params);
    for (; n < names.length; n++) {
      const name = names[n];
      putPair(name, params[name], n, label);
    }
  }
  return n;
}

/** The bytes of `data`: a Uint8Array (Buffer included), another typed array view, an ArrayBuffer, or a string (UTF-8). */
function toBytes(data, label) {
  if (data instanceof Uint8Array) return data;
  if (typeof data === 'string') return ex.utf8(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  throw new TypeError(`${label} must be a Uint8Array, a Buffer, an ArrayBuffer or a string, not ${describe(data)}`);
}

/** Milliseconds since the epoch from a Date, a number of milliseconds, or undefined (now). */
function millis(when, label) {
  if (when === undefined) return Date.now();
  if (typeof when === 'number') return when;
  if (when instanceof Date) return when.getTime();
  throw new TypeError(`${label} must be a Date, a number of milliseconds or undefined, not ${describe(when)}`);
}

module.exports = { describe, options, putText, putParams, toBytes, millis };
