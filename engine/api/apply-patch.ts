// Applies a PATCH body to the current object according to its Content-Type.
import type { KubeObject } from './object';
import { badRequest, unsupportedMediaType } from './status-error';
import { applyMergePatchSimple } from './merge-patch-fallback';

export type PatchType = 'json' | 'merge' | 'strategic' | 'apply';

export function patchTypeOf(contentType: string | undefined): PatchType {
  const ct = (contentType ?? '').split(';')[0].trim();
  switch (ct) {
    case 'application/json-patch+json':
      return 'json';
    case 'application/merge-patch+json':
      return 'merge';
    case 'application/strategic-merge-patch+json':
      return 'strategic';
    case 'application/apply-patch+yaml':
    case 'application/apply-patch+cbor':
      return 'apply';
    default:
      throw unsupportedMediaType();
  }
}

export interface PatchEngine {
  json(current: unknown, patch: unknown): unknown;
  merge(current: unknown, patch: unknown): unknown;
  strategic(current: unknown, patch: unknown, schemaName: string, kind: string): unknown;
}

let engine: PatchEngine = {
  json: () => {
    throw badRequest('json patch is not available');
  },
  merge: applyMergePatchSimple,
  strategic: (c, p) => applyMergePatchSimple(c, p),
};

export function setPatchEngine(e: PatchEngine): void {
  engine = e;
}

export function applyPatch(type: PatchType, current: KubeObject, patch: unknown, schemaName: string, kind: string): unknown {
  switch (type) {
    case 'json':
      return engine.json(current, patch);
    case 'merge':
      return engine.merge(current, patch);
    case 'strategic':
    case 'apply':
      return engine.strategic(current, patch, schemaName, kind);
  }
}
