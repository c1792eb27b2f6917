// Which strategic-merge metadata kubectl uses for a kind: built-in kinds have their merge keys
// compiled in (kubectl falls back to its Go structs when OpenAPI is unavailable), other kinds
// (CRDs) get none, so lists are replaced as in a JSON merge patch.
// Upstream: kubernetes/kubectl pkg/cmd/apply/patcher.go (patchSimple: scheme lookup,
// strategicpatch.NewPatchMetaFromStruct / NewPatchMetaFromOpenAPIV3).

import type { CommandContext } from '../cli/command';
import type { RestMapping } from '../client/rest-mapper';
import { knownPatchSchema } from '../../api/patch/known-patch-schema';
import { emptyPatchSchema, type PatchSchema } from '../../api/patch/patch-schema';

const builtinGroups = new Set([
  '', 'apps', 'batch', 'autoscaling', 'policy', 'networking.k8s.io', 'rbac.authorization.k8s.io', 'storage.k8s.io',
  'scheduling.k8s.io', 'coordination.k8s.io', 'discovery.k8s.io', 'events.k8s.io', 'node.k8s.io', 'certificates.k8s.io',
  'admissionregistration.k8s.io', 'flowcontrol.apiserver.k8s.io', 'resource.k8s.io', 'authentication.k8s.io', 'authorization.k8s.io',
  'apiregistration.k8s.io', 'apiextensions.k8s.io', 'storagemigration.k8s.io', 'internal.apiserver.k8s.io',
]);

/** True when kubectl knows the kind as a Go type (strategic merge), false for CRDs (JSON merge). */
export function isBuiltin(mapping: Pick<RestMapping, 'group'>): boolean {
  return builtinGroups.has(mapping.group);
}

export async function patchSchemaFor(_ctx: CommandContext, mapping: RestMapping): Promise<PatchSchema> {
  return isBuiltin(mapping) ? knownPatchSchema(mapping.kind) : emptyPatchSchema;
}
