// The MWS layer: tables from the core, the User-Agent, and prepare().
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { api, pythonSign } from './helpers.mjs';

test('the marketplace and section tables match the spec', () => {
  assert.equal(Object.keys(api.Marketplace).length, 22);
  assert.deepEqual(api.Marketplace.DE, { code: 'DE', id: 'A1PA6795UKMFR9', host: 'mws-eu.amazonservices.com', region: 'EU' });
  assert.deepEqual(api.Marketplace.JP, { code: 'JP', id: 'A1VC38T7YXB528', host: 'mws.amazonservices.jp', region: 'FE' });
  assert.equal(Object.keys(api.Section).length, 18);
  assert.deepEqual(api.Section.Reports, { name: 'Reports', path: '/', version: '2009-01-01', sellerParameter: 'Merchant' });
  assert.deepEqual(api.Section.Orders, { name: 'Orders', path: '/Orders/2013-09-01', version: '2013-09-01', sellerParameter: 'SellerId' });
  assert.ok(Object.isFrozen(api.Marketplace) && Object.isFrozen(api.Marketplace.US));
  assert.ok(Object.isFrozen(api.Section) && Object.isFrozen(api.Section.Orders));
});

test('userAgent escapes as MWS required', () => {
  const ua = api.userAgent({ appName: 'My/Tool', appVersion: '1.0 (beta)', attributes: [['Language', 'JavaScript'], ['Platform', 'Linux;  x86_64']] });
  assert.equal(ua, 'My\\/Tool/1.0 \\(beta) (Language=JavaScript; Platform=Linux\\; x86_64)');
  assert.equal(api.userAgent({ appName: 'a', appVersion: '1' }), 'a/1');
});

test('prepare signs the documented ListOrders call like the Python standard library', () => {
  const o = {
    accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
    secret: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    sellerId: 'A1B2C3D4E5F6G7',
    marketplace: 'US',
    section: 'Orders',
    action: 'ListOrders',
    params: { 'MarketplaceId.Id.1': 'ATVPDKIKX0DER', CreatedAfter: '2020-05-01T00:00:00Z' },
    authToken: 'amzn.mws.4ea38b7b-f563-7709-4bae-87aeaEXAMPLE',
    timestamp: new Date('2020-06-01T12:34:56Z'),
    appName: 'app',
    appVersion: '1.0',
  };
  const { url, init } = api.prepare(o);
  const expected = pythonSign({
    secret: o.secret, method: 'POST', host: 'mws.amazonservices.com', path: '/Orders/2013-09-01',
    params: [
      ['AWSAccessKeyId', o.accessKeyId], ['Action', 'ListOrders'], ['SellerId', o.sellerId], ['MWSAuthToken', o.authToken],
      ['SignatureMethod', 'HmacSHA256'], ['SignatureVersion', '2'], ['Timestamp', '2020-06-01T12:34:56.000Z'], ['Version', '2013-09-01'],
      ...Object.entries(o.params),
    ],
  });
  assert.equal(url, 'https://mws.amazonservices.com/Orders/2013-09-01');
  assert.equal(init.method, 'POST');
  assert.equal(init.body, expected.signed_query);
  assert.equal(init.headers['Content-Type'], 'application/x-www-form-urlencoded; charset=utf-8');
  assert.match(init.headers['User-Agent'], /^app\/1\.0 \(Language=JavaScript; Platform=Node\.js\//);
  // The same call by MarketplaceId, by Marketplace entry, with a text timestamp.
  for (const marketplace of ['ATVPDKIKX0DER', api.Marketplace.US, 'us']) {
    assert.equal(api.prepare({ ...o, marketplace, timestamp: '2020-06-01T12:34:56.000Z' }).init.body, expected.signed_query);
  }
});

test('prepare leaves MWSAuthToken out when there is none, and uses Merchant for Reports', () => {
  const o = { accessKeyId: 'A', secret: 's', sellerId: 'S', marketplace: 'DE', section: 'Reports', action: 'GetReportList', timestamp: 0 };
  for (const authToken of [undefined, null, '']) {
    const { url, init } = api.prepare({ ...o, authToken });
    assert.equal(url, 'https://mws-eu.amazonservices.com/');
    assert.doesNotMatch(init.body, /MWSAuthToken/);
    assert.match(init.body, /&Merchant=S&/);
    assert.match(init.body, /Timestamp=1970-01-01T00%3A00%3A00.000Z/);
  }
});

test('prepare reports missing pieces with the core kinds', () => {
  const o = { accessKeyId: 'A', secret: 's', sellerId: 'S', marketplace: 'US', section: 'Orders', action: 'ListOrders' };
  assert.throws(() => api.prepare({ ...o, secret: '' }), { code: 'EmptySecret' });
  assert.throws(() => api.prepare({ ...o, action: '' }), { code: 'MissingParameter' });
  assert.throws(() => api.prepare({ ...o, params: { Action: 'x' } }), { code: 'DuplicateParameter' });
  assert.throws(() => api.prepare({ ...o, timestamp: 'tomorrow' }), { code: 'InvalidTimestamp' });
  assert.throws(() => api.prepare({ ...o, marketplace: undefined }), TypeError);
});
