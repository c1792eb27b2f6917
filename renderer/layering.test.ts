// STYLE rule 7, enforced: the renderer is browser code. It may use the host's and the Electron
// boundary's contracts and engine types, but only as `import type`; it never imports Node modules.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) sources(p, out);
    else if (/\.tsx?$/.test(name) && !name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

const IMPORT = /^\s*import\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm;

test('renderer code imports engine, labs and main code only as types, and no Node modules', () => {
  const problems: string[] = [];
  for (const file of sources(join(here, 'src'))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(IMPORT)) {
      const isType = Boolean(m[1]);
      const spec = m[2] ?? m[3];
      const where = `${relative(here, file)}: ${spec}`;
      if (spec.startsWith('node:') || ['fs', 'path', 'child_process', 'electron', 'node-pty', 'ws', 'better-sqlite3'].includes(spec)) problems.push(`${where} (Node/Electron module)`);
      const target = spec.startsWith('.') ? relative(join(here, '..'), join(dirname(file), spec)) : '';
      if (/^(engine|labs|main)\//.test(target) && !isType) {
        // The wire contracts' constants are the one exception: they are plain data (no imports).
        if (!/main\/host\/protocol$|main\/ipc-contract$/.test(spec)) problems.push(`${where} (value import across layers)`);
      }
    }
  }
  assert.deepEqual(problems, []);
});
