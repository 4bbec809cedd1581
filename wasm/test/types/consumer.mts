// An ES module consumer: every call of the API with the types it declares.
import {
  sign, signedQuery, signRequest, canonicalQuery, stringToSign, mac, contentMd5, formatTimestamp,
  verify, Signer, MwsSignError, ERROR_CODES, Marketplace, Section, FORM_CONTENT_TYPE, userAgent, prepare, version,
} from 'mws-sign';
import type { ErrorCode, SignedStages, PreparedRequest, MarketplaceInfo } from 'mws-sign';

const request = { method: 'POST', host: Marketplace.US.host, path: Section.Orders.path, params: { Action: 'ListOrders' } };
const signature: string = sign({ ...request, secret: 's' });
const query: string = signedQuery({ ...request, secret: 's', signatureMethod: 'HmacSHA1', scheme: 'http' });
const stages: SignedStages = signRequest({ ...request, secret: 's', params: new Map([['a', 'b']]) });
const cq: string = canonicalQuery([['a', 'b']] as const);
const sts: string = stringToSign(request);
const tag: string = mac({ secret: 's', stringToSign: sts });
const md5: string = contentMd5(new Uint8Array([1, 2])) + contentMd5('x') + contentMd5(new ArrayBuffer(2));
const stamp: string = formatTimestamp(new Date()) + formatTimestamp(0) + formatTimestamp();
const id: string = verify({ accessKeys: (k: string) => (k === 'A' ? 's' : undefined), method: 'POST', host: 'h', path: '/', query: '', now: '2020-01-01T00:00:00Z' });
const id2: string = verify({ accessKeys: new Map([['A', 's']]), method: 'POST', host: 'h', path: '/', query: '', windowSeconds: 60 });
const signer = new Signer('s', 'HmacSHA256');
const fromSigner: string = signer.sign(request) + signer.signedQuery(request) + signer.mac('x') + signer.signRequest(request).url;
signer.free();
const freed: boolean = signer.freed;
try {
  sign({ ...request, secret: '' });
} catch (e) {
  if (e instanceof MwsSignError) {
    const code: ErrorCode = e.code;
    const known: boolean = ERROR_CODES.includes(code);
    console.log(code, known, e.name satisfies 'MwsSignError');
  }
}
const de: MarketplaceInfo = Marketplace.DE;
const region: 'NA' | 'EU' | 'FE' | 'CN' = de.region;
const prepared: PreparedRequest = prepare({
  accessKeyId: 'A', secret: 's', sellerId: 'S', marketplace: 'DE', section: Section.Feeds, action: 'SubmitFeed',
  feed: '<x/>', feedContentType: 'text/xml', timestamp: Date.now(), authToken: null,
});
const response: Promise<Response> = fetch(prepared.url, prepared.init);
const ua: string = userAgent({ appName: 'a', appVersion: '1', attributes: { Language: 'TypeScript' } });
console.log(signature, query, stages.signature, cq, tag, md5, stamp, id, id2, fromSigner, freed, region, response, ua, FORM_CONTENT_TYPE, version);
