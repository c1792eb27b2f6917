// Builds what the launchers run: one bundled file per entry point (fast start: a single file to
// load), plus generated data such as the OpenAPI documents. Runs on `npm install` via `prepare`.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
mkdirSync(join(root, 'dist'), { recursive: true });

// Generators write data files into dist/ before bundling (scripts/gen-*.mjs, each exports run(root)).
for (const f of readdirSync(join(root, 'scripts')).filter((f) => /^gen-.*\.mjs$/.test(f)).sort()) {
  const mod = await import(pathToFileURL(join(root, 'scripts', f)).href);
  await mod.run(root);
}

const entries = {
  kubelab: 'bin/kubelab-main.ts',
  kubectl: 'bin/kubectl-main.ts',
};
const entryPoints = Object.fromEntries(Object.entries(entries).filter(([, src]) => existsSync(join(root, src))));
await build({
  absWorkingDir: root,
  entryPoints,
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  // Native and optional modules stay outside the bundle.
  external: ['better-sqlite3', 'node-pty', 'electron', 'bufferutil', 'utf-8-validate'],
  banner: { js: "import { createRequire as __kubelabCreateRequire } from 'node:module'; const require = __kubelabCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
