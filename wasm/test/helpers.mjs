// Shared by the tests: the built package (wasm/pkg), repository paths, and
// independent oracles (Python's standard library, node:crypto).
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const here = dirname(fileURLToPath(import.meta.url));
export const require = createRequire(import.meta.url);
export const root = join(here, '..', '..');
export const pkgDir = join(root, 'wasm', 'pkg');
export const api = require(pkgDir);
export const glue = require(join(pkgDir, 'mws_sign_wasm.cjs'));
export const vectorFiles = readdirSync(join(root, 'tests', 'vectors'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => join(root, 'tests', 'vectors', f));

/** Runs Python code with `input` as JSON on stdin; returns its stdout parsed as JSON. */
export function python(code, input) {
  const out = spawnSync('python3', ['-c', code], { input: JSON.stringify(input), encoding: 'utf8', maxBuffer: 1 << 28 });
  if (out.status !== 0) throw new Error(`python3 failed: ${out.stderr}`);
  return JSON.parse(out.stdout);
}

/**
 * The SigV2 signature and signed query by Python's standard library alone
 * (urllib.parse.quote with only A-Z a-z 0-9 - _ . ~ safe, hmac, hashlib,
 * base64): an oracle that shares no code with the core.
 */
export function pythonSign({ secret, method, host, path, params }) {
  return python(
    `
import base64, hashlib, hmac, json, sys
from urllib.parse import quote
r = json.load(sys.stdin)
enc = lambda s: quote(s.encode("utf-8"), safe="-_.~")
pairs = sorted(r["params"], key=lambda p: p[0].encode("utf-8"))
cq = "&".join(enc(n) + "=" + enc(v) for n, v in pairs)
sts = "\\n".join([r["method"], r["host"], r["path"], cq])
sig = base64.b64encode(hmac.new(r["secret"].encode("utf-8"), sts.encode("utf-8"), hashlib.sha256).digest()).decode()
print(json.dumps({"canonical_query": cq, "signature": sig, "signed_query": cq + "&Signature=" + enc(sig)}))
`,
    { secret, method, host, path, params },
  );
}

/** Calls `fn`, which must throw; returns the error. */
export function thrown(fn) {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected an exception');
}
