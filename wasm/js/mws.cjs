'use strict';
// The MWS layer: the core's marketplace and section tables, the User-Agent,
// and prepare(), which turns one MWS call into a { url, init } for fetch.

const ex = require('./exchange.cjs');
const { check } = require('./errors.cjs');
const { describe, options, putText, putParams, toBytes, millis } = require('./convert.cjs');
const { DEFAULT_METHOD } = require('./signing.cjs');
const { version } = require('./package.json');

const { wasm } = ex;

/** Rows of a table of the core, read once at load time. */
function readTable(op) {
  const rows = [];
  for (let i = 0; ; i++) {
    ex.begin();
    const n = check(op(i));
    if (n === 0) return rows;
    const row = [];
    for (let j = 0; j < n; j++) row.push(ex.nextText());
    rows.push(row);
  }
}

/** Every marketplace by country code: { code, id, host, region }. */
const Marketplace = Object.freeze(
  Object.fromEntries(
    readTable(wasm.marketplace).map(([code, id, host, region]) => [code, Object.freeze({ code, id, host, region })]),
  ),
);

/** Every API section by name: { name, path, version, sellerParameter }. */
const Section = Object.freeze(
  Object.fromEntries(
    readTable(wasm.section).map(([name, path, v, sellerParameter]) => [
      name,
      Object.freeze({ name, path, version: v, sellerParameter }),
    ]),
  ),
);

ex.begin();
check(wasm.form_content_type());
/** The Content-Type of an MWS POST whose body is the signed query. */
const FORM_CONTENT_TYPE = ex.nextText();

/** The attributes this package puts in its User-Agent. */
const AGENT_ATTRIBUTES = [
  ['Language', 'JavaScript'],
  ['Platform', `Node.js/${process.versions.node}`],
];

/** A User-Agent value with MWS's escaping: `AppName/AppVersion (Key=Value; ...)`. */
function userAgent(o) {
  options(o, 'userAgent');
  ex.begin();
  let n;
  try {
    putText(o.appName, 'appName');
    putText(o.appVersion, 'appVersion');
    n = putParams(o.attributes, 'attributes');
  } catch (e) {
    ex.abort();
    throw e;
  }
  check(wasm.user_agent(ex.pieces(), ex.length(), n));
  return ex.nextText();
}

/** A marketplace option as the text the core resolves: a code, a MarketplaceId, or '' for none. */
function marketplaceText(m) {
  if (m === undefined) return '';
  if (typeof m === 'string') return m;
  if (m !== null && typeof m === 'object' && typeof m.code === 'string') return m.code;
  throw new TypeError(`marketplace must be a country code, a MarketplaceId or a Marketplace entry, not ${describe(m)}`);
}

function sectionText(s) {
  if (typeof s === 'string') return s;
  if (s !== null && typeof s === 'object' && typeof s.name === 'string') return s.name;
  throw new TypeError(`section must be a section name or a Section entry, not ${describe(s)}`);
}

/**
 * Signs one MWS call and returns { url, init } for fetch(url, init): a POST
 * whose body is the signed query, or for a feed (SubmitFeed) a POST to the
 * URL with the signed query whose body is the feed, with its Content-MD5.
 */
function prepare(o) {
  options(o, 'prepare');
  const marketplace = marketplaceText(o.marketplace);
  if (marketplace === '' && o.host === undefined) {
    throw new TypeError('prepare() needs a marketplace (or a host)');
  }
  const section = sectionText(o.section);
  const { timestamp } = o;
  const timestampIsText = typeof timestamp === 'string';
  const timestampMs = timestampIsText ? 0 : millis(timestamp, 'timestamp');
  // A copy: the body sent must be exactly the bytes hashed, even if the caller reuses its buffer.
  const feed = o.feed === undefined ? undefined : new Uint8Array(toBytes(o.feed, 'feed'));
  const authToken = o.authToken === undefined || o.authToken === null ? '' : o.authToken;

  ex.begin();
  try {
    putText(o.accessKeyId, 'accessKeyId');
    putText(o.secret, 'secret');
    putText(o.signatureMethod === undefined ? DEFAULT_METHOD : o.signatureMethod, 'signatureMethod');
    putText(o.sellerId, 'sellerId');
    putText(marketplace, 'marketplace');
    putText(section, 'section');
    putText(o.action, 'action');
    putText(authToken, 'authToken');
    putText(o.scheme === undefined ? 'https' : o.scheme, 'scheme');
    putText(o.host === undefined ? '' : o.host, 'host');
    if (timestampIsText) putText(timestamp, 'timestamp');
    putText(o.appName === undefined ? 'mws-sign' : o.appName, 'appName');
    putText(o.appVersion === undefined ? version : o.appVersion, 'appVersion');
    for (const [key, value] of AGENT_ATTRIBUTES) {
      ex.putString(key);
      ex.putString(value);
    }
    putParams(o.params, 'params');
    if (feed !== undefined) ex.putBytes(feed);
  } catch (e) {
    ex.abort();
    throw e;
  }
  check(wasm.prepare(ex.pieces(), ex.length(), timestampMs, timestampIsText, AGENT_ATTRIBUTES.length, feed !== undefined));
  const url = ex.nextAscii();
  const body = ex.nextAscii();
  const agent = ex.nextText();
  const md5 = ex.nextAscii();

  const headers = { 'User-Agent': agent };
  if (feed === undefined) {
    headers['Content-Type'] = FORM_CONTENT_TYPE;
    return { url, init: { method: 'POST', headers, body } };
  }
  headers['Content-Type'] = o.feedContentType === undefined ? 'application/octet-stream' : o.feedContentType;
  headers['Content-MD5'] = md5;
  return { url, init: { method: 'POST', headers, body: feed } };
}

module.exports = { Marketplace, Section, FORM_CONTENT_TYPE, userAgent, prepare, version };
