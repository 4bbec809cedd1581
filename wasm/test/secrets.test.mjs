// Secret hygiene: a canary secret pushed through failing calls appears in
// no message, stack, string form or inspection, and not in wasm memory.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { api, glue, thrown } from './helpers.mjs';

const CANARY = 'CANARY-7f3a9c1e5b2d4f6a8c0e-SECRET';
const request = { secret: CANARY, method: 'POST', host: 'mws.amazonservices.com', path: '/', params: { Action: 'x' } };

function assertClean(text, where) {
  assert.ok(!String(text).includes(CANARY), `the canary leaked into ${where}: ${text}`);
  assert.ok(!String(text).includes('CANARY'), `part of the canary leaked into ${where}`);
}

function checkError(e, what) {
  assert.ok(e instanceof Error, what);
  for (const [where, text] of [
    ['message', e.message],
    ['stack', e.stack],
    ['String()', String(e)],
    ['inspect', inspect(e, { depth: 5, showHidden: true })],
    ['JSON', JSON.stringify(e)],
  ]) {
    assertClean(text, `${what}: ${where}`);
  }
}

test('failing calls never show the secret', () => {
  const failing = {
    'bad host': () => api.sign({ ...request, host: 'a b' }),
    'bad method name': () => api.sign({ ...request, signatureMethod: 'HmacMD5' }),
    duplicate: () => api.sign({ ...request, params: [['a', CANARY], ['a', CANARY]] }),
    'non-string value': () => api.sign({ ...request, params: { [CANARY]: 42 } }),
    'number secret': () => api.sign({ ...request, secret: 12345 }),
    'mac bad method': () => api.mac({ secret: CANARY, stringToSign: 'x', signatureMethod: 'nope' }),
    'signer bad method': () => new api.Signer(CANARY, 'nope'),
    'signer bad request': () => new api.Signer(CANARY).sign({ ...request, path: 'x' }),
    'verify mismatch': () =>
      api.verify({
        accessKeys: { AKID: CANARY },
        method: 'POST', host: request.host, path: '/',
        query: `AWSAccessKeyId=AKID&SignatureMethod=HmacSHA256&SignatureVersion=2&Timestamp=2020-01-01T00:00:00Z&Signature=${CANARY}`,
        now: '2020-01-01T00:00:00Z',
      }),
    'verify lookup not a string': () =>
      api.verify({ accessKeys: () => ({ secret: CANARY }), method: 'POST', host: request.host, path: '/', query: api.signedQuery({ ...request, params: { AWSAccessKeyId: 'A', SignatureMethod: 'HmacSHA256', SignatureVersion: '2', Timestamp: '2020-01-01T00:00:00Z' } }), now: '2020-01-01T00:00:00Z' }),
    'prepare bad section': () => api.prepare({ accessKeyId: 'A', secret: CANARY, sellerId: 'S', marketplace: 'US', section: 'Nope', action: 'x' }),
    'prepare bad timestamp': () => api.prepare({ accessKeyId: 'A', secret: CANARY, sellerId: 'S', marketplace: 'US', section: 'Orders', action: 'x', timestamp: 'soon' }),
    'lone surrogate': () => api.sign({ ...request, secret: `${CANARY}\uD800` }),
  };
  for (const [what, fn] of Object.entries(failing)) checkError(thrown(fn), what);
});

test('a Signer shows its method, never its key', () => {
  const signer = new api.Signer(CANARY);
  for (const [where, text] of [
    ['String()', String(signer)],
    ['inspect', inspect(signer, { showHidden: true, depth: 10 })],
    ['JSON', JSON.stringify(signer)],
    ['keys', Object.getOwnPropertyNames(signer).join()],
  ]) {
    assertClean(text, where);
  }
  assert.equal(String(signer), '[Signer HmacSHA256]');
  assert.equal(inspect(signer), "Signer { signatureMethod: 'HmacSHA256' }");
  assert.equal(JSON.stringify(signer), '{"signatureMethod":"HmacSHA256"}');
  signer.free();
});

test('no copy of the secret is left in wasm memory after calls, failing or not', () => {
  api.sign(request);
  api.signRequest(request);
  api.mac({ secret: CANARY, stringToSign: 'x' });
  thrown(() => api.sign({ ...request, host: 'a b' }));
  thrown(() => api.sign({ ...request, params: { a: 1 } })); // fails while writing the arguments
  thrown(() => api.sign({ ...request, params: [['x', 'y'.repeat(100_000)], ['a', 1]] })); // after growing the input
  const signer = new api.Signer(CANARY);
  signer.sign(request);
  api.prepare({ accessKeyId: 'A', secret: CANARY, sellerId: 'S', marketplace: 'US', section: 'Orders', action: 'x', timestamp: 0 });
  api.verify({ accessKeys: { A: CANARY }, method: 'POST', host: 'mws.amazonservices.com', path: '/Orders/2013-09-01', now: 0, query: api.signedQuery({ ...request, path: '/Orders/2013-09-01', params: { AWSAccessKeyId: 'A', SignatureMethod: 'HmacSHA256', SignatureVersion: '2', Timestamp: '1970-01-01T00:00:00Z' } }) });
  const memory = Buffer.from(glue.wasm_memory().buffer);
  assert.equal(memory.indexOf(CANARY), -1, 'the raw secret is in wasm memory');
  signer.free();
});
