// core/v1 ConfigMap. Upstream: printers.go (printConfigMap), pkg/apis/core/validation (ValidateConfigMap)
import { invalid, type FieldError } from '../api/field-errors';
import { age, AGE_COLUMN, col, NAME_COLUMN } from './printing';
import type { ResourceDefinition } from './resource-definition';

const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/;

export function validateDataKeys(field: string, data: Record<string, unknown> | undefined): FieldError[] {
  const errs: FieldError[] = [];
  for (const k of Object.keys(data ?? {})) {
    if (!CONFIG_KEY.test(k) || k === '.' || k === '..')
      errs.push(invalid(`${field}[${k}]`, k, "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')"));
  }
  return errs;
}

export const configMapDefinition: ResourceDefinition = {
  group: '',
  versions: [{ version: 'v1', schema: 'io.k8s.api.core.v1.ConfigMap' }],
  kind: 'ConfigMap',
  plural: 'configmaps',
  singular: 'configmap',
  shortNames: ['cm'],
  namespaced: true,
  validate: (cm) => [...validateDataKeys('data', cm.data), ...validateDataKeys('binaryData', cm.binaryData)],
  table: {
    columns: [NAME_COLUMN, col('Data', 'string', 'Data contains the configuration data. Each key must consist of alphanumeric characters, \'-\', \'_\' or \'.\'. Values with non-UTF-8 byte sequences must use the BinaryData field. The keys stored in Data must not overlap with the keys in the BinaryData field, this is enforced during validation process.'), AGE_COLUMN],
    row: (cm, ctx) => [cm.metadata.name, Object.keys(cm.data ?? {}).length + Object.keys(cm.binaryData ?? {}).length, age(cm.metadata.creationTimestamp, ctx.now)],
  },
};
