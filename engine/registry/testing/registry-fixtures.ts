// Helpers for the registry's unit tests: an in-memory RegistryContext, and field errors rendered
// the way the Invalid status message shows them.
import { fieldErrorBody, type FieldError } from '../../api/field-errors';
import type { KubeObject } from '../../api/object';
import type { RegistryContext } from '../resource-definition';

export const NOW = Date.parse('2024-05-01T12:00:00Z');

/** `2024-05-01T11:58:00Z` for minutesAgo(2). */
export function minutesAgo(m: number): string {
  return new Date(NOW - m * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function fakeContext(objects: Record<string, KubeObject[]> = {}): RegistryContext {
  return {
    now: NOW,
    get: (resource, ns, name) => (objects[resource] ?? []).find((o) => o.metadata.name === name && (ns === undefined || o.metadata.namespace === ns)),
    list: (resource, ns) => (objects[resource] ?? []).filter((o) => ns === undefined || o.metadata.namespace === ns),
  };
}

/** `spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive` */
export function messages(errs: FieldError[]): string[] {
  return errs.map((e) => `${e.field}: ${fieldErrorBody(e)}`);
}

export function obj(kind: string, name: string, rest: Partial<KubeObject> = {}, namespace: string | undefined = 'default'): KubeObject {
  return { kind, ...rest, metadata: { name, ...(namespace ? { namespace } : {}), creationTimestamp: minutesAgo(5), uid: `uid-${name}`, ...(rest.metadata ?? {}) } } as KubeObject;
}
