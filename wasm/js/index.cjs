'use strict';
// mws-sign: Amazon MWS request signing (AWS Signature Version 2) with the
// project's one vetted Rust core, compiled to WebAssembly.

const { MwsSignError, ERROR_CODES } = require('./errors.cjs');
const signing = require('./signing.cjs');
const { Signer } = require('./signer.cjs');
const { verify } = require('./verify.cjs');
const mws = require('./mws.cjs');

module.exports = {
  sign: signing.sign,
  signedQuery: signing.signedQuery,
  signRequest: signing.signRequest,
  canonicalQuery: signing.canonicalQuery,
  stringToSign: signing.stringToSign,
  mac: signing.mac,
  contentMd5: signing.contentMd5,
  formatTimestamp: signing.formatTimestamp,
  verify,
  Signer,
  MwsSignError,
  ERROR_CODES,
  Marketplace: mws.Marketplace,
  Section: mws.Section,
  FORM_CONTENT_TYPE: mws.FORM_CONTENT_TYPE,
  userAgent: mws.userAgent,
  prepare: mws.prepare,
  version: mws.version,
};
// As the types declare, for `import api from 'mws-sign'` in transpiled code.
module.exports.default = module.exports;
