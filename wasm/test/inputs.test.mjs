// The input forms: params as object, Map or iterable; time as Date, number
// or nothing; data as Buffer, Uint8Array, other views, ArrayBuffer or string.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { api, pythonSign } from './helpers.mjs';

const request = { secret: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', method: 'POST', host: 'mws.amazonservices.com', path: '/Products/2011-10-01' };
const pairs = [
  ['Action', 'GetMatchingProductForId'],
  ['IdList.Id.1', 'SKU 12345 blue/large'],
  ['IdList.Id.2', "x*y~z!'()"],
  ['IdList.Id.10', 'Größe 42 – 日本語 😀'],
  ['Timestamp', '2020-06-01T12:34:56.000Z'],
];

test('params as a plain object, a Map, an array, a generator or a null-prototype object sign the same', () => {
  const expected = pythonSign({ ...request, params: pairs });
  function* gen() {
    yield* pairs;
  }
  const bare = Object.assign(Object.create(null), Object.fromEntries(pairs));
  for (const params of [Object.fromEntries(pairs), new Map(pairs), pairs, gen(), bare, new Map(pairs).entries()]) {
    assert.equal(api.sign({ ...request, params }), expected.signature);
  }
  assert.equal(api.canonicalQuery(new Map(pairs)), expected.canonical_query);
  assert.equal(api.signedQuery({ ...request, params: pairs }), expected.signed_query);
});

test('the characters platform encoders get wrong are encoded per S2', () => {
  assert.equal(api.canonicalQuery({ a: "*~!'() +/" }), 'a=%2A~%21%27%28%29%20%2B%2F');
});

test('no params at all is an empty list', () => {
  assert.equal(api.canonicalQuery(undefined), '');
  assert.equal(api.canonicalQuery({}), '');
  assert.equal(api.sign({ ...request }), api.sign({ ...request, params: [] }));
});

test('formatTimestamp takes a Date, milliseconds or nothing (now), like toISOString', () => {
  for (const ms of [0, 1, 999, 1591014896000, 253402300799999, -1, -62167219200000]) {
    assert.equal(api.formatTimestamp(ms), new Date(ms).toISOString(), `${ms}`);
    assert.equal(api.formatTimestamp(new Date(ms)), api.formatTimestamp(ms));
  }
  const before = Date.now();
  const now = Date.parse(api.formatTimestamp());
  assert.ok(now >= before - 1 && now <= Date.now(), 'undefined means now');
  // Out of the calendar's range, or not a time at all: the core's InvalidTimestamp.
  for (const bad of [253402300800000, -62167219200001, Number.NaN, Infinity, new Date(Number.NaN)]) {
    assert.throws(() => api.formatTimestamp(bad), { name: 'MwsSignError', code: 'InvalidTimestamp' });
  }
});

test('contentMd5 hashes the bytes of Buffer, Uint8Array, views, ArrayBuffer and strings (UTF-8)', () => {
  const md5 = (b) => createHash('md5').update(b).digest('base64');
  assert.equal(api.contentMd5('mws'), 'mA5nPbh1CSx9M3dbkr3Cyg==');
  const text = 'Größe 42 – 日本語 😀\n';
  const bytes = Buffer.from(text, 'utf8');
  assert.equal(api.contentMd5(text), md5(bytes));
  assert.equal(api.contentMd5(bytes), md5(bytes));
  assert.equal(api.contentMd5(new Uint8Array(bytes)), md5(bytes));
  assert.equal(api.contentMd5(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length)), md5(bytes));
  const arbitrary = Uint8Array.from({ length: 300 }, (_, i) => (i * 7) & 255); // not UTF-8
  assert.equal(api.contentMd5(arbitrary), md5(arbitrary));
  assert.equal(api.contentMd5(new DataView(arbitrary.buffer, 5, 100)), md5(arbitrary.subarray(5, 105)));
  assert.equal(api.contentMd5(new Uint16Array(arbitrary.buffer, 0, 10)), md5(arbitrary.subarray(0, 20)));
  assert.equal(api.contentMd5(''), md5(''));
  const big = Buffer.alloc(3 << 20, 'feed line\n'); // grows the exchange area
  assert.equal(api.contentMd5(big), md5(big));
});

test('verify takes now as a Date, milliseconds, ISO text or nothing', () => {
  const at = Date.UTC(2020, 5, 1, 12, 0, 0);
  const query = api.signedQuery({ ...request, params: { AWSAccessKeyId: 'AKID', SignatureMethod: 'HmacSHA256', SignatureVersion: '2', Timestamp: api.formatTimestamp(at) } });
  const o = { accessKeys: { AKID: request.secret }, method: 'POST', host: request.host, path: request.path, query };
  for (const now of [at, new Date(at), '2020-06-01T12:10:00Z', '2020-06-01T14:10:00+02:00']) {
    assert.equal(api.verify({ ...o, now }), 'AKID');
  }
  assert.throws(() => api.verify(o), { code: 'RequestExpired' }); // now is years later
  assert.throws(() => api.verify({ ...o, now: 'yesterday' }), { code: 'InvalidTimestamp' });
});

test('verify looks secrets up in an object (own keys only), a Map or a function', () => {
  const at = Date.UTC(2020, 5, 1, 12, 0, 0);
  const signed = (id) => api.signedQuery({ ...request, params: { AWSAccessKeyId: id, SignatureMethod: 'HmacSHA256', SignatureVersion: '2', Timestamp: api.formatTimestamp(at) } });
  const o = { method: 'POST', host: request.host, path: request.path, query: signed('AKID'), now: at };
  assert.equal(api.verify({ ...o, accessKeys: new Map([['AKID', request.secret]]) }), 'AKID');
  const asked = [];
  assert.equal(api.verify({ ...o, accessKeys: (id) => (asked.push(id), request.secret) }), 'AKID');
  assert.deepEqual(asked, ['AKID']);
  assert.throws(() => api.verify({ ...o, accessKeys: () => undefined }), { code: 'InvalidAccessKeyId' });
  assert.throws(() => api.verify({ ...o, accessKeys: () => 42 }), TypeError);
  // "constructor" is on every object's prototype, but it is not a key.
  assert.throws(() => api.verify({ ...o, query: signed('constructor'), accessKeys: {} }), { code: 'InvalidAccessKeyId' });
});
