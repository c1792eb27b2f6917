// Shared cell helpers of the server-side printers. Durations are the same pure functions the
// bundled kubectl prints with (one implementation of HumanDuration for client and server).
// Upstream: kubernetes pkg/printers/internalversion/printers.go (translateTimestampSince)
import { ageSince, humanDuration } from '../kubectl/printers/human-duration';

export { humanDuration };

/** Age of a timestamp, `<unknown>` when unset (translateTimestampSince). */
export function age(timestamp: string | undefined | null, now: number): string {
  return ageSince(timestamp, now);
}

export const NAME_COLUMN = {
  name: 'Name',
  type: 'string' as const,
  format: 'name' as const,
  description:
    'Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names',
  priority: 0,
};

export const AGE_COLUMN = {
  name: 'Age',
  type: 'string' as const,
  description:
    'CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata',
  priority: 0,
};

export function col(name: string, type: 'string' | 'integer' | 'boolean' | 'number' | 'date', description: string, priority = 0) {
  return { name, type, description, priority };
}
