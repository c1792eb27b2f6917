// Loading, merging and resolving kubeconfig files the way client-go's clientcmd does.
// Upstream: kubernetes/client-go tools/clientcmd loader.go (ClientConfigLoadingRules.Load,
// GetDefaultFilename), client_config.go (DirectClientConfig), api/v1/types.go (field order).
//
// Stanzas are kept in their v1 JSON shape with keys in Go struct order, so `config view -o json`
// and the files we write come out exactly as kubectl writes them.

import { kubeconfigListSeparator, homeDir, resolvePath, type KubectlIO } from './io';
import { ConfigurationInvalidError, KubectlError } from './errors';
import { goQuote } from './cli/flags';
import { kubectlYaml } from './resource/yaml-schema';

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type JsonObject = { [k: string]: Json };

export interface NamedStanza {
  name: string;
  /** The v1 object (`cluster`, `user` or `context` body). */
  body: JsonObject;
  /** The file the stanza came from; writes go back there. */
  origin: string;
}

export interface Kubeconfig {
  clusters: Map<string, NamedStanza>;
  users: Map<string, NamedStanza>;
  contexts: Map<string, NamedStanza>;
  currentContext: string;
  preferences: JsonObject;
  /** Files in load order (only those that exist). */
  files: string[];
}

export interface LoadOptions {
  /** `--kubeconfig`: only this file. */
  explicitPath?: string;
  /** The explicit file must exist (client loading rules); `kubectl config` tolerates it missing. */
  explicitMustExist?: boolean;
}

export function emptyKubeconfig(): Kubeconfig {
  return { clusters: new Map(), users: new Map(), contexts: new Map(), currentContext: '', preferences: {}, files: [] };
}

/** The files kubectl would read, in precedence order (explicit, KUBECONFIG list, ~/.kube/config). */
export function precedence(io: KubectlIO, opts: LoadOptions): { files: string[]; explicit: boolean } {
  if (opts.explicitPath) return { files: [opts.explicitPath], explicit: true };
  const env = io.env.KUBECONFIG;
  if (env !== undefined && env !== '') {
    const seen = new Set<string>();
    const files = env.split(kubeconfigListSeparator(io)).filter((f) => f !== '' && !seen.has(f) && !!seen.add(f));
    return { files, explicit: false };
  }
  return { files: [`${homeDir(io)}/.kube/config`], explicit: false };
}

// Upstream: loader.go Load: explicit file must exist; later files never override earlier keys.
export async function loadKubeconfig(io: KubectlIO, opts: LoadOptions = {}): Promise<Kubeconfig> {
  const { files, explicit } = precedence(io, opts);
  const merged = emptyKubeconfig();
  for (const file of files) {
    const abs = resolvePath(io, file);
    if (!(await io.fs.exists(abs))) {
      if (explicit && opts.explicitMustExist) throw new KubectlError(`stat ${file}: no such file or directory`);
      continue;
    }
    const text = new TextDecoder().decode(await io.fs.readFile(abs));
    let cfg: Kubeconfig;
    try {
      cfg = await parseKubeconfig(text, file);
    } catch (e) {
      throw new KubectlError(`error loading config file ${goQuote(file)}: ${(e as Error).message}`);
    }
    merged.files.push(file);
    for (const key of ['clusters', 'users', 'contexts'] as const) {
      for (const [name, st] of cfg[key]) if (!merged[key].has(name)) merged[key].set(name, st);
    }
    if (!merged.currentContext) merged.currentContext = cfg.currentContext;
    for (const [k, v] of Object.entries(cfg.preferences)) if (!(k in merged.preferences)) merged.preferences[k] = v;
  }
  return merged;
}

const dataFields = ['certificate-authority-data', 'client-certificate-data', 'client-key-data'];

export async function parseKubeconfig(text: string, origin: string): Promise<Kubeconfig> {
  const { parse } = await import('yaml');
  const doc = (text.trim() === '' ? {} : parse(text, kubectlYaml)) as JsonObject | null;
  const cfg = emptyKubeconfig();
  if (!doc || typeof doc !== 'object') return cfg;
  const read = (list: Json | undefined, field: string, into: Map<string, NamedStanza>) => {
    if (!Array.isArray(list)) return;
    for (const item of list) {
      if (!item || typeof item !== 'object' || Array.isArray(item)) continue;
      const name = String(item.name ?? '');
      const body = (item[field] ?? {}) as JsonObject;
      for (const f of dataFields) if (typeof body[f] === 'string') checkBase64(body[f] as string);
      defaultExecInteractiveMode(body);
      if (!into.has(name)) into.set(name, { name, body, origin });
    }
  };
  read(doc.clusters, 'cluster', cfg.clusters);
  read(doc.users, 'user', cfg.users);
  read(doc.contexts, 'context', cfg.contexts);
  cfg.currentContext = typeof doc['current-context'] === 'string' ? doc['current-context'] : '';
  if (doc.preferences && typeof doc.preferences === 'object' && !Array.isArray(doc.preferences)) cfg.preferences = doc.preferences;
  return cfg;
}

// Upstream: clientcmd/api/v1 defaults.go SetDefaults_ExecConfig — decoding gives beta and alpha
// exec plugins interactiveMode IfAvailable, so it appears once kubectl rewrites the file.
function defaultExecInteractiveMode(body: JsonObject): void {
  const exec = body.exec;
  if (!exec || typeof exec !== 'object' || Array.isArray(exec) || exec.interactiveMode) return;
  if (exec.apiVersion === 'client.authentication.k8s.io/v1beta1' || exec.apiVersion === 'client.authentication.k8s.io/v1alpha1') {
    exec.interactiveMode = 'IfAvailable';
  }
}

// Upstream: encoding/base64 (Encoding.decodeQuantum): the byte offsets of its CorruptInputError.
export function checkBase64(src: string): void {
  const alphabet = /[A-Za-z0-9+/]/;
  const fail = (at: number) => new Error(`illegal base64 data at input byte ${at}`);
  let si = 0;
  while (si < src.length) {
    for (let j = 0; j < 4; j++) {
      while (si < src.length && (src[si] === '\n' || src[si] === '\r')) si++;
      if (si === src.length) {
        if (j === 0) return;
        throw fail(si - j);
      }
      const c = src[si++];
      if (c === '=') {
        if (j < 2) throw fail(si - 1);
        if (j === 2) {
          while (si < src.length && (src[si] === '\n' || src[si] === '\r')) si++;
          if (si === src.length) throw fail(src.length);
          if (src[si] !== '=') throw fail(si - 1);
          si++;
        }
        while (si < src.length && (src[si] === '\n' || src[si] === '\r')) si++;
        if (si < src.length) throw fail(si);
        return;
      }
      if (!alphabet.test(c)) throw fail(si - 1);
    }
  }
}

// ---- Serialisation (clientcmd v1 Config, Go struct field order) ----

const clusterOrder = ['server', 'tls-server-name', 'insecure-skip-tls-verify', 'certificate-authority', 'certificate-authority-data', 'proxy-url', 'disable-compression', 'extensions'];
const userOrder = ['client-certificate', 'client-certificate-data', 'client-key', 'client-key-data', 'token', 'tokenFile', 'as', 'as-uid', 'as-groups', 'as-user-extra', 'username', 'password', 'auth-provider', 'exec', 'extensions'];
const contextOrder = ['cluster', 'user', 'namespace', 'extensions'];

// Every field is omitempty except cluster.server and context.cluster/user.
const alwaysPresent = new Set(['server', 'cluster', 'user']);

function ordered(body: JsonObject, order: string[]): JsonObject {
  const out: JsonObject = {};
  for (const k of order) {
    const v = body[k];
    if (v !== undefined && v !== null && v !== '' && v !== false) out[k] = nestedStructs[k] ? nestedStructs[k](v) : v;
    else if (alwaysPresent.has(k)) out[k] = typeof v === 'string' ? v : '';
  }
  return out;
}

const isObject = (v: Json | undefined): v is JsonObject => !!v && typeof v === 'object' && !Array.isArray(v);

// The nested v1 structs (ExecConfig, AuthProviderConfig) encode every field without omitempty as
// its zero value (`args: null`, `provideClusterInfo: false`) and drop fields they do not know.
const nestedStructs: Record<string, (v: Json) => Json> = {
  exec: (v) => {
    if (!isObject(v)) return v;
    const out: JsonObject = { command: typeof v.command === 'string' ? v.command : '', args: Array.isArray(v.args) ? v.args : null };
    out.env = Array.isArray(v.env) ? v.env.map((e) => (isObject(e) ? { name: e.name ?? '', value: e.value ?? '' } : e)) : null;
    if (v.apiVersion) out.apiVersion = v.apiVersion;
    if (v.installHint) out.installHint = v.installHint;
    out.provideClusterInfo = v.provideClusterInfo === true;
    if (v.interactiveMode) out.interactiveMode = v.interactiveMode;
    return out;
  },
  'auth-provider': (v) => (isObject(v) ? { name: typeof v.name === 'string' ? v.name : '', config: isObject(v.config) ? v.config : null } : v),
};

function sortedStanzas(map: Map<string, NamedStanza>, field: string, order: string[], filter?: (s: NamedStanza) => boolean): JsonObject[] | null {
  const items = [...map.values()].filter((s) => !filter || filter(s)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (items.length === 0) return null;
  return items.map((s) => ({ name: s.name, [field]: ordered(s.body, order) }));
}

// v1 Preferences: both fields omitempty (`colors: false` is dropped), unknown keys are not kept.
function v1Preferences(p: JsonObject): JsonObject {
  const out: JsonObject = {};
  if (p.colors === true) out.colors = true;
  if (Array.isArray(p.extensions) && p.extensions.length) out.extensions = p.extensions;
  return out;
}

/** The v1 Config object (as clientcmd's latest codec encodes it) for some or all stanzas. */
export function toV1(cfg: Kubeconfig, filter?: (kind: 'clusters' | 'users' | 'contexts', s: NamedStanza) => boolean): JsonObject {
  return {
    kind: 'Config',
    apiVersion: 'v1',
    preferences: v1Preferences(cfg.preferences),
    clusters: sortedStanzas(cfg.clusters, 'cluster', clusterOrder, filter && ((s) => filter('clusters', s))),
    users: sortedStanzas(cfg.users, 'user', userOrder, filter && ((s) => filter('users', s))),
    contexts: sortedStanzas(cfg.contexts, 'context', contextOrder, filter && ((s) => filter('contexts', s))),
    'current-context': cfg.currentContext,
  };
}

// ---- Resolving the effective client configuration ----

export interface ConfigOverrides {
  context?: string;
  cluster?: string;
  user?: string;
  namespace?: string;
  server?: string;
  token?: string;
  certificateAuthority?: string;
  clientCertificate?: string;
  clientKey?: string;
  insecureSkipTLSVerify?: boolean;
  tlsServerName?: string;
}

export interface ClientConfig {
  server: string;
  namespace: string;
  /** True when the namespace came from the context or flags rather than the default. */
  namespaceExplicit: boolean;
  token?: string;
  caData?: Uint8Array;
  certData?: Uint8Array;
  keyData?: Uint8Array;
  insecureSkipTLSVerify: boolean;
  tlsServerName?: string;
}


// Upstream: client_config.go DirectClientConfig.ClientConfig / getContext / getCluster / getAuthInfo,
// and merged_client_builder.go (an empty config falls back to http://localhost:8080).
export async function resolveClientConfig(io: KubectlIO, cfg: Kubeconfig, o: ConfigOverrides): Promise<ClientConfig> {
  const contextName = o.context || cfg.currentContext;
  const ctx = cfg.contexts.get(contextName)?.body ?? {};
  if (o.context && !cfg.contexts.has(o.context)) {
    throw new ConfigurationInvalidError(`context was not found for specified context: ${o.context}`);
  }
  const clusterName = o.cluster || str(ctx.cluster);
  const userName = o.user || str(ctx.user);
  const cluster = cfg.clusters.get(clusterName)?.body;
  const user = cfg.users.get(userName)?.body ?? {};
  if (o.user && !cfg.users.has(o.user)) throw new KubectlError(`auth info ${goQuote(o.user)} does not exist`);
  const nsFromContext = str(ctx.namespace);
  const namespace = o.namespace || nsFromContext || 'default';

  let server = o.server || str(cluster?.server);
  if (!server) {
    if (o.cluster) throw new KubectlError(`no server found for cluster ${goQuote(o.cluster)}`);
    if (cfg.contexts.size === 0 && cfg.clusters.size === 0 && !contextName) server = io.env.KUBERNETES_MASTER || 'http://localhost:8080';
    else if (!cluster && clusterName) throw new ConfigurationInvalidError(`cluster ${goQuote(clusterName)} not found`);
    else server = 'http://localhost:8080';
  }
  const readData = async (data: Json | undefined, file: string | undefined): Promise<Uint8Array | undefined> => {
    if (typeof data === 'string' && data !== '') return base64ToBytes(data);
    if (file) return io.fs.readFile(resolvePath(io, file));
    return undefined;
  };
  let token = o.token || str(user.token) || undefined;
  if (!token && str(user.tokenFile)) token = new TextDecoder().decode(await io.fs.readFile(resolvePath(io, str(user.tokenFile)))).trim();
  return {
    server: normalizeServer(server),
    namespace,
    namespaceExplicit: !!(o.namespace || nsFromContext),
    token,
    caData: o.certificateAuthority ? await io.fs.readFile(resolvePath(io, o.certificateAuthority)) : await readData(cluster?.['certificate-authority-data'], str(cluster?.['certificate-authority']) || undefined),
    certData: o.clientCertificate ? await io.fs.readFile(resolvePath(io, o.clientCertificate)) : await readData(user['client-certificate-data'], str(user['client-certificate']) || undefined),
    keyData: o.clientKey ? await io.fs.readFile(resolvePath(io, o.clientKey)) : await readData(user['client-key-data'], str(user['client-key']) || undefined),
    insecureSkipTLSVerify: o.insecureSkipTLSVerify || cluster?.['insecure-skip-tls-verify'] === true,
    tlsServerName: o.tlsServerName || str(cluster?.['tls-server-name']) || undefined,
  };
}

/** A bare host:port means https, as client-go's DefaultServerURL decides. */
function normalizeServer(server: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(server)) return server.replace(/\/+$/, '');
  return `https://${server}`.replace(/\/+$/, '');
}

function str(v: Json | undefined): string {
  return typeof v === 'string' ? v : '';
}

export function base64ToBytes(s: string): Uint8Array {
  const bin = atob(s.replace(/[\r\n]/g, ''));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

/** The file a new or changed top-level value is written to (GetDefaultFilename). */
export async function defaultFilename(io: KubectlIO, opts: LoadOptions): Promise<string> {
  const { files, explicit } = precedence(io, opts);
  if (explicit || files.length === 1) return files[0];
  for (const f of files) if (await io.fs.exists(resolvePath(io, f))) return f;
  return files[files.length - 1];
}

// ---- Writing (clientcmd.ModifyConfig) ----

/** The kubeconfig YAML kubectl writes (clientcmd.WriteToFile): the v1 object, keys sorted. */
export async function serializeKubeconfig(cfg: Kubeconfig): Promise<string> {
  const { toYaml } = await import('./printers/yaml-printer');
  return toYaml(toV1(cfg));
}

async function readOneFile(io: KubectlIO, file: string): Promise<Kubeconfig> {
  const abs = resolvePath(io, file);
  if (!(await io.fs.exists(abs))) return emptyKubeconfig();
  const text = new TextDecoder().decode(await io.fs.readFile(abs));
  try {
    return await parseKubeconfig(text, file);
  } catch (e) {
    throw new KubectlError(`error loading config file ${goQuote(file)}: ${(e as Error).message}`);
  }
}

async function writeOneFile(io: KubectlIO, file: string, cfg: Kubeconfig): Promise<void> {
  const abs = resolvePath(io, file);
  const dir = abs.slice(0, abs.lastIndexOf('/')) || '/';
  if (!(await io.fs.exists(dir))) await io.fs.mkdir(dir, { recursive: true, mode: 0o755 });
  await io.fs.writeFile(abs, await serializeKubeconfig(cfg), { mode: 0o600 });
}

// Upstream: clientcmd config.go writeCurrentContext: a name goes to the default file; clearing
// it clears the first file in the chain that sets one.
export async function writeCurrentContext(io: KubectlIO, opts: LoadOptions, name: string): Promise<void> {
  const { files, explicit } = precedence(io, opts);
  if (name || explicit) {
    const file = explicit ? files[0] : await defaultFilename(io, opts);
    const cfg = await readOneFile(io, file);
    cfg.currentContext = name;
    await writeOneFile(io, file, cfg);
    return;
  }
  for (const file of files) {
    if (!(await io.fs.exists(resolvePath(io, file)))) continue;
    const cfg = await readOneFile(io, file);
    if (cfg.currentContext) {
      cfg.currentContext = name;
      await writeOneFile(io, file, cfg);
      return;
    }
  }
  throw new KubectlError('no config found to write context');
}

// Upstream: clientcmd config.go writePreferences.
async function writePreferences(io: KubectlIO, opts: LoadOptions, prefs: JsonObject): Promise<void> {
  const { files, explicit } = precedence(io, opts);
  for (const file of files) {
    const cfg = await readOneFile(io, file);
    if (explicit || !samePreferences(cfg.preferences, prefs)) {
      cfg.preferences = prefs;
      await writeOneFile(io, file, cfg);
      return;
    }
  }
  throw new KubectlError('no config found to write preferences');
}

/** A deep copy, so a command can edit the starting config and hand both to modifyConfig. */
export function cloneKubeconfig(cfg: Kubeconfig): Kubeconfig {
  const copy = (m: Map<string, NamedStanza>) => new Map([...m].map(([k, v]) => [k, { ...v, body: structuredClone(v.body) }]));
  return { ...cfg, clusters: copy(cfg.clusters), users: copy(cfg.users), contexts: copy(cfg.contexts), preferences: structuredClone(cfg.preferences), files: [...cfg.files] };
}

// Equality as reflect.DeepEqual sees the decoded structs: absent and zero-valued fields are equal.
function canonical(v: Json | undefined): string {
  const walk = (x: Json | undefined): Json | undefined => {
    if (Array.isArray(x)) return x.map((e) => walk(e) ?? null);
    if (isObject(x)) {
      const out: JsonObject = {};
      for (const k of Object.keys(x).sort()) {
        const w = walk(x[k]);
        if (w !== undefined && w !== null && w !== '' && w !== false) out[k] = w;
      }
      return out;
    }
    return x;
  };
  return JSON.stringify(walk(v) ?? null);
}

function samePreferences(a: JsonObject, b: JsonObject): boolean {
  return canonical(a) === canonical(b);
}

function sameStanza(a: NamedStanza, b: NamedStanza): boolean {
  return a.origin === b.origin && canonical(a.body) === canonical(b.body);
}

// ---- Paths in stanzas (clientcmd loader.go ResolvePaths, RelativizePathWithNoBacksteps) ----

/** filepath.Clean for slash paths. */
function cleanPath(p: string): string {
  const abs = p.startsWith('/');
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else if (!abs) out.push('..');
    } else out.push(part);
  }
  const s = out.join('/');
  return abs ? '/' + s : s || '.';
}

/** filepath.Abs: relative paths join the working directory. */
export function absPath(io: KubectlIO, p: string): string {
  return cleanPath(p.startsWith('/') ? p : `${io.cwd}/${p}`);
}

/** filepath.Rel for two absolute, clean paths. */
function relPath(base: string, target: string): string {
  if (base === target) return '.';
  const b = base === '/' ? [] : base.slice(1).split('/');
  const t = target === '/' ? [] : target.slice(1).split('/');
  let i = 0;
  while (i < b.length && i < t.length && b[i] === t[i]) i++;
  return [...Array(b.length - i).fill('..'), ...t.slice(i)].join('/') || '.';
}

function dirOf(io: KubectlIO, file: string): string {
  const abs = absPath(io, file);
  return abs.slice(0, abs.lastIndexOf('/')) || '/';
}

/** The fields of a stanza that name files (GetClusterFileReferences, GetAuthInfoFileReferences). */
function fileReferences(kind: 'clusters' | 'users', body: JsonObject): { get: () => string; set: (v: string) => void }[] {
  const field = (o: JsonObject, k: string) => ({ get: () => (typeof o[k] === 'string' ? (o[k] as string) : ''), set: (v: string) => void (o[k] = v) });
  if (kind === 'clusters') return [field(body, 'certificate-authority')];
  const refs = [field(body, 'client-certificate'), field(body, 'client-key'), field(body, 'tokenFile')];
  // An exec command is a file only when it names a path, not a program looked up in PATH.
  if (isObject(body.exec) && typeof body.exec.command === 'string' && body.exec.command.includes('/')) refs.push(field(body.exec, 'command'));
  return refs;
}

// Upstream: RelativizeClusterLocalPaths / RelativizeAuthInfoLocalPaths: paths under the file's
// directory become relative to it; paths that would need `../` stay absolute.
function relativizePaths(io: KubectlIO, kind: 'clusters' | 'users', body: JsonObject, file: string): void {
  const base = dirOf(io, file);
  for (const ref of fileReferences(kind, body)) {
    const p = ref.get();
    if (!p) continue;
    // ResolvePaths first: relative paths join the file's directory (and are cleaned).
    const abs = p.startsWith('/') ? p : cleanPath(`${base}/${p}`);
    const rel = relPath(base, cleanPath(abs));
    ref.set(rel.startsWith('../') ? abs : rel);
  }
}

// ---- clientcmd.ModifyConfig ----

/**
 * Writes the differences between the config a command started from and the one it built:
 * changed or new stanzas go to the file they came from (new ones to the default file), deleted
 * ones are removed from theirs, current-context and preferences follow their own rules.
 * Upstream: clientcmd config.go ModifyConfig (including its lock files).
 */
export async function modifyConfig(io: KubectlIO, opts: LoadOptions, starting: Kubeconfig, next: Kubeconfig, relativize: boolean): Promise<void> {
  const { files } = precedence(io, opts);
  // ModifyConfig locks every file of the chain first (creating missing directories); a stale
  // lock file stops it.
  for (const file of [...files].sort()) {
    const dir = dirOf(io, file);
    if (!(await io.fs.exists(dir))) await io.fs.mkdir(dir, { recursive: true, mode: 0o755 });
    if (await io.fs.exists(resolvePath(io, `${file}.lock`))) throw new KubectlError(`open ${file}.lock: file exists`);
  }
  if (starting.currentContext !== next.currentContext) await writeCurrentContext(io, opts, next.currentContext);
  if (!samePreferences(starting.preferences, next.preferences)) await writePreferences(io, opts, next.preferences);

  const defaultFile = () => defaultFilename(io, opts);
  const edit = async (file: string, change: (cfg: Kubeconfig) => void) => {
    const cfg = await readOneFile(io, file);
    change(cfg);
    await writeOneFile(io, file, cfg);
  };
  const changed = (kind: 'clusters' | 'users' | 'contexts') =>
    [...next[kind].values()].filter((st) => {
      const before = starting[kind].get(st.name);
      return !before || !sameStanza(before, st);
    });

  for (const kind of ['clusters', 'contexts', 'users'] as const) {
    // Contexts are batched per file upstream; clusters and users are written one by one. The
    // files end up the same either way.
    for (const st of changed(kind)) {
      const file = st.origin || (await defaultFile());
      const body = structuredClone(st.body);
      if (relativize && kind !== 'contexts') relativizePaths(io, kind, body, file);
      await edit(file, (cfg) => void cfg[kind].set(st.name, { name: st.name, body, origin: file }));
    }
  }
  for (const kind of ['clusters', 'contexts', 'users'] as const) {
    for (const st of starting[kind].values()) {
      if (next[kind].has(st.name)) continue;
      await edit(st.origin || (await defaultFile()), (cfg) => void cfg[kind].delete(st.name));
    }
  }
}

/** Writes one context stanza to the file it came from, or to the default file when new. */
export async function writeContext(io: KubectlIO, opts: LoadOptions, stanza: NamedStanza | undefined, name: string, body: JsonObject): Promise<void> {
  const file = stanza?.origin || (await defaultFilename(io, opts));
  const cfg = await readOneFile(io, file);
  cfg.contexts.set(name, { name, body, origin: file });
  await writeOneFile(io, file, cfg);
}
