'use strict';
// A pre-keyed signer: the secret is keyed into HMAC state once, in wasm
// memory, and reused for every request. The JavaScript object holds no
// secret, only a handle; `free()` (or `using`, or garbage collection through
// wasm-bindgen's FinalizationRegistry) releases the state, which the core
// wipes when it is dropped.

const ex = require('./exchange.cjs');
const { check } = require('./errors.cjs');
const { options, putText, describe } = require('./convert.cjs');
const { SIGNATURE, SIGNED_QUERY, ALL, DEFAULT_METHOD, putRequest, readStages } = require('./signing.cjs');

const { wasm } = ex;
const inspect = Symbol.for('nodejs.util.inspect.custom');

class Signer {
  #keyed;
  #method;

  /**
   * @param {string} secret the Secret Key
   * @param {string} [signatureMethod='HmacSHA256'] 'HmacSHA256' or 'HmacSHA1'
   */
  constructor(secret, signatureMethod = DEFAULT_METHOD) {
    ex.begin();
    try {
      putText(secret, 'secret');
      putText(signatureMethod, 'signatureMethod');
    } catch (e) {
      ex.abort();
      throw e;
    }
    const keyed = wasm.signer_new(ex.pieces(), ex.length());
    check(keyed === undefined ? ex.status() : 0);
    this.#keyed = keyed;
    this.#method = signatureMethod;
  }

  /** 'HmacSHA256' or 'HmacSHA1'. */
  get signatureMethod() {
    return this.#method;
  }

  /** Whether free() has been called. */
  get freed() {
    return this.#keyed === undefined;
  }

  #sign(request, what, fn) {
    const keyed = this.#live();
    options(request, fn);
    ex.begin();
    try {
      putRequest(request);
    } catch (e) {
      ex.abort();
      throw e;
    }
    check(keyed.sign(ex.pieces(), ex.length(), what));
  }

  #live() {
    if (this.#keyed === undefined) {
      throw new Error('this Signer has been freed');
    }
    return this.#keyed;
  }

  /** The Base64 signature of a request ({ method, host, path, params, scheme }). */
  sign(request) {
    this.#sign(request, SIGNATURE, 'sign');
    return ex.nextAscii();
  }

  /** The signed query of a request. */
  signedQuery(request) {
    this.#sign(request, SIGNED_QUERY, 'signedQuery');
    return ex.nextAscii();
  }

  /** Every stage of a request at once. */
  signRequest(request) {
    this.#sign(request, ALL, 'signRequest');
    return readStages();
  }

  /** HMAC and Base64 over a ready string to sign. */
  mac(stringToSign) {
    const keyed = this.#live();
    if (typeof stringToSign !== 'string') {
      throw new TypeError(`stringToSign must be a string, not ${describe(stringToSign)}`);
    }
    ex.begin();
    try {
      ex.putString(stringToSign);
    } catch (e) {
      ex.abort();
      throw e;
    }
    check(keyed.mac(ex.pieces(), ex.length()));
    return ex.nextAscii();
  }

  /** Releases the keyed state now (it is wiped). Safe to call twice. */
  free() {
    const keyed = this.#keyed;
    this.#keyed = undefined;
    if (keyed !== undefined) {
      keyed.free();
    }
  }

  toString() {
    return `[Signer ${this.#method}]`;
  }

  toJSON() {
    return { signatureMethod: this.#method };
  }

  [inspect]() {
    return `Signer { signatureMethod: '${this.#method}'${this.freed ? ', freed' : ''} }`;
  }
}

if (typeof Symbol.dispose === 'symbol') {
  Signer.prototype[Symbol.dispose] = Signer.prototype.free;
}

module.exports = { Signer };
