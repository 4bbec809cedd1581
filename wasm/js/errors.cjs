'use strict';
// Errors: one class, MwsSignError, whose `code` is the core's error kind
// (the same name in every language of the project), and the list of kinds.
// Kinds and messages are read from the core once, so they cannot drift.
// Messages are static texts: never a secret, a parameter or any other
// request data.

const ex = require('./exchange.cjs');

/** A request the core refused, or a received request that did not verify. */
class MwsSignError extends Error {
  /**
   * @param {string} code the error kind, e.g. 'InvalidHost'
   * @param {string} message a static explanation
   */
  constructor(code, message) {
    super(`${code}: ${message}`);
    this.code = code;
  }
}
Object.defineProperty(MwsSignError.prototype, 'name', {
  value: 'MwsSignError',
  writable: true,
  configurable: true,
});

// The binding's own status codes (wasm/src/status.rs).
const BAD_INPUT = -100;
const NEED_KEY = -101;
const BUSY = -102;
const INTERNAL = -103;
const UNKNOWN_MARKETPLACE = -104;
const UNKNOWN_SECTION = -105;

const codes = [];
const messages = [];
for (let i = 0; ; i++) {
  ex.begin();
  const n = ex.wasm.error_kind(i);
  ex.finish();
  if (n !== 2) break;
  codes.push(ex.nextText());
  messages.push(ex.nextText());
}

/** Every error kind, in the core's order. */
const ERROR_CODES = Object.freeze(codes);

/** The error for a negative status `rc`. */
function errorFor(rc) {
  const kind = -1 - rc;
  if (kind >= 0 && kind < codes.length) {
    return new MwsSignError(codes[kind], messages[kind]);
  }
  switch (rc) {
    case UNKNOWN_MARKETPLACE:
      return new RangeError('unknown marketplace: give a country code such as "US", a MarketplaceId, a Marketplace entry, or a host');
    case UNKNOWN_SECTION:
      return new RangeError('unknown section: give a name such as "Orders" or a Section entry');
    case BUSY:
      return new Error('mws-sign: the module is busy with another call');
    case BAD_INPUT:
    case INTERNAL:
    default:
      return new Error(`mws-sign: internal error (status ${rc})`);
  }
}

/** Ends a call: throws its error, or readies its results and returns their count. */
function check(rc) {
  ex.finish();
  if (rc < 0) {
    throw errorFor(rc);
  }
  return rc;
}

/** The error the core gives a request whose access key is unknown. */
function unknownKey() {
  return errorFor(-1 - codes.indexOf('InvalidAccessKeyId'));
}

module.exports = { MwsSignError, ERROR_CODES, NEED_KEY, check, errorFor, unknownKey };
