// The pre-keyed Signer: same results as the one-call functions, and its wasm
// memory released by free(), `using`, or the garbage collector.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { api, glue } from './helpers.mjs';

const request = { method: 'POST', host: 'mws.amazonservices.com', path: '/Sellers/2011-07-01', params: { Action: 'GetServiceStatus', SignatureVersion: '2' } };

test('a Signer signs like sign() with the same key, for both algorithms', () => {
  for (const method of ['HmacSHA256', 'HmacSHA1']) {
    const signer = new api.Signer('secret', method);
    assert.equal(signer.signatureMethod, method);
    const one = { ...request, secret: 'secret', signatureMethod: method };
    assert.equal(signer.sign(request), api.sign(one));
    assert.equal(signer.signedQuery(request), api.signedQuery(one));
    assert.deepEqual(signer.signRequest(request), api.signRequest(one));
    assert.equal(signer.mac('x\ny'), api.mac({ secret: 'secret', signatureMethod: method, stringToSign: 'x\ny' }));
    assert.equal(signer.sign(request).length, method === 'HmacSHA256' ? 44 : 28);
    signer.free();
  }
});

test('the constructor checks the key: EmptySecret, then UnsupportedSignatureMethod', () => {
  assert.throws(() => new api.Signer('', 'nope'), { code: 'EmptySecret' });
  assert.throws(() => new api.Signer('k', 'hmacsha256'), { code: 'UnsupportedSignatureMethod' });
});

test('free() releases the keyed state once; a freed Signer refuses to sign', () => {
  const live = glue.live_signers();
  const signer = new api.Signer('secret');
  assert.equal(glue.live_signers(), live + 1);
  assert.equal(signer.freed, false);
  signer.free();
  signer.free();
  assert.equal(signer.freed, true);
  assert.equal(glue.live_signers(), live);
  assert.throws(() => signer.sign(request), /freed/);
  assert.throws(() => signer.mac('x'), /freed/);
});

test('Symbol.dispose frees it (for `using`)', { skip: typeof Symbol.dispose !== 'symbol' }, () => {
  const live = glue.live_signers();
  const signer = new api.Signer('secret');
  signer[Symbol.dispose]();
  assert.equal(glue.live_signers(), live);
});

test('a Signer that is garbage collected is freed by the finalization registry', async () => {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc');
  const live = glue.live_signers();
  (() => {
    for (let i = 0; i < 100; i++) new api.Signer('secret').sign(request);
  })();
  assert.equal(glue.live_signers(), live + 100);
  for (let i = 0; i < 50 && glue.live_signers() > live; i++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  assert.equal(glue.live_signers(), live);
});
