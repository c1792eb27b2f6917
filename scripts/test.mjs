// The one test command (`npm test`): builds, type-checks, then runs unit tests (*.test.ts beside
// the code) and the cross-folder tests in test/ (integration, and e2e in Debian's Chromium) with
// node's test runner.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const only = args.filter((a) => !a.startsWith('--'));

function run(cmd, argv) {
  const r = spawnSync(cmd, argv, { cwd: root, stdio: 'inherit', env: process.env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function findTests(dir, out = []) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) findTests(p, out);
    else if (/\.test\.ts$/.test(name)) out.push(relative(root, p));
  }
  return out;
}

if (!args.includes('--no-build')) run(process.execPath, ['scripts/build.mjs']);
if (!args.includes('--no-typecheck')) {
  run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json', '--noEmit']);
  // Each runtime layer type-checks against its own world (STYLE rule 7): the browser renderer
  // (DOM, no Node), the Electron main process, and the plain-Node host.
  for (const project of ['renderer/tsconfig.json', 'renderer/tsconfig.test.json', 'renderer/labs/tsconfig.json', 'main/tsconfig.json', 'main/host/tsconfig.json']) {
    run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', project, '--noEmit']);
  }
}

let files = findTests(root).sort();
if (only.length) files = files.filter((f) => only.some((o) => f.includes(o)));
if (files.length === 0) {
  console.error('no test files matched');
  process.exit(1);
}
const concurrency = process.env.TEST_CONCURRENCY ?? '2';
run(process.execPath, ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, '--test-reporter=spec', ...files]);
