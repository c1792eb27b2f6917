// `kubectl config set` / `unset` PROPERTY_NAME paths: a dot-delimited walk over clientcmd's
// internal Config type (json names of api.Config, not v1: `act-as`, maps keyed by name), applied
// to Kubelab's v1-shaped stanzas. Upstream: kubernetes/kubectl pkg/cmd/config/navigation_step_parser.go
// (newNavigationSteps, findNameStep) and set.go (modifyConfig), including their error texts.

import { KubectlError } from '../../errors';
import { bytesToBase64, checkBase64, type Json, type JsonObject, type Kubeconfig, type NamedStanza } from '../../kubeconfig';

type StanzaKind = 'clusters' | 'users' | 'contexts';

type FieldType =
  | { kind: 'string' | 'bool' | 'bytes' | 'stringSlice' | 'pointer' | 'objectMap' | 'stringsMap' | 'origin' }
  | { kind: 'struct'; struct: StructType }
  | { kind: 'stanzas'; stanzas: StanzaKind };

interface FieldSpec {
  type: FieldType;
  /** The v1 key of the stanza body, when it differs from the internal json name. */
  key?: string;
}

interface StructType {
  goName: string;
  fields: Record<string, FieldSpec>;
}

const t = (kind: 'string' | 'bool' | 'bytes' | 'stringSlice' | 'pointer' | 'objectMap' | 'stringsMap' | 'origin', key?: string): FieldSpec => ({ type: { kind }, key });

// LocationOfOrigin carries the json tag "-", so `clusters.x.-` names it.
const clusterType: StructType = {
  goName: 'api.Cluster',
  fields: {
    '-': t('origin'),
    server: t('string'),
    'tls-server-name': t('string'),
    'insecure-skip-tls-verify': t('bool'),
    'certificate-authority': t('string'),
    'certificate-authority-data': t('bytes'),
    'proxy-url': t('string'),
    'disable-compression': t('bool'),
    extensions: t('objectMap'),
  },
};
const authInfoType: StructType = {
  goName: 'api.AuthInfo',
  fields: {
    '-': t('origin'),
    'client-certificate': t('string'),
    'client-certificate-data': t('bytes'),
    'client-key': t('string'),
    'client-key-data': t('bytes'),
    token: t('string'),
    tokenFile: t('string'),
    'act-as': t('string', 'as'),
    'act-as-uid': t('string', 'as-uid'),
    'act-as-groups': t('stringSlice', 'as-groups'),
    'act-as-user-extra': t('stringsMap', 'as-user-extra'),
    username: t('string'),
    password: t('string'),
    'auth-provider': t('pointer'),
    exec: t('pointer'),
    extensions: t('objectMap'),
  },
};
const contextType: StructType = {
  goName: 'api.Context',
  fields: { '-': t('origin'), cluster: t('string'), user: t('string'), namespace: t('string'), extensions: t('objectMap') },
};
const preferencesType: StructType = { goName: 'api.Preferences', fields: { colors: t('bool'), extensions: t('objectMap') } };
const configType: StructType = {
  goName: 'api.Config',
  fields: {
    kind: t('string'),
    apiVersion: t('string'),
    preferences: { type: { kind: 'struct', struct: preferencesType } },
    clusters: { type: { kind: 'stanzas', stanzas: 'clusters' } },
    users: { type: { kind: 'stanzas', stanzas: 'users' } },
    contexts: { type: { kind: 'stanzas', stanzas: 'contexts' } },
    'current-context': t('string'),
    extensions: t('objectMap'),
  },
};
const stanzaTypes: Record<StanzaKind, StructType> = { clusters: clusterType, users: authInfoType, contexts: contextType };

// kubectl prints a navigation step's reflect.Type as the address of its type descriptor; the only
// step an error can show is `preferences` (api.Preferences), at this address in kubectl v1.32.
const typeAddresses: Record<string, string> = { 'api.Preferences': '0x203acc0' };

export interface Step {
  value: string;
  goName?: string;
}

/** A Go runtime panic: kubectl dies with exit code 2. */
export class GoPanic extends KubectlError {
  constructor(message: string) {
    super(`panic: ${message}\n\ngoroutine 1 [running]:\n`, 2);
  }
}

// Upstream: newNavigationSteps. Map keys may contain dots: a key runs until the next part that
// names a field of the map's value type.
export function navigationSteps(path: string): Step[] {
  const parts = path.split('.');
  const steps: Step[] = [];
  let current: FieldType = { kind: 'struct', struct: configType };
  let i = 0;
  while (i < parts.length) {
    if (current.kind === 'stanzas' || current.kind === 'objectMap' || current.kind === 'stringsMap') {
      if (current.kind === 'objectMap') throw new GoPanic('reflect: Elem of invalid type runtime.Object');
      if (current.kind === 'stringsMap') throw new KubectlError('string is not of type struct');
      const valueType: StructType = stanzaTypes[(current as { stanzas: StanzaKind }).stanzas];
      const rest = parts.slice(i);
      const known = rest.slice(1).findIndex((p) => Object.hasOwn(valueType.fields, p));
      const name = rest.slice(0, known < 0 ? rest.length : known + 1).join('.');
      steps.push({ value: name, goName: valueType.goName });
      i += name.split('.').length;
      current = { kind: 'struct', struct: valueType };
    } else if (current.kind === 'struct') {
      const field: FieldSpec | undefined = Object.hasOwn(current.struct.fields, parts[i]) ? current.struct.fields[parts[i]] : undefined;
      if (!field) {
        const shown = steps.map((s) => `{${s.value} ${typeAddresses[s.goName ?? ''] ?? '0x0'}}`).join(' ');
        throw new KubectlError(`unable to parse ${path} after [${shown}] at ${current.struct.goName}`);
      }
      steps.push({ value: parts[i], goName: field.type.kind === 'struct' ? field.type.struct.goName : undefined });
      i++;
      current = field.type;
    } else {
      throw new KubectlError(`unable to parse one or more field values of ${path}`);
    }
  }
  return steps;
}

// Go's %v of a map of pointers shows addresses; Kubelab shows stable made-up ones.
function goMapOfPointers(keys: string[]): string {
  return `map[${[...keys].sort().map((k, i) => `${k}:0xc000${(0x4a0000 + i * 0x100).toString(16)}`).join(' ')}]`;
}

function extensionNames(v: Json | undefined): string[] {
  return Array.isArray(v) ? v.map((e) => (e && typeof e === 'object' && !Array.isArray(e) ? String(e.name ?? '') : '')) : [];
}

function goStringsMap(v: Json | undefined): string {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return 'map[]';
  const entries = Object.keys(v)
    .sort()
    .map((k) => `${k}:[${(Array.isArray(v[k]) ? (v[k] as Json[]) : []).join(' ')}]`);
  return `map[${entries.join(' ')}]`;
}

// Upstream: toBool / strconv.ParseBool.
function goParseBool(s: string): boolean {
  if (s === '') return false;
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return false;
  throw new KubectlError(`strconv.ParseBool: parsing ${JSON.stringify(s)}: invalid syntax`);
}

function encodeBytes(value: string, rawBytes: boolean): string {
  const bytes = new TextEncoder().encode(value);
  if (rawBytes) return bytesToBase64(bytes);
  try {
    checkBase64(value);
  } catch (e) {
    throw new KubectlError(`error decoding input value: ${(e as Error).message}`);
  }
  // Stored as the decoded bytes, so the file gets them re-encoded (line breaks dropped).
  const bin = atob(value.replace(/[\r\n]/g, ''));
  return btoa(bin);
}

/**
 * Upstream: set.go modifyConfig, on the Kubelab model. `unset` of the last step zeroes a field or
 * drops a map entry (a missing entry is fine); `set` creates missing stanzas on the way.
 */
export function applyProperty(cfg: Kubeconfig, steps: Step[], value: string, unset: boolean, rawBytes: boolean): void {
  let index = 0;
  const more = () => index < steps.length;
  const pop = (): string => (more() ? steps[index++].value : '');

  const mapValueError = (shown: string) => new KubectlError(`can't set a map to a value: ${shown}`);

  // A map field of a struct (extensions, act-as-user-extra): only `unset` of it can succeed.
  const mapField = (body: JsonObject, key: string, kind: 'objectMap' | 'stringsMap') => {
    if (!more() && unset) {
      delete body[key];
      return;
    }
    pop();
    throw mapValueError(kind === 'objectMap' ? goMapOfPointers(extensionNames(body[key])) : goStringsMap(body[key]));
  };

  const structField = (body: JsonObject, type: StructType, stanza?: NamedStanza) => {
    const name = pop();
    const field = Object.hasOwn(type.fields, name) ? type.fields[name] : undefined;
    if (!field) {
      const shown = `{${body.colors === true} ${goMapOfPointers(extensionNames(body.extensions))}}`;
      throw new KubectlError(`unable to locate path config.navigationStep{stepValue:${JSON.stringify(name)}, stepType:reflect.Type(nil)} under ${shown}`);
    }
    const key = field.key ?? name;
    const kind = field.type.kind;
    if (kind === 'objectMap' || kind === 'stringsMap') return mapField(body, key, kind);
    if (!more() && unset) {
      if (kind === 'origin') stanza!.origin = '';
      else delete body[key];
      return;
    }
    switch (kind) {
      case 'origin':
        stanza!.origin = value;
        return;
      case 'string':
        body[key] = value;
        return;
      case 'bool':
        body[key] = goParseBool(value);
        return;
      case 'bytes':
        body[key] = encodeBytes(value, rawBytes);
        return;
      case 'stringSlice':
        throw new KubectlError('unrecognized slice type. string');
      default: {
        const present = body[key] !== undefined && body[key] !== null;
        throw new GoPanic(`unrecognized type: ${present ? '&{...}' : '<nil>'}`);
      }
    }
  };

  const top = pop();
  const field = configType.fields[top];
  const type = field.type;
  if (type.kind === 'stanzas') {
    const map = cfg[type.stanzas];
    if (!more() && unset) {
      map.clear();
      return;
    }
    const key = pop();
    if (!more() && !unset) throw mapValueError(goMapOfPointers([...map.keys()]));
    if (!more() && unset) {
      map.delete(key);
      return;
    }
    let stanza = map.get(key);
    if (!stanza) {
      if (unset) throw new KubectlError(`current map key \`${key}\` is invalid`);
      stanza = { name: key, body: {}, origin: '' };
      map.set(key, stanza);
    }
    return structField(stanza.body, stanzaTypes[type.stanzas], stanza);
  }
  if (type.kind === 'struct') {
    if (!more() && unset) {
      cfg.preferences = {};
      return;
    }
    return structField(cfg.preferences, preferencesType);
  }
  if (type.kind === 'objectMap') {
    // Config.extensions is not kept by Kubelab's model; it is never written either.
    if (!more() && unset) return;
    pop();
    throw mapValueError('map[]');
  }
  // kind and apiVersion are set in memory only: the file always says Config / v1.
  if (top === 'current-context') cfg.currentContext = unset ? '' : value;
}
