// Size: 10,000 parameters (no fixed capacity anywhere), long values, and
// the exchange area growing and staying usable.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { api, pythonSign } from './helpers.mjs';

test('10,000 parameters sign like the Python standard library says', () => {
  const params = [];
  for (let i = 1; i <= 10_000; i++) params.push([`SellerSKUList.SellerSKU.${i}`, `sku ${i} / ü*~`]);
  const request = { secret: 'secret', method: 'POST', host: 'mws.amazonservices.com', path: '/Products/2011-10-01', params };
  const expected = pythonSign(request);
  assert.equal(api.sign(request), expected.signature);
  // Signed and written in one pass, first into an output area too small.
  assert.equal(api.signedQuery(request), expected.signed_query);
  assert.equal(api.canonicalQuery(params), expected.canonical_query);
  const all = api.signRequest(request);
  assert.equal(all.signedQuery, expected.signed_query);
  const signer = new api.Signer('secret');
  assert.equal(signer.sign(request), expected.signature);
  assert.equal(signer.signedQuery(request), expected.signed_query);
  signer.free();
  // Still correct for a small request after the buffers grew.
  const small = { ...request, params: [['Action', 'GetServiceStatus']] };
  assert.equal(api.sign(small), pythonSign(small).signature);
});

test('a 1 MB value and a 100 kB name', () => {
  const request = { secret: 'secret', method: 'POST', host: 'mws.amazonservices.com', path: '/', params: [['n'.repeat(100_000), '日本'.repeat(500_000)]] };
  assert.equal(api.sign(request), pythonSign(request).signature);
});
