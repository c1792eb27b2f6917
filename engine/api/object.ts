// The loose shape every stored Kubernetes object has. Kind-specific code narrows it with the
// kubernetes-types interfaces where it helps.
import type { ObjectMeta } from 'kubernetes-types/meta/v1';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** ObjectMeta with a required name; the server writes its read-only fields, so they are mutable here. */
export interface KubeMeta extends Mutable<ObjectMeta> {
  name: string;
}

export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata: KubeMeta;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  spec?: any;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  status?: any;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  [field: string]: any;
}

/** A deep copy safe to mutate (store objects are shared, read-only references). */
export function clone<T>(o: T): T {
  return structuredClone(o);
}
