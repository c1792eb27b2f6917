// Reading `--from-literal`, `--from-file` and `--from-env-file` into key/value data,
// with kubectl's validation messages. Upstream: kubernetes/kubectl pkg/util/hash-less
// pkg/cmd/util/env_file.go (addFromEnvFile), pkg/util/util.go (ParseFileSource, ParseLiteralSource),
// apimachinery pkg/util/validation (IsConfigMapKey).

import type { KubectlIO } from '../../io';
import { resolvePath } from '../../io';
import { KubectlError } from '../../errors';

export function parseLiteralSource(source: string): [string, string] {
  const eq = source.indexOf('=');
  if (eq <= 0) throw new KubectlError(`invalid literal source ${source}, expected key=value`);
  return [source.slice(0, eq), source.slice(eq + 1)];
}

// Upstream: util.ParseFileSource: `[key=]path`.
export function parseFileSource(source: string): [string | undefined, string] {
  const eq = source.indexOf('=');
  if (eq < 0) return [undefined, source];
  if (eq === 0) throw new KubectlError(`key name for file path ${source.slice(1)} missing`);
  if (eq === source.length - 1) throw new KubectlError(`file path for key name ${source.slice(0, -1)} missing`);
  const key = source.slice(0, eq);
  const path = source.slice(eq + 1);
  if (path.includes('=')) throw new KubectlError('key names or file paths cannot contain \'=\'');
  return [key, path];
}

// Upstream: validation.IsConfigMapKey; errors joined with "; ".
export function configMapKeyErrors(key: string): string[] {
  const errs: string[] = [];
  if (key.length > 253) errs.push('must be no more than 253 characters');
  if (!/^[-._a-zA-Z0-9]+$/.test(key)) {
    errs.push(
      "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
    );
  }
  if (key === '.') errs.push("must not be '.'");
  else if (key === '..') errs.push("must not be '..'");
  else if (key.startsWith('..')) errs.push("must not start with '..'");
  return errs;
}

export interface FileEntry {
  key: string;
  content: Uint8Array;
}

export async function readFileSources(io: KubectlIO, sources: string[]): Promise<FileEntry[]> {
  const out: FileEntry[] = [];
  for (const src of sources) {
    const [key, path] = parseFileSource(src);
    const abs = resolvePath(io, path);
    if (!(await io.fs.exists(abs))) throw new KubectlError(`error reading ${path}: no such file or directory`);
    const st = await io.fs.stat(abs);
    if (st.isDirectory) {
      if (key) throw new KubectlError('cannot give a key name for a directory path');
      for (const name of (await io.fs.readdir(abs)).sort()) {
        const child = `${abs}/${name}`;
        const cst = await io.fs.stat(child);
        if (!cst.isFile) continue;
        if (configMapKeyErrors(name).length) continue; // invalid basenames are skipped
        out.push({ key: name, content: await io.fs.readFile(child) });
      }
    } else {
      out.push({ key: key ?? path.split('/').pop()!, content: await io.fs.readFile(abs) });
    }
  }
  return out;
}

// Upstream: cmdutil env_file.go — KEY=VALUE lines, `#` comments, bare KEY reads the environment.
export async function readEnvFileSources(io: KubectlIO, sources: string[]): Promise<[string, string][]> {
  const out: [string, string][] = [];
  for (const path of sources) {
    const abs = resolvePath(io, path);
    if (!(await io.fs.exists(abs))) throw new KubectlError(`open ${path}: no such file or directory`);
    const text = new TextDecoder().decode(await io.fs.readFile(abs)).replace(/^\uFEFF/, '');
    text.split('\n').forEach((raw, i) => {
      const line = raw.replace(/^[ \t]+/, '');
      if (line === '' || line.startsWith('#')) return;
      const eq = line.indexOf('=');
      const key = eq < 0 ? line.trimEnd() : line.slice(0, eq);
      if (!/^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(key)) {
        throw new KubectlError(`${JSON.stringify(key)} is not a valid key name: a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')`);
      }
      if (eq < 0) {
        const v = io.env[key];
        if (v !== undefined) out.push([key, v]);
      } else out.push([key, line.slice(eq + 1)]);
      void i;
    });
  }
  return out;
}

export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export function sortedRecord<T>(entries: Map<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const k of [...entries.keys()].sort()) out[k] = entries.get(k)!;
  return out;
}
