// Benchmark: mws-sign (../pkg) against the npm MWS clients' own signing
// code, on the three requests of shared/bench/workloads.json, interleaved in
// one run (machines here are shared and noisy: compare ratios, not times).
//
//   cd wasm/bench && npm ci && node bench.mjs [workloads.json] [--rounds N]
//
// Each peer's signing function is called directly, without network:
// - @ericblade/mws-simple: lib/makeSignature.js (query-string + createHmac);
// - mws-api: AmazonMwsClient#sign (querystring + a few replace() calls);
// - mws (ScaleLeap): HttpClient#request with an injected fetch that captures
//   the signed request (its canonicalization is a private function, so the
//   whole request assembly is timed; it is async);
// - amazon-mws: left out: its signing is inlined in AmazonMwsResource#_request,
//   which overwrites Timestamp with the current time and then opens an HTTPS
//   connection; there is no function that signs without the network.
// plus the floor: node:crypto's createHmac over the ready-made string to sign.

import { readFileSync } from 'node:fs';
import { createHmac } from 'node:crypto';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const mwsSign = require(join(here, '..', 'pkg'));
const makeSignature = require('@ericblade/mws-simple/lib/makeSignature.js').default;
const MwsApiClient = require('mws-api');
const { HttpClient } = require('mws');

const args = process.argv.slice(2);
const roundsAt = args.indexOf('--rounds');
const rounds = roundsAt >= 0 ? Number(args.splice(roundsAt, 2)[1]) : 15;
const workloadsPath = args[0] ?? join(here, '..', '..', '..', 'shared', 'bench', 'workloads.json');
const workloads = JSON.parse(readFileSync(workloadsPath, 'utf8')).sign;

/** Each implementation: a name, and for a case a function returning the signature (or a promise of it). */
const implementations = [
  {
    name: 'mws-sign sign()',
    prepare(c) {
      const o = { secret: c.secret, signatureMethod: c.signature_method, method: c.method, scheme: c.scheme, host: c.host, path: c.path, params: Object.fromEntries(c.params) };
      return () => mwsSign.sign(o);
    },
  },
  {
    name: 'mws-sign Signer',
    prepare(c) {
      const signer = new mwsSign.Signer(c.secret, c.signature_method);
      const o = { method: c.method, scheme: c.scheme, host: c.host, path: c.path, params: Object.fromEntries(c.params) };
      return () => signer.sign(o);
    },
  },
  {
    name: '@ericblade/mws-simple',
    prepare(c) {
      const query = Object.fromEntries(c.params);
      return () => makeSignature({ host: c.host, path: c.path, query, secretAccessKey: c.secret });
    },
  },
  {
    name: 'mws-api',
    prepare(c) {
      const client = new MwsApiClient({ host: c.host, accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: c.secret, merchantId: 'A1B2C3D4E5F6G7' });
      const query = Object.fromEntries(c.params);
      return () => client.sign(c.path, query).Signature;
    },
  },
  {
    name: 'mws (ScaleLeap)',
    prepare(c) {
      let captured;
      const fetch = async (config) => {
        captured = config;
        return { data: '', headers: {} };
      };
      const client = new HttpClient(
        { marketplace: { webServiceUri: `https://${c.host}` }, awsAccessKeyId: 'x', sellerId: 'x', mwsAuthToken: 'x', secretKey: c.secret },
        fetch,
      );
      const [, resource, version] = c.path.split('/');
      const parameters = Object.fromEntries(c.params);
      const info = { action: parameters.Action, resource, version, parameters };
      return async () => {
        await client.request(c.method, info, undefined, true);
        return decodeURIComponent(/(?:^|&)Signature=([^&]*)/.exec(captured.data)[1]);
      };
    },
    async: true,
  },
  {
    name: 'node:crypto HMAC only',
    prepare(c) {
      return () => createHmac('sha256', c.secret).update(c.string_to_sign).digest('base64');
    },
  },
];

const LEFT_OUT = [['amazon-mws', 'signing is inlined in _request(), which sets Timestamp to now and opens an HTTPS connection: no offline signing function']];

function batchSize(c) {
  return c.params.length > 100 ? 200 : 5000;
}

async function time(fn, isAsync, n) {
  const start = process.hrtime.bigint();
  if (isAsync) {
    for (let i = 0; i < n; i++) await fn();
  } else {
    for (let i = 0; i < n; i++) fn();
  }
  return Number(process.hrtime.bigint() - start) / n;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const results = new Map(); // `${case}\0${impl}` -> { correct, samples }
const runners = [];
for (const c of workloads) {
  for (const impl of implementations) {
    const fn = impl.prepare(c);
    const got = await fn();
    results.set(`${c.name}\0${impl.name}`, { correct: got === c.signature, samples: [] });
    runners.push({ c, impl, fn });
  }
}

// Warm-up, then rounds in which every (case, implementation) runs one batch.
for (const r of runners) await time(r.fn, r.impl.async, batchSize(r.c));
for (let round = 0; round < rounds; round++) {
  for (const r of runners) {
    results.get(`${r.c.name}\0${r.impl.name}`).samples.push(await time(r.fn, r.impl.async, batchSize(r.c)));
  }
}

const us = (ns) => (ns / 1000).toFixed(2);
console.log(`mws-sign ${mwsSign.version} benchmark: median of ${rounds} interleaved rounds, microseconds per signature (x = wrong signature)`);
console.log(`node ${process.version}; workloads: ${workloadsPath}\n`);
const header = ['implementation', ...workloads.map((c) => `${c.name} (${c.params.length} params)`)];
const rows = implementations.map((impl) => [
  impl.name,
  ...workloads.map((c) => {
    const { correct, samples } = results.get(`${c.name}\0${impl.name}`);
    return `${us(median(samples))}${correct ? '' : ' x'}`;
  }),
]);
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
console.log(line(header));
for (const row of rows) console.log(line(row));

console.log('\nspeed-up of mws-sign sign() (how many times faster; < 1 means slower):');
const ours = (c) => median(results.get(`${c.name}\0mws-sign sign()`).samples);
for (const impl of implementations.slice(1)) {
  const ratios = workloads.map((c) => (median(results.get(`${c.name}\0${impl.name}`).samples) / ours(c)).toFixed(2));
  console.log(line([`vs ${impl.name}`, ...ratios]));
}
for (const [name, why] of LEFT_OUT) console.log(`\nleft out: ${name}: ${why}`);

const orders = workloads.find((c) => c.name === 'orders');
if (orders) {
  const ratio = median(results.get(`orders\0@ericblade/mws-simple`).samples) / ours(orders);
  console.log(`\ntarget (sign() on orders at least 3x faster than @ericblade/mws-simple): ${ratio.toFixed(2)}x, ${ratio >= 3 ? 'met' : 'NOT met'}`);
}
