// Errors are real Error objects: MwsSignError with name and code = the kind,
// TypeError for wrong argument types, RangeError for unknown table entries.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { api, glue, thrown, vectorFiles } from './helpers.mjs';

const { MwsSignError, ERROR_CODES } = api;

// The kinds of shared/vectors/FORMAT.md, written out independently of the code.
const SPEC_KINDS = [
  'InvalidMethod', 'InvalidScheme', 'InvalidHost', 'InvalidPath', 'EmptySecret',
  'EmptyParameterName', 'DuplicateParameter', 'SignatureMethodMismatch',
  'UnsupportedSignatureMethod', 'UnsupportedSignatureVersion', 'TooManyParameters',
  'MalformedQuery', 'MissingParameter', 'TimestampAndExpires', 'InvalidTimestamp',
  'RequestExpired', 'TimestampInFuture', 'InvalidAccessKeyId', 'SignatureDoesNotMatch',
];

const base = { secret: 'secret', method: 'POST', host: 'mws.amazonservices.com', path: '/', params: { Action: 'GetServiceStatus' } };
const NOW = Date.UTC(2020, 5, 1, 12, 0, 0);

/** A correctly signed query received at NOW, with `extra` parameters. */
function received(extra = {}, secret = 'secret') {
  const params = { AWSAccessKeyId: 'AKID', SignatureMethod: 'HmacSHA256', SignatureVersion: '2', Timestamp: api.formatTimestamp(NOW), ...extra };
  for (const [k, v] of Object.entries(params)) if (v === undefined) delete params[k];
  return api.signedQuery({ ...base, secret, params });
}
const verifying = (query, o = {}) => () => api.verify({ accessKeys: { AKID: 'secret' }, method: 'POST', host: base.host, path: '/', query, now: NOW, ...o });

// One way to reach each kind through the public API (TooManyParameters has
// none: no function of this package has a fixed capacity).
const TRIGGERS = {
  InvalidMethod: () => api.sign({ ...base, method: 'P0ST' }),
  InvalidScheme: () => api.sign({ ...base, scheme: 'ftp' }),
  InvalidHost: () => api.sign({ ...base, host: 'a b' }),
  InvalidPath: () => api.sign({ ...base, path: 'Orders' }),
  EmptySecret: () => api.sign({ ...base, secret: '' }),
  EmptyParameterName: () => api.sign({ ...base, params: { '': 'x' } }),
  DuplicateParameter: () => api.sign({ ...base, params: [['a', '1'], ['a', '2']] }),
  SignatureMethodMismatch: () => api.sign({ ...base, params: { SignatureMethod: 'HmacSHA1' } }),
  UnsupportedSignatureMethod: () => api.sign({ ...base, signatureMethod: 'HmacMD5' }),
  UnsupportedSignatureVersion: () => api.sign({ ...base, params: { SignatureVersion: '1' } }),
  MalformedQuery: verifying('a=%G1'),
  MissingParameter: verifying('Action=x'),
  TimestampAndExpires: verifying(received({ Expires: '2030-01-01T00:00:00Z' })),
  InvalidTimestamp: () => api.formatTimestamp(Number.NaN),
  RequestExpired: verifying(received(), { now: NOW + 901_000 }),
  TimestampInFuture: verifying(received(), { now: NOW - 901_000 }),
  InvalidAccessKeyId: verifying(received({ AWSAccessKeyId: 'OTHER' })),
  SignatureDoesNotMatch: verifying(received({}, 'another secret')),
};

test('ERROR_CODES has every kind of the spec, in a frozen list, and nothing else', () => {
  assert.deepEqual([...ERROR_CODES].sort(), [...SPEC_KINDS].sort());
  assert.ok(Object.isFrozen(ERROR_CODES));
  // Every kind a vector file expects is one of them.
  for (const file of vectorFiles) {
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    for (const c of [...(doc.reject ?? []), ...(doc.verify ?? [])]) {
      const kind = c.error ?? c.result;
      if (kind !== 'ok') assert.ok(ERROR_CODES.includes(kind), `${kind} (${file})`);
    }
  }
});

test('each kind is thrown as an MwsSignError with that code', () => {
  for (const code of ERROR_CODES) {
    if (code === 'TooManyParameters') continue;
    const e = thrown(TRIGGERS[code]);
    assert.ok(e instanceof MwsSignError, code);
    assert.ok(e instanceof Error, code);
    assert.equal(e.name, 'MwsSignError');
    assert.equal(e.code, code);
    assert.ok(e.message.startsWith(`${code}: `), e.message);
    assert.match(String(e), new RegExp(`^MwsSignError: ${code}: `));
    assert.match(e.stack, /MwsSignError/);
  }
});

test('the JS status codes agree with the core: code -1-i is ERROR_CODES[i]', () => {
  // error_kind(i) is read from the core; past the end there is nothing.
  assert.equal(glue.error_kind(ERROR_CODES.length), 0);
  assert.equal(glue.error_kind(0), 2);
});

test('MwsSignError can be constructed and caught like any Error', () => {
  const e = new MwsSignError('InvalidHost', 'x');
  assert.equal(e.code, 'InvalidHost');
  assert.equal(e.name, 'MwsSignError');
  assert.ok(e instanceof Error);
});

test('wrong argument types are TypeErrors naming the argument, never converted', () => {
  const cases = [
    [() => api.sign(undefined), /sign\(\) takes an options object/],
    [() => api.sign({ ...base, secret: 42 }), /secret must be a string, not number/],
    [() => api.sign({ ...base, host: undefined }), /host must be a string, not undefined/],
    [() => api.sign({ ...base, params: { n: 1 } }), /value of entry 0 must be a string, not number/],
    [() => api.sign({ ...base, params: new Map([[1, 'x']]) }), /name of entry 0 must be a string, not number/],
    [() => api.sign({ ...base, params: [['a']] }), /entry 0 must be a \[name, value\] array/],
    [() => api.sign({ ...base, params: null }), /params must be an object/],
    [() => api.sign({ ...base, params: 'a=1' }), /params must be an object/],
    [() => api.sign({ ...base, params: new Date() }), /params must be a plain object/],
    [() => api.canonicalQuery({ a: null }), /not null/],
    [() => api.contentMd5(42), /data must be a Uint8Array/],
    [() => api.formatTimestamp('2020-01-01'), /when must be a Date/],
    [() => api.verify({ accessKeys: 'k' }), /accessKeys must be an object, a Map or a function/],
    [() => new api.Signer(undefined), /secret must be a string/],
    [() => api.sign({ ...base, params: { a: 'x\uD800' } }), /lone surrogate/],
  ];
  for (const [fn, message] of cases) {
    const e = thrown(fn);
    assert.ok(e instanceof TypeError, `${e.name}: ${e.message}`);
    assert.match(e.message, message);
  }
});

test('out-of-range options are RangeErrors', () => {
  const creds = { accessKeyId: 'AKID', secret: 's', sellerId: 'S', action: 'ListOrders' };
  assert.ok(thrown(() => api.prepare({ ...creds, marketplace: 'XX', section: 'Orders' })) instanceof RangeError);
  assert.ok(thrown(() => api.prepare({ ...creds, marketplace: 'US', section: 'Nope' })) instanceof RangeError);
  assert.ok(thrown(verifying('a=1', { windowSeconds: -1 })) instanceof RangeError);
  assert.ok(thrown(verifying('a=1', { windowSeconds: 1.5 })) instanceof RangeError);
});

test('a call from inside another call (a getter) is refused, and the next call works', () => {
  const evil = { ...base, get host() { return api.sign(base); } };
  const e = thrown(() => api.sign(evil));
  assert.match(e.message, /re-entrant/);
  assert.equal(api.sign(base), api.sign({ ...base }));
});
