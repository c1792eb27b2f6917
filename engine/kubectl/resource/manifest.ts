// Reading manifests the way kubectl's file visitors do: `-f` files, directories (only
// .json/.yaml/.yml inside them, recursively with -R), `-` for stdin; each stream split into
// YAML documents (or consecutive JSON values) and decoded to plain objects.
// Upstream: kubernetes/cli-runtime pkg/resource/builder.go (FilenameParam, Path,
// expandIfFilePattern), visitor.go (ExpandPathsToFileVisitors, StreamVisitor.Visit);
// apimachinery pkg/util/yaml/decoder.go (YAMLOrJSONDecoder, YAMLReader).

import type { KubectlIO } from '../io';
import { resolvePath } from '../io';
import { JsonStreamDecoder } from '../client/watch-decoder';
import { goQuote } from '../cli/flags';
import type { KubeObject } from '../printers/name-printer';
import { kubectlYaml } from './yaml-schema';

export const fileExtensions = ['.json', '.yaml', '.yml'];

/** One document of a manifest stream, with the name kubectl shows in errors. */
export interface ManifestDoc {
  source: string;
  /** The decoded object, or undefined for an empty/`null` document (skipped). */
  object: KubeObject;
  /** The document as JSON text (for `Object 'Kind' is missing in '…'`). */
  raw: string;
}

export interface ManifestSource {
  /** `STDIN` or the path as given. */
  source: string;
  read: () => Promise<string>;
}

export class ManifestError extends Error {}

// Upstream: builder.go FilenameParam + Path: which sources `-f` names, in order, and whether
// a single item is implied (one plain file, no -R).
export async function expandFilenames(
  io: KubectlIO,
  filenames: string[],
  recursive: boolean,
): Promise<{ sources: ManifestSource[]; errors: Error[]; singleItemImplied: boolean; dir: boolean }> {
  const sources: ManifestSource[] = [];
  const errors: Error[] = [];
  let singleItemImplied = false;
  let dir = false;
  let stdinUsed = false;
  for (const f of filenames) {
    if (f === '-') {
      if (stdinUsed) errors.push(new ManifestError('standard input cannot be used for multiple arguments'));
      stdinUsed = true;
      sources.push({ source: 'STDIN', read: async () => new TextDecoder().decode(await io.stdin()) });
      continue;
    }
    if (f.startsWith('http://') || f.startsWith('https://')) {
      errors.push(new ManifestError(`unable to read URL ${goQuote(f)}: Kubelab's kubectl cannot reach the network`));
      continue;
    }
    const abs = resolvePath(io, f);
    if (!(await io.fs.exists(abs))) {
      errors.push(new ManifestError(`the path ${goQuote(f)} does not exist`));
      continue;
    }
    if (!recursive) singleItemImplied = true;
    const st = await io.fs.stat(abs);
    if (!st.isDirectory) {
      sources.push({ source: f, read: () => readUtf8(io, abs) });
      continue;
    }
    const found = await walk(io, f, abs, recursive);
    if (found.length > 1) dir = true;
    sources.push(...found);
  }
  if (sources.length === 0 && errors.length === 0) {
    errors.push(new ManifestError(`error reading [${filenames.join(' ')}]: recognized file extensions are [${fileExtensions.join(' ')}]`));
  }
  return { sources, errors, singleItemImplied: singleItemImplied && filenames.length === 1 && !dir, dir };
}

// Upstream: visitor.go ExpandPathsToFileVisitors — filepath.Walk (lexical order), extension filter;
// without -R only the top directory's files.
async function walk(io: KubectlIO, shown: string, abs: string, recursive: boolean): Promise<ManifestSource[]> {
  const out: ManifestSource[] = [];
  const names = [...(await io.fs.readdir(abs))].sort();
  for (const name of names) {
    const childAbs = `${abs.replace(/\/$/, '')}/${name}`;
    const childShown = `${shown.replace(/\/$/, '')}/${name}`;
    const st = await io.fs.stat(childAbs);
    if (st.isDirectory) {
      if (recursive) out.push(...(await walk(io, childShown, childAbs, recursive)));
      continue;
    }
    if (!fileExtensions.some((e) => name.endsWith(e))) continue;
    out.push({ source: childShown, read: () => readUtf8(io, childAbs) });
  }
  return out;
}

async function readUtf8(io: KubectlIO, abs: string): Promise<string> {
  const bytes = await io.fs.readFile(abs);
  let text = new TextDecoder().decode(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text;
}

// Upstream: YAMLOrJSONDecoder — JSON when the stream starts with `{`, otherwise YAML documents
// separated by `---` lines; empty and `null` documents are skipped. Documents before a syntax
// error are still returned (kubectl visits them before it meets the error).
export async function decodeStreamPartial(text: string, source: string): Promise<{ docs: ManifestDoc[]; error?: ManifestError }> {
  const docs: ManifestDoc[] = [];
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{')) {
    let values: unknown[];
    try {
      values = new JsonStreamDecoder().push(text);
    } catch (e) {
      return { docs, error: new ManifestError(`error parsing ${source}: ${(e as Error).message}`) };
    }
    for (const v of values) docs.push({ source, object: v as KubeObject, raw: JSON.stringify(v) });
    return { docs };
  }
  const { parseDocument } = await import('yaml');
  // Each document is converted on its own: go-yaml's line numbers count from the document.
  for (const chunk of splitYamlDocuments(text)) {
    if (chunk.trim() === '') continue;
    const doc = parseDocument(chunk, { ...kubectlYaml, uniqueKeys: false, strict: false });
    if (doc.errors.length > 0) {
      return { docs, error: new ManifestError(`error parsing ${source}: error converting YAML to JSON: ${goYamlError(doc.errors)}`) };
    }
    const value = doc.toJS({ maxAliasCount: -1 });
    if (value === null || value === undefined) continue;
    const json = toJsonCompatible(value);
    docs.push({ source, object: json as KubeObject, raw: JSON.stringify(json) });
  }
  return { docs };
}

export async function decodeStream(text: string, source: string): Promise<ManifestDoc[]> {
  const { docs, error } = await decodeStreamPartial(text, source);
  if (error) throw error;
  return docs;
}

interface YamlLibError {
  code: string;
  message: string;
  linePos?: [{ line: number; col: number }, { line: number; col: number }?];
}

// go-yaml v2 (through sigs.k8s.io/yaml) words the common mistakes differently from the `yaml`
// package; this maps the usual ones. Upstream: gopkg.in/yaml.v2 decode.go (parser.fail): a
// scanner error shows the 1-based line of the problem, a parser error the 0-based one, and a
// line 0 is not shown at all.
export function goYamlError(errors: YamlLibError[], lineOffset = 0): string {
  const byCode = (c: string) => errors.find((e) => e.code === c);
  const start = (e: YamlLibError) => (e.linePos?.[0]?.line ?? 1) + lineOffset;
  const end = (e: YamlLibError) => (e.linePos?.[1]?.line ?? e.linePos?.[0]?.line ?? 1) + lineOffset;
  const scanner = (line: number, msg: string) => (line > 1 ? `yaml: line ${line}: ${msg}` : `yaml: ${msg}`);
  const parser = (line: number, msg: string) => (line - 1 > 0 ? `yaml: line ${line - 1}: ${msg}` : `yaml: ${msg}`);
  const multiline = byCode('MULTILINE_IMPLICIT_KEY');
  if (multiline) return scanner(end(multiline), 'mapping values are not allowed in this context');
  const compact = byCode('BLOCK_AS_IMPLICIT_KEY');
  if (compact) return scanner(start(compact), 'mapping values are not allowed in this context');
  const tab = byCode('TAB_AS_INDENT');
  if (tab) return scanner(start(tab), 'found character that cannot start any token');
  const missing = byCode('MISSING_CHAR');
  if (missing) return scanner(start(missing), 'found unexpected end of stream');
  const indent = byCode('BAD_INDENT');
  if (indent) {
    if (/Flow sequence/.test(indent.message)) return parser(start(indent), "did not find expected ',' or ']'");
    if (/Flow mapping/.test(indent.message)) return parser(start(indent), "did not find expected ',' or '}'");
    return parser(start(indent), 'did not find expected key');
  }
  const first = errors[0];
  return scanner(start(first), first.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, ''));
}

// Upstream: yaml.YAMLReader.Read — a separator is a line starting with `---` followed by
// nothing but whitespace.
export function splitYamlDocuments(text: string): string[] {
  const docs: string[] = [];
  let cur: string[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('---') && line.slice(3).trim() === '') {
      docs.push(cur.join('\n'));
      cur = [];
      continue;
    }
    cur.push(line);
  }
  docs.push(cur.join('\n'));
  return docs;
}

// sigs.k8s.io/yaml converts through JSON: map keys become strings, dates stay strings.
function toJsonCompatible(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString().replace('.000Z', 'Z');
  if (v instanceof Map) {
    const o: Record<string, unknown> = {};
    for (const [k, x] of v) o[String(k)] = toJsonCompatible(x);
    return o;
  }
  if (Array.isArray(v)) return v.map(toJsonCompatible);
  if (v && typeof v === 'object') {
    const o: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) o[k] = toJsonCompatible(x);
    return o;
  }
  if (typeof v === 'bigint') return Number(v);
  return v;
}

