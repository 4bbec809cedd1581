// The npm package as published: `npm pack` of wasm/pkg, unpacked into a
// node_modules of a scratch project, loaded by name with require and import.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { api, pkgDir } from './helpers.mjs';

let project;
const run = (args) => execFileSync(process.execPath, args, { cwd: project, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

before(() => {
  project = mkdtempSync(join(tmpdir(), 'mws-sign-pack-'));
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', project], { cwd: pkgDir, encoding: 'utf8' });
  const [{ filename }] = JSON.parse(out);
  const dest = join(project, 'node_modules', 'mws-sign');
  mkdirSync(dest, { recursive: true });
  execFileSync('tar', ['-xzf', join(project, filename), '-C', dest, '--strip-components=1']);
  writeFileSync(join(project, 'package.json'), '{"private": true}');
});
after(() => rmSync(project, { recursive: true, force: true }));

const SIGN = "({ secret: 'secret', method: 'POST', host: 'mws.amazonservices.com', path: '/', params: { Action: 'GetServiceStatus' } })";

test('require("mws-sign") and import "mws-sign" load the packed package, one instance', () => {
  const expected = api.sign(eval(SIGN));
  assert.equal(run(['-e', `const m = require('mws-sign'); if (m.default !== m) throw 1; process.stdout.write(m.sign(${SIGN}))`]), expected);
  const esm = `
    import { sign, Signer, MwsSignError, ERROR_CODES } from 'mws-sign';
    import whole from 'mws-sign';
    import { createRequire } from 'node:module';
    const cjs = createRequire(import.meta.url)('mws-sign');
    if (whole.sign !== cjs.sign || sign !== cjs.sign || Signer !== cjs.Signer) throw new Error('two instances');
    if (!(new MwsSignError('InvalidHost', 'x') instanceof cjs.MwsSignError) || ERROR_CODES.length !== 19) throw new Error('exports');
    process.stdout.write(sign(${SIGN}));`;
  assert.equal(run(['--input-type=module', '-e', esm]), expected);
});

test('the exports map hides the internals', () => {
  assert.throws(() => run(['-e', "require('mws-sign/exchange.cjs')"]), /ERR_PACKAGE_PATH_NOT_EXPORTED/);
  assert.equal(run(['-e', "process.stdout.write(require('mws-sign/package.json').name)"]), 'mws-sign');
});

test('the types declare every export and every table key', () => {
  const dts = readFileSync(join(pkgDir, 'index.d.ts'), 'utf8');
  for (const name of Object.keys(api).filter((n) => n !== 'default')) {
    assert.match(dts, new RegExp(`export (declare )?(const|function|class) ${name}\\b`), name);
  }
  for (const code of Object.keys(api.Marketplace)) assert.match(dts, new RegExp(`'${code}'`), code);
  for (const name of Object.keys(api.Section)) assert.match(dts, new RegExp(`'${name}'`), name);
  for (const code of api.ERROR_CODES) assert.match(dts, new RegExp(`'${code}'`), code);
});
