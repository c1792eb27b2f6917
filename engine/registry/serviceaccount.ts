// core/v1 ServiceAccount. Upstream: printers.go (printServiceAccount)
import { age, AGE_COLUMN, col, NAME_COLUMN } from './printing';
import type { ResourceDefinition } from './resource-definition';

export const serviceAccountDefinition: ResourceDefinition = {
  group: '',
  versions: [{ version: 'v1', schema: 'io.k8s.api.core.v1.ServiceAccount' }],
  kind: 'ServiceAccount',
  plural: 'serviceaccounts',
  singular: 'serviceaccount',
  shortNames: ['sa'],
  namespaced: true,
  extraSubresources: [{ name: 'token', kind: { group: 'authentication.k8s.io', version: 'v1', kind: 'TokenRequest' }, verbs: ['create'] }],
  table: {
    columns: [NAME_COLUMN, col('Secrets', 'string', 'Secrets is a list of the secrets in the same namespace that pods running using this ServiceAccount are allowed to use.'), AGE_COLUMN],
    row: (sa, ctx) => [sa.metadata.name, (sa.secrets ?? []).length, age(sa.metadata.creationTimestamp, ctx.now)],
  },
};
