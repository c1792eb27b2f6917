// Loading, merging and resolving kubeconfig files the way client-go's clientcmd does.
// Upstream: kubernetes/client-go tools/clientcmd loader.go (ClientConfigLoadingRules.Load,
// GetDefaultFilename), client_config.go (DirectClientConfig), api/v1/types.go (field order).
//
// Stanzas are kept in their v1 JSON shape with keys in Go struct order, so `config view -o json`
// and the files we write come out exactly as kubectl writes them.

import { kubeconfigListSeparator, homeDir, resolvePath, type KubectlIO } from './io';
import { ConfigurationInvalidError, KubectlError } from './errors';
import { goQuote } from './cli/flags';

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
  const doc = (text.trim() === '' ? {} : parse(text, { version: '1.1' })) as JsonObject | null;
  const cfg = emptyKubeconfig();
  if (!doc || typeof doc !== 'object') return cfg;
  const read = (list: Json | undefined, field: string, into: Map<string, NamedStanza>) => {
    if (!Array.isArray(list)) return;
    for (const item of list) {
      if (!item || typeof item !== 'object' || Array.isArray(item)) continue;
      const name = String(item.name ?? '');
      const body = (item[field] ?? {}) as JsonObject;
      for (const f of dataFields) if (typeof body[f] === 'string') checkBase64(body[f] as string);
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
    if (v !== undefined && v !== null && v !== '' && v !== false) out[k] = v;
    else if (alwaysPresent.has(k)) out[k] = typeof v === 'string' ? v : '';
  }
  return out;
}

function sortedStanzas(map: Map<string, NamedStanza>, field: string, order: string[], filter?: (s: NamedStanza) => boolean): JsonObject[] | null {
  const items = [...map.values()].filter((s) => !filter || filter(s)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (items.length === 0) return null;
  return items.map((s) => ({ name: s.name, [field]: ordered(s.body, order) }));
}

/** The v1 Config object (as clientcmd's latest codec encodes it) for some or all stanzas. */
export function toV1(cfg: Kubeconfig, filter?: (kind: 'clusters' | 'users' | 'contexts', s: NamedStanza) => boolean): JsonObject {
  return {
    kind: 'Config',
    apiVersion: 'v1',
    preferences: cfg.preferences,
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

// Upstream: clientcmd config.go writeCurrentContext.
export async function writeCurrentContext(io: KubectlIO, opts: LoadOptions, name: string): Promise<void> {
  const file = await defaultFilename(io, opts);
  const cfg = await readOneFile(io, file);
  cfg.currentContext = name;
  await writeOneFile(io, file, cfg);
}

/** Writes one context stanza to the file it came from, or to the default file when new. */
export async function writeContext(io: KubectlIO, opts: LoadOptions, stanza: NamedStanza | undefined, name: string, body: JsonObject): Promise<void> {
  const file = stanza?.origin || (await defaultFilename(io, opts));
  const cfg = await readOneFile(io, file);
  cfg.contexts.set(name, { name, body, origin: file });
  await writeOneFile(io, file, cfg);
}
