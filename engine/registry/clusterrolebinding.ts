// rbac.authorization.k8s.io/v1 ClusterRoleBinding (cluster-scoped). Upstream:
// pkg/apis/rbac/validation (ValidateClusterRoleBinding), printers.go (printClusterRoleBinding)
import type { ResourceDefinition } from './resource-definition';
import { bindingColumns, bindingRow, defaultBinding, RBAC_GROUP, validateBinding, validateBindingUpdate } from './rolebinding';

export const clusterRoleBindingDefinition: ResourceDefinition = {
  group: RBAC_GROUP,
  versions: [{ version: 'v1', schema: 'io.k8s.api.rbac.v1.ClusterRoleBinding' }],
  kind: 'ClusterRoleBinding',
  plural: 'clusterrolebindings',
  singular: 'clusterrolebinding',
  namespaced: false,
  nameRule: 'path',
  defaults: defaultBinding,
  validate: (b) => validateBinding(b, false),
  validateUpdate: validateBindingUpdate,
  table: {
    columns: bindingColumns('clusterRoleBinding', 'RoleRef can only reference a ClusterRole in the global namespace. If the RoleRef cannot be resolved, the Authorizer must return an error. This field is immutable.'),
    row: (b, ctx) => bindingRow(b, ctx.now),
  },
};
