// End to end: prepare() + Node's global fetch to a local node:http server on
// 127.0.0.1 that checks every request with verify() and answers like MWS,
// with XML error responses (403 for SignatureDoesNotMatch).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { api } from './helpers.mjs';

const KEYS = { AKIAIOSFODNN7EXAMPLE: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
const STATUS = { SignatureDoesNotMatch: 403, InvalidAccessKeyId: 403 };
let server;
let host;
const seen = [];

function xmlError(res, code, message) {
  res.writeHead(STATUS[code] ?? 400, { 'Content-Type': 'text/xml' });
  res.end(`<ErrorResponse xmlns="http://mws.amazonaws.com/doc/2009-01-01/"><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestID>test</RequestID></ErrorResponse>`);
}

/** The mock MWS endpoint: form bodies, or for a feed the URL query and a Content-MD5. */
async function handle(req, res) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const body = Buffer.concat(chunks);
  const url = new URL(req.url, 'http://x');
  const isFeed = url.search.length > 1;
  seen.push({ headers: req.headers, isFeed });
  if (isFeed && api.contentMd5(body) !== req.headers['content-md5']) {
    return xmlError(res, 'ContentMD5DoesNotMatch', 'the Content-MD5 does not match the body');
  }
  try {
    const id = api.verify({
      accessKeys: KEYS,
      method: req.method,
      scheme: 'http',
      host: req.headers.host,
      path: url.pathname,
      query: isFeed ? url.search.slice(1) : body.toString('utf8'),
    });
    res.writeHead(200, { 'Content-Type': 'text/xml' });
    res.end(`<OkResponse><AccessKeyId>${id}</AccessKeyId></OkResponse>`);
  } catch (e) {
    if (!(e instanceof api.MwsSignError)) throw e;
    xmlError(res, e.code, e.message);
  }
}

before(async () => {
  server = createServer((req, res) => handle(req, res).catch(() => res.destroy()));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  host = `127.0.0.1:${server.address().port}`;
});
after(() => new Promise((resolve) => server.close(resolve)));

const call = (extra = {}) =>
  api.prepare({
    accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
    secret: KEYS.AKIAIOSFODNN7EXAMPLE,
    sellerId: 'A1B2C3D4E5F6G7',
    host,
    scheme: 'http',
    section: api.Section.Orders,
    action: 'ListOrders',
    params: { 'MarketplaceId.Id.1': api.Marketplace.US.id, CreatedAfter: '2020-05-01T00:00:00Z', Note: "*~!'() +/ é" },
    authToken: 'amzn.mws.4ea38b7b-f563-7709-4bae-87aeaEXAMPLE',
    ...extra,
  });

test('a prepared request verifies at the server', async () => {
  const { url, init } = call();
  assert.equal(url, `http://${host}/Orders/2013-09-01`);
  const res = await fetch(url, init);
  assert.equal(res.status, 200, await res.clone().text());
  assert.match(await res.text(), /<AccessKeyId>AKIAIOSFODNN7EXAMPLE<\/AccessKeyId>/);
  const { headers } = seen.at(-1);
  assert.equal(headers['content-type'], api.FORM_CONTENT_TYPE);
  assert.match(headers['user-agent'], /^mws-sign\/[^ ]+ \(Language=JavaScript; Platform=Node\.js\/\d/);
});

test('a tampered body is answered 403 SignatureDoesNotMatch', async () => {
  const { url, init } = call();
  const tampered = { ...init, body: init.body.replace('CreatedAfter=2020-05-01', 'CreatedAfter=2019-05-01') };
  assert.notEqual(tampered.body, init.body);
  const res = await fetch(url, tampered);
  assert.equal(res.status, 403);
  assert.match(await res.text(), /<Code>SignatureDoesNotMatch<\/Code>/);
});

test('an unknown key is 403 InvalidAccessKeyId; an old timestamp is RequestExpired', async () => {
  let { url, init } = call({ accessKeyId: 'AKIDUNKNOWN' });
  let res = await fetch(url, init);
  assert.equal(res.status, 403);
  assert.match(await res.text(), /<Code>InvalidAccessKeyId<\/Code>/);
  ({ url, init } = call({ timestamp: Date.now() - 3_600_000 }));
  res = await fetch(url, init);
  assert.equal(res.status, 400);
  assert.match(await res.text(), /<Code>RequestExpired<\/Code>/);
});

test('a feed goes in the body with its Content-MD5, the signed query in the URL', async () => {
  const feed = '<?xml version="1.0"?><AmazonEnvelope>Größe</AmazonEnvelope>';
  const { url, init } = call({ section: 'Feeds', action: 'SubmitFeed', params: { FeedType: '_POST_PRODUCT_DATA_' }, feed, feedContentType: 'text/xml' });
  assert.match(url, new RegExp(`^http://${host}/\\?.*&ContentMD5Value=[^&]+&.*Merchant=A1B2C3D4E5F6G7`));
  assert.equal(init.headers['Content-MD5'], api.contentMd5(feed));
  let res = await fetch(url, init);
  assert.equal(res.status, 200, await res.clone().text());
  // Another body with the same signed URL: the server's MD5 check refuses it.
  res = await fetch(url, { ...init, body: feed.replace('Größe', 'Grosse') });
  assert.equal(res.status, 400);
  assert.match(await res.text(), /<Code>ContentMD5DoesNotMatch<\/Code>/);
});
