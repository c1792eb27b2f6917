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

// The desktop app. The host runs as its own process under Electron (dist/host.js); the Electron
// main process and its preload are separate bundles (the preload as CommonJS: sandboxed preloads
// cannot load ES modules); the renderer is built by Vite into dist/renderer.
const appEntries = [
  { src: 'main/host/host-main.ts', out: 'dist/host.js', format: 'esm', platform: 'node' },
  { src: 'main/main.ts', out: 'dist/main/main.js', format: 'esm', platform: 'node' },
  { src: 'main/preload.ts', out: 'dist/main/preload.cjs', format: 'cjs', platform: 'node' },
].filter((e) => existsSync(join(root, e.src)));
await Promise.all(
  appEntries.map((e) =>
    build({
      absWorkingDir: root,
      entryPoints: [e.src],
      outfile: e.out,
      bundle: true,
      platform: e.platform,
      target: 'node20',
      format: e.format,
      sourcemap: true,
      external: ['better-sqlite3', 'node-pty', 'electron', 'bufferutil', 'utf-8-validate'],
      ...(e.format === 'esm' ? { banner: { js: "import { createRequire as __kubelabCreateRequire } from 'node:module'; const require = __kubelabCreateRequire(import.meta.url);" } } : {}),
      logLevel: 'warning',
    }),
  ),
);
if (existsSync(join(root, 'renderer/vite.config.ts'))) {
  const { build: viteBuild } = await import('vite');
  await viteBuild({ configFile: join(root, 'renderer/vite.config.ts'), logLevel: 'warn' });
}
