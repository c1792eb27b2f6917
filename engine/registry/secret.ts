// core/v1 Secret: stringData folds into base64 data on write; TLS secrets need both keys.
// Upstream: pkg/registry/core/secret/strategy.go, pkg/apis/core/validation (ValidateSecret), printers.go (printSecret)
import { required, type FieldError } from '../api/field-errors';
import { validateDataKeys } from './configmap';
import { age, AGE_COLUMN, col, NAME_COLUMN } from './printing';
import type { ResourceDefinition } from './resource-definition';
import type { KubeObject } from '../api/object';

function foldStringData(s: KubeObject): void {
  if (s.stringData) {
    s.data ??= {};
    for (const [k, v] of Object.entries(s.stringData as Record<string, string>)) s.data[k] = Buffer.from(String(v), 'utf8').toString('base64');
    delete s.stringData;
  }
}

export const secretDefinition: ResourceDefinition = {
  group: '',
  versions: [{ version: 'v1', schema: 'io.k8s.api.core.v1.Secret' }],
  kind: 'Secret',
  plural: 'secrets',
  singular: 'secret',
  namespaced: true,
  defaults(s) {
    s.type ??= 'Opaque';
    foldStringData(s);
  },
  validate(s) {
    const errs: FieldError[] = validateDataKeys('data', s.data);
    if (s.type === 'kubernetes.io/tls') {
      if (!s.data?.['tls.crt']) errs.push(required('data[tls.crt]', ''));
      if (!s.data?.['tls.key']) errs.push(required('data[tls.key]', ''));
    }
    return errs;
  },
  validateUpdate(s, old) {
    if ((old.type ?? 'Opaque') !== (s.type ?? 'Opaque')) return [{ type: 'FieldValueInvalid', field: 'type', value: s.type, detail: 'field is immutable' }];
    return [];
  },
  fieldSelectors: { type: (o) => o.type ?? '' },
  table: {
    columns: [NAME_COLUMN, col('Type', 'string', 'The type of the secret'), col('Data', 'string', 'The number of entries in the secret'), AGE_COLUMN],
    row: (s, ctx) => [s.metadata.name, s.type ?? '', Object.keys(s.data ?? {}).length, age(s.metadata.creationTimestamp, ctx.now)],
  },
};
