// rbac.authorization.k8s.io/v1 ClusterRole (cluster-scoped; no printer, so NAME and CREATED AT).
// Upstream: pkg/apis/rbac/validation (ValidateClusterRole)
import type { ResourceDefinition } from './resource-definition';
import { validatePolicyRules } from './role';

export const clusterRoleDefinition: ResourceDefinition = {
  group: 'rbac.authorization.k8s.io',
  versions: [{ version: 'v1', schema: 'io.k8s.api.rbac.v1.ClusterRole' }],
  kind: 'ClusterRole',
  plural: 'clusterroles',
  singular: 'clusterrole',
  namespaced: false,
  nameRule: 'path',
  // Aggregated roles have their rules filled by a controller; only the selectors are checked here.
  validate: (r) => (r.aggregationRule ? [] : validatePolicyRules(r, false)),
};
