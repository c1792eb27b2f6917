// `npm run bench [name]`: runs every bench/*.bench.ts (or those matching name) and prints figures.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv.slice(2);
const files = readdirSync(join(root, 'bench')).filter((f) => f.endsWith('.bench.ts') && (only.length === 0 || only.some((o) => f.includes(o))));
let failed = 0;
for (const f of files.sort()) {
  console.log(`\n# ${f}`);
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', join('bench', f)], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
