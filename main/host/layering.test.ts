// STYLE rule 7, enforced: the host is plain Node. It never imports Electron, the Electron main
// process (main/*.ts) or the renderer, so it runs and is tested without Electron.
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
    else if (name.endsWith('.ts')) out.push(p);
  }
  return out;
}

test('the host imports neither electron, main/*.ts nor the renderer', () => {
  const problems: string[] = [];
  for (const file of sources(here)) {
    for (const m of readFileSync(file, 'utf8').matchAll(/from\s+['"]([^'"]+)['"]/g)) {
      const spec = m[1];
      const resolved = spec.startsWith('.') ? relative(join(here, '..', '..'), join(dirname(file), spec)) : spec;
      if (spec === 'electron' || resolved.startsWith('renderer/') || /^main\/[^/]+$/.test(resolved)) problems.push(`${relative(here, file)}: ${spec}`);
    }
  }
  assert.deepEqual(problems, []);
});
