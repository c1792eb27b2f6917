// Replays every case recorded from the reference kubectl (testdata/goldens.json) through
// run() with an in-memory filesystem and compares stdout, stderr, exit code and written files.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from './run';
import { MemoryFS, memoryIO } from './testing/memory-fs';
import { fixtureFiles, goldenHome, normalizeKlog, type Case, type Golden } from './testdata/golden-format';

const here = join(dirname(fileURLToPath(import.meta.url)), 'testdata');
const cases = JSON.parse(readFileSync(join(here, 'cases.json'), 'utf8')) as Case[];
const goldens = new Map((JSON.parse(readFileSync(join(here, 'goldens.json'), 'utf8')) as Golden[]).map((g) => [g.name, g]));
const cwd = '/work/case';

for (const c of cases) {
  test(`kubectl ${c.name}`, async () => {
    const golden = goldens.get(c.name);
    assert.ok(golden, 'no golden recorded; run testdata/capture.ts');
    const fs = new MemoryFS();
    for (const f of fixtureFiles) fs.put(`${cwd}/${f}`, readFileSync(join(here, f)));
    const io = memoryIO({ fs, cwd, env: { HOME: goldenHome, ...(c.env ?? {}) } });
    const code = await run(c.args, io);
    assert.equal(io.out(), golden.stdout, 'stdout');
    assert.equal(normalizeKlog(io.err()), golden.stderr, 'stderr');
    assert.equal(code, golden.code, 'exit code');
    for (const [f, want] of Object.entries(golden.files ?? {})) {
      assert.equal(fs.text(`${cwd}/${f}`) ?? null, want, `file ${f}`);
    }
  });
}
