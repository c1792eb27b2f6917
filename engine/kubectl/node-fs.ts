// The real filesystem as kubectl sees it (KubectlFS over node:fs): bin/kubectl's, and the one
// tests and benchmarks use when they run the library in-process on real files. Synchronous
// calls: a CLI has nothing to overlap, and node:fs/promises costs kubectl a module load at start.
import * as fs from 'node:fs';
import type { KubectlFS } from './io';

export const nodeFs: KubectlFS = {
  readFile: async (p) => new Uint8Array(fs.readFileSync(p)),
  writeFile: async (p, d, o) => fs.writeFileSync(p, d, { mode: o?.mode }),
  exists: async (p) => fs.existsSync(p),
  readdir: async (p) => fs.readdirSync(p),
  stat: async (p) => {
    const s = fs.statSync(p);
    return { isFile: s.isFile(), isDirectory: s.isDirectory(), mode: s.mode, size: s.size, mtimeMs: s.mtimeMs };
  },
  mkdir: async (p, o) => void fs.mkdirSync(p, o),
  remove: async (p) => fs.rmSync(p, { force: true }),
};
