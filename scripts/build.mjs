// Builds what the launchers run: one bundled file per entry point (fast start: a single file to
// load), plus generated data such as the OpenAPI documents. Runs on `npm install` via `prepare`.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
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

// kubectl starts on every command a student types, so it is CommonJS (node caches no bytecode
// for ES modules) run by a small loader with a V8 code cache: dist/kubectl.cjs loads
// dist/kubectl-program.cjs. Dynamic imports become require() calls, which vm.Script can run.
const kubectlBundles = [
  { src: 'bin/kubectl-main.ts', out: 'dist/kubectl-program.cjs', supported: { 'dynamic-import': false } },
  { src: 'bin/kubectl-loader.ts', out: 'dist/kubectl.cjs', supported: {} },
];
for (const b of kubectlBundles) {
  await build({
    absWorkingDir: root,
    entryPoints: [b.src],
    outfile: b.out,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    charset: 'ascii',
    // Comments are the only non-ASCII left (and a smaller file is faster to read and hash).
    minifyWhitespace: true,
    supported: b.supported,
    external: ['better-sqlite3', 'node-pty', 'electron', 'bufferutil', 'utf-8-validate'],
    logLevel: 'warning',
  });
}
// The ES module bundle of earlier builds.
for (const stale of ['dist/kubectl.js', 'dist/kubectl.js.map']) rmSync(join(root, stale), { force: true });
// The loader reads the program as latin1, which is exact only for ASCII.
if (/[^\x00-\x7f]/.test(readFileSync(join(root, 'dist/kubectl-program.cjs'), 'latin1'))) {
  throw new Error('dist/kubectl-program.cjs is not ASCII: the loader would misread it');
}

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
