// dist/kubectl.cjs: starts the bundled kubectl (dist/kubectl-program.cjs) from a V8 code cache.
// Compiling the 1 MB bundle is a quarter of a cold kubectl run; with the bytecode cached beside
// it (written once, on the first run, and again whenever V8 rejects it: a rebuilt bundle or
// another Node, such as Electron's), starting costs a read instead. Failing to write the cache
// (a read-only install) only costs speed.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Script } from 'node:vm';

const program = join(__dirname, 'kubectl-program.cjs');
const cachePath = `${program}.cache`;
// The build checks the bundle is ASCII, so latin1 (no UTF-8 decoding) reads it exactly.
const source = readFileSync(program, 'latin1');
let cached: Buffer | undefined;
try {
  cached = readFileSync(cachePath);
} catch {
  cached = undefined;
}
const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
  filename: program,
  cachedData: cached,
});
if (!cached || script.cachedDataRejected) {
  // At exit, so the cache holds the functions this run compiled, not only the top level.
  process.once('exit', () => {
    try {
      const tmp = `${cachePath}.${process.pid}`;
      writeFileSync(tmp, script.createCachedData());
      renameSync(tmp, cachePath);
    } catch {
      // Read-only or full: the next run compiles again.
    }
  });
}
const programModule = { exports: {} };
(script.runInThisContext() as (...args: unknown[]) => void).call(programModule.exports, programModule.exports, require, programModule, program, __dirname);
