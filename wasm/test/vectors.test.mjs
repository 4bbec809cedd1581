// Every vector file of the project through the public JavaScript API.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { api, require, root, vectorFiles } from './helpers.mjs';

const { runFiles, runText } = require(join(root, 'tests', 'node', 'vectors.cjs'));

test('every case of every vector file passes', () => {
  assert.ok(vectorFiles.length >= 5, 'the vector files are there');
  const { passed, failed, failures } = runFiles(vectorFiles, api);
  assert.deepEqual(failures, []);
  assert.equal(failed, 0);
  assert.ok(passed >= 300, `${passed} cases ran`);
});

test('a file of wrong expectations fails every case', () => {
  const published = join(root, 'tests', 'vectors', 'published.json');
  const spoil = join(root, 'tests', 'wrong-expectations.py');
  const wrong = spawnSync('python3', [spoil, published], { encoding: 'utf8' }).stdout;
  const count = Number(spawnSync('python3', [spoil, '--count', published], { encoding: 'utf8' }).stdout);
  const s = runText(api, 'wrong', wrong);
  assert.equal(s.passed, 0);
  assert.equal(s.failed, count);
});

test('an unknown case kind counts as failed, never skipped', () => {
  const s = runText(api, 'x', JSON.stringify({ version: 1, _comment: 'c', frobnicate: [{ name: 'a' }, { name: 'b' }], mac: [] }));
  assert.deepEqual([s.passed, s.failed], [0, 2]);
  assert.match(s.failures[0], /frobnicate\/a: case kind 'frobnicate' is not supported/);
});

test('the run-vectors script prints the summary last and sets the exit code', () => {
  const script = join(root, 'tests', 'node', 'run-vectors');
  const ok = spawnSync(script, vectorFiles, { encoding: 'utf8' });
  assert.equal(ok.status, 0);
  assert.match(ok.stdout.trim().split('\n').at(-1), /^\d+ passed, 0 failed$/);
  const missing = spawnSync(script, ['/nonexistent.json'], { encoding: 'utf8' });
  assert.equal(missing.status, 1);
  assert.equal(missing.stdout.trim().split('\n').at(-1), '0 passed, 1 failed');
});
