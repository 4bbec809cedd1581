// Types of the npm package mws-sign (hand-written; checked by compiling
// wasm/test/types/ with tsc --noEmit).

/** The error kinds, spelled as in every language of the project. */
export type ErrorCode =
  | 'InvalidMethod'
  | 'InvalidScheme'
  | 'InvalidHost'
  | 'InvalidPath'
  | 'EmptySecret'
  | 'EmptyParameterName'
  | 'DuplicateParameter'
  | 'SignatureMethodMismatch'
  | 'UnsupportedSignatureMethod'
  | 'UnsupportedSignatureVersion'
  | 'TooManyParameters'
  | 'MalformedQuery'
  | 'MissingParameter'
  | 'TimestampAndExpires'
  | 'InvalidTimestamp'
  | 'RequestExpired'
  | 'TimestampInFuture'
  | 'InvalidAccessKeyId'
  | 'SignatureDoesNotMatch';

/** Every error kind, in the core's order. */
export const ERROR_CODES: readonly ErrorCode[];

/** A request the core refused, or a received request that did not verify. Messages never contain request data. */
export class MwsSignError extends Error {
  readonly name: 'MwsSignError';
  /** The error kind. */
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string);
}

/** `HmacSHA256` (the default) or `HmacSHA1`. */
export type SignatureMethod = 'HmacSHA256' | 'HmacSHA1';

/** `https` (the default) or `http` (for a local mock server); ASCII case is ignored. */
export type Scheme = 'https' | 'http' | (string & {});

/** Request parameters, unencoded: a plain object, a Map, or an iterable of [name, value] pairs. */
export type Params =
  | Readonly<Record<string, string>>
  | ReadonlyMap<string, string>
  | Iterable<readonly [string, string]>;

/** Bytes: a Uint8Array (Buffer included), another typed array view, an ArrayBuffer, or a string (its UTF-8). */
export type Data = Uint8Array | ArrayBufferView | ArrayBuffer | string;

/** A time: a Date, milliseconds since the epoch, or undefined for now. */
export type When = Date | number | undefined;

/** What a request is, apart from the key. */
export interface RequestOptions {
  /** The HTTP method, 1-16 ASCII letters (signed uppercased). */
  method: string;
  /** The Host, optionally with a port (signed lowercased, the default port dropped). */
  host: string;
  /** The decoded path (empty means `/`). */
  path: string;
  /** The parameters (a stale `Signature` is ignored). */
  params?: Params;
  /** Defaults to `https`. */
  scheme?: Scheme;
}

/** A request and the key to sign it with. */
export interface SignOptions extends RequestOptions {
  /** The Secret Key. */
  secret: string;
  /** Defaults to `HmacSHA256`. */
  signatureMethod?: SignatureMethod | (string & {});
}

/** Every stage of a signed request. */
export interface SignedStages {
  canonicalQuery: string;
  stringToSign: string;
  signature: string;
  /** The canonical query plus `&Signature=` and the encoded signature: the POST body. */
  signedQuery: string;
  /** `scheme://host/path`, exactly as signed. */
  url: string;
  /** The URL, `?` and the signed query: for GET and SubmitFeed. */
  urlWithQuery: string;
}

/** The Base64 signature of a request. */
export function sign(options: SignOptions): string;
/** The signed query (the canonical query plus the signature). */
export function signedQuery(options: SignOptions): string;
/** Every stage of a request at once. */
export function signRequest(options: SignOptions): SignedStages;
/** The canonical query of the parameters. */
export function canonicalQuery(params: Params): string;
/** The string to sign of a request. */
export function stringToSign(options: RequestOptions): string;
/** HMAC and Base64 over a ready string to sign. */
export function mac(options: {
  secret: string;
  stringToSign: string;
  signatureMethod?: SignatureMethod | (string & {});
}): string;
/** Base64 of the MD5 of the bytes (SubmitFeed's ContentMD5Value). */
export function contentMd5(data: Data): string;
/** `YYYY-MM-DDTHH:MM:SS.sssZ` in UTC. */
export function formatTimestamp(when?: When): string;

/** A pre-keyed signer: keys HMAC once, signs any number of requests. Holds no secret in JavaScript. */
export class Signer {
  constructor(secret: string, signatureMethod?: SignatureMethod | (string & {}));
  readonly signatureMethod: string;
  /** Whether free() has been called. */
  readonly freed: boolean;
  sign(request: RequestOptions): string;
  signedQuery(request: RequestOptions): string;
  signRequest(request: RequestOptions): SignedStages;
  mac(stringToSign: string): string;
  /** Releases and wipes the keyed state now (garbage collection does it otherwise). */
  free(): void;
  toJSON(): { signatureMethod: string };
}

/** Secrets by AWSAccessKeyId: an object, a Map, or a function returning the secret or undefined. */
export type AccessKeys =
  | Readonly<Record<string, string>>
  | ReadonlyMap<string, string>
  | ((accessKeyId: string) => string | undefined | null);

/** A received request, as a server sees it. */
export interface VerifyOptions {
  accessKeys: AccessKeys;
  method: string;
  host: string;
  path: string;
  /** The raw query string or form body, exactly as received. */
  query: string;
  /** The server's clock: a Date, milliseconds, an ISO 8601 text, or undefined for now. */
  now?: When | string;
  /** Allowed clock skew; defaults to 900 (15 minutes). */
  windowSeconds?: number;
  scheme?: Scheme;
}

/** Verifies a received request; returns its AWSAccessKeyId or throws an MwsSignError. */
export function verify(options: VerifyOptions): string;

/** A marketplace of the core's table. */
export interface MarketplaceInfo {
  readonly code: string;
  readonly id: string;
  readonly host: string;
  /** `NA`, `EU`, `FE` or `CN`. */
  readonly region: 'NA' | 'EU' | 'FE' | 'CN';
}

export type MarketplaceCode =
  | 'US' | 'CA' | 'MX' | 'BR' | 'DE' | 'ES' | 'FR' | 'GB' | 'IT' | 'NL' | 'SE'
  | 'PL' | 'BE' | 'TR' | 'EG' | 'SA' | 'AE' | 'IN' | 'JP' | 'AU' | 'SG' | 'CN';

/** Every marketplace by country code. */
export const Marketplace: Readonly<Record<MarketplaceCode, MarketplaceInfo>>;

/** An API section of the core's table. */
export interface SectionInfo {
  readonly name: string;
  readonly path: string;
  readonly version: string;
  /** `Merchant` for Feeds and Reports, `SellerId` elsewhere. */
  readonly sellerParameter: 'SellerId' | 'Merchant';
}

export type SectionName =
  | 'Feeds' | 'Reports' | 'Orders' | 'Products' | 'Sellers'
  | 'FulfillmentInboundShipment' | 'FulfillmentOutboundShipment' | 'FulfillmentInventory'
  | 'Recommendations' | 'Subscriptions' | 'Finances' | 'MerchantFulfillment' | 'EasyShip'
  | 'ShipmentInvoicing' | 'CustomerInformation' | 'CartInformation'
  | 'OffAmazonPayments' | 'OffAmazonPaymentsSandbox';

/** Every API section by name. */
export const Section: Readonly<Record<SectionName, SectionInfo>>;

/** `application/x-www-form-urlencoded; charset=utf-8`. */
export const FORM_CONTENT_TYPE: string;

/** This package's version. */
export const version: string;

/** A User-Agent value with MWS's escaping rules. */
export function userAgent(options: { appName: string; appVersion: string; attributes?: Params }): string;

/** One MWS call. */
export interface PrepareOptions {
  accessKeyId: string;
  secret: string;
  sellerId: string;
  /** Picks the host: a country code, a MarketplaceId or a Marketplace entry. Optional when `host` is given. */
  marketplace?: MarketplaceCode | (string & {}) | MarketplaceInfo;
  section: SectionName | (string & {}) | SectionInfo;
  action: string;
  /** The operation's own parameters (lists flattened 1-based, e.g. `MarketplaceId.Id.1`). */
  params?: Params;
  /** The seller's MWSAuthToken; left out when undefined, null or empty. */
  authToken?: string | null;
  /** A Date, milliseconds, a ready ISO 8601 text, or undefined for now. */
  timestamp?: When | string;
  /** SubmitFeed's body: signed through its Content-MD5, sent as the body. */
  feed?: Data;
  /** The feed's Content-Type; defaults to `application/octet-stream`. */
  feedContentType?: string;
  signatureMethod?: SignatureMethod | (string & {});
  /** User-Agent application name; defaults to `mws-sign`. */
  appName?: string;
  /** User-Agent application version; defaults to this package's version. */
  appVersion?: string;
  /** Overrides the marketplace's host (a mock server). */
  host?: string;
  /** Defaults to `https`. */
  scheme?: Scheme;
}

/** A request ready for `fetch(url, init)`. */
export interface PreparedRequest {
  url: string;
  init: {
    method: 'POST';
    headers: Record<string, string>;
    /** The signed query, or the feed's bytes (TypeScript 5.7+ for the typed `Uint8Array`). */
    body: string | Uint8Array<ArrayBuffer>;
  };
}

/** Signs one MWS call and returns it ready for fetch. */
export function prepare(options: PrepareOptions): PreparedRequest;

declare const api: {
  sign: typeof sign;
  signedQuery: typeof signedQuery;
  signRequest: typeof signRequest;
  canonicalQuery: typeof canonicalQuery;
  stringToSign: typeof stringToSign;
  mac: typeof mac;
  contentMd5: typeof contentMd5;
  formatTimestamp: typeof formatTimestamp;
  verify: typeof verify;
  Signer: typeof Signer;
  MwsSignError: typeof MwsSignError;
  ERROR_CODES: typeof ERROR_CODES;
  Marketplace: typeof Marketplace;
  Section: typeof Section;
  FORM_CONTENT_TYPE: typeof FORM_CONTENT_TYPE;
  userAgent: typeof userAgent;
  prepare: typeof prepare;
  version: typeof version;
};
export default api;
