'use strict';
// Runs vector files of the shared format (shared/vectors/FORMAT.md) through
// the PUBLIC API of the npm package mws-sign, case by case, naming the
// stage that broke. Used by ./run-vectors and by wasm/test/vectors.test.mjs.

const { readFileSync } = require('node:fs');
const path = require('node:path');

/** The package under test: wasm/pkg as built by wasm/build.sh (or MWS_SIGN_PKG). */
function loadPackage() {
  return require(process.env.MWS_SIGN_PKG || path.join(__dirname, '..', '..', 'wasm', 'pkg'));
}

/** Compares one stage; the message names it and shows both texts. */
function stage(name, got, expected) {
  if (got !== expected) {
    throw new Error(`${name} differs\n    expected: ${JSON.stringify(expected)}\n    got:      ${JSON.stringify(got)}`);
  }
}

function text(c, field) {
  const v = c[field];
  if (typeof v !== 'string') throw new Error(`field '${field}' missing or not a string`);
  return v;
}

function params(c) {
  if (!Array.isArray(c.params)) throw new Error("field 'params' missing or not a list");
  for (const p of c.params) {
    if (!Array.isArray(p) || p.length !== 2 || typeof p[0] !== 'string' || typeof p[1] !== 'string') {
      throw new Error('a parameter is not a [name, value] pair of strings');
    }
  }
  return c.params; // an iterable of pairs, duplicates and order kept
}

function request(c) {
  return { method: text(c, 'method'), scheme: text(c, 'scheme'), host: text(c, 'host'), path: text(c, 'path'), params: params(c) };
}

/** The error code of what `fn` throws, or a failure when it does not throw an MwsSignError. */
function errorCode(api, fn) {
  try {
    return { ok: fn() };
  } catch (e) {
    if (!(e instanceof api.MwsSignError)) throw new Error(`threw ${e && e.name}: ${e && e.message}`);
    return { code: e.code };
  }
}

const RUNNERS = {
  // Every stage through its own function, the all-stages call, and a pre-keyed Signer.
  sign(api, c) {
    const req = request(c);
    const keyed = { ...req, secret: text(c, 'secret'), signatureMethod: text(c, 'signature_method') };
    const { canonical_query: cq, string_to_sign: sts, signature: sig, signed_query: sq } = c;
    stage('canonical_query', api.canonicalQuery(req.params), cq);
    stage('string_to_sign', api.stringToSign(req), sts);
    stage('signature', api.sign(keyed), sig);
    stage('signed_query', api.signedQuery(keyed), sq);
    const all = api.signRequest(keyed);
    stage('canonical_query (signRequest)', all.canonicalQuery, cq);
    stage('string_to_sign (signRequest)', all.stringToSign, sts);
    stage('signature (signRequest)', all.signature, sig);
    stage('signed_query (signRequest)', all.signedQuery, sq);
    const signer = new api.Signer(keyed.secret, keyed.signatureMethod);
    try {
      stage('signature (Signer)', signer.sign(req), sig);
      stage('signed_query (Signer)', signer.signedQuery(req), sq);
    } finally {
      signer.free();
    }
  },
  mac(api, c) {
    const got = api.mac({ secret: text(c, 'secret'), signatureMethod: text(c, 'signature_method'), stringToSign: text(c, 'string_to_sign') });
    stage('signature', got, text(c, 'signature'));
  },
  reject(api, c) {
    const expected = text(c, 'error');
    const out = errorCode(api, () => api.sign({ ...request(c), secret: text(c, 'secret'), signatureMethod: text(c, 'signature_method') }));
    if (out.code === undefined) throw new Error(`expected ${expected}, but it signed: ${out.ok}`);
    stage('error', out.code, expected);
  },
  verify(api, c) {
    if (c.access_keys === null || typeof c.access_keys !== 'object') throw new Error("field 'access_keys' missing or not an object");
    const window = c.window_seconds;
    if (!Number.isInteger(window)) throw new Error("field 'window_seconds' missing or not an integer");
    const out = errorCode(api, () =>
      api.verify({
        accessKeys: c.access_keys,
        method: text(c, 'method'),
        scheme: text(c, 'scheme'),
        host: text(c, 'host'),
        path: text(c, 'path'),
        query: text(c, 'query'),
        now: text(c, 'now'), // ISO 8601, parsed by the core through the API
        windowSeconds: window,
      }),
    );
    stage('result', out.code === undefined ? 'ok' : out.code, text(c, 'result'));
  },
  content_md5(api, c) {
    stage('content_md5', api.contentMd5(Buffer.from(text(c, 'body_base64'), 'base64')), text(c, 'content_md5'));
  },
  timestamp(api, c) {
    if (!Number.isInteger(c.unix_ms)) throw new Error("field 'unix_ms' missing or not an integer");
    stage('formatted', api.formatTimestamp(c.unix_ms), text(c, 'formatted'));
  },
};

/** Runs the JSON text of one vector file; `label` names it in failures. */
function runText(api, label, json) {
  const summary = { passed: 0, failed: 0, failures: [] };
  let doc;
  try {
    doc = JSON.parse(json);
  } catch (e) {
    summary.failed++;
    summary.failures.push(`${label}: not JSON: ${e.message}`);
    return summary;
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    summary.failed++;
    summary.failures.push(`${label}: not a JSON object`);
    return summary;
  }
  for (const [kind, cases] of Object.entries(doc)) {
    if (kind.startsWith('_') || kind === 'version' || !Array.isArray(cases)) continue;
    cases.forEach((c, i) => {
      const name = c && typeof c.name === 'string' ? c.name : `#${i}`;
      try {
        const run = Object.hasOwn(RUNNERS, kind) ? RUNNERS[kind] : null;
        if (run === null) throw new Error(`case kind '${kind}' is not supported by this runner`);
        if (c === null || typeof c !== 'object') throw new Error('case is not a JSON object');
        run(api, c);
        summary.passed++;
      } catch (e) {
        summary.failed++;
        summary.failures.push(`${label}: ${kind}/${name}: ${e.message}`);
      }
    });
  }
  return summary;
}

/** Runs vector files; returns the summed counts and failure lines. */
function runFiles(files, api = loadPackage()) {
  const total = { passed: 0, failed: 0, failures: [] };
  for (const file of files) {
    let json;
    try {
      json = readFileSync(file, 'utf8');
    } catch (e) {
      total.failed++;
      total.failures.push(`${file}: cannot read: ${e.message}`);
      continue;
    }
    const s = runText(api, file, json);
    total.passed += s.passed;
    total.failed += s.failed;
    total.failures.push(...s.failures);
  }
  return total;
}

module.exports = { runText, runFiles, loadPackage };
