// ObjectMeta validation shared by all kinds: names, labels, annotations.
// Upstream: apimachinery pkg/api/validation/objectmeta.go, pkg/util/validation/validation.go
import { invalid, required, type FieldError } from './field-errors';
import type { KubeObject } from './object';

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const QUALIFIED_NAME_PART = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

export const DNS1123_SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
export const DNS1123_LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
export const DNS1035_LABEL_MSG =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

export type NameRule = 'subdomain' | 'label' | 'dns1035' | 'path';

export function validateDnsSubdomain(field: string, value: string): FieldError[] {
  const errs: FieldError[] = [];
  if (value.length > 253) errs.push(invalid(field, value, 'must be no more than 253 characters'));
  if (!DNS1123_SUBDOMAIN.test(value)) errs.push(invalid(field, value, DNS1123_SUBDOMAIN_MSG));
  return errs;
}

export function validateDnsLabel(field: string, value: string): FieldError[] {
  const errs: FieldError[] = [];
  if (value.length > 63) errs.push(invalid(field, value, 'must be no more than 63 characters'));
  if (!DNS1123_LABEL.test(value)) errs.push(invalid(field, value, DNS1123_LABEL_MSG));
  return errs;
}

export function validateDns1035Label(field: string, value: string): FieldError[] {
  const errs: FieldError[] = [];
  if (value.length > 63) errs.push(invalid(field, value, 'must be no more than 63 characters'));
  if (!/^[a-z]([-a-z0-9]*[a-z0-9])?$/.test(value)) errs.push(invalid(field, value, DNS1035_LABEL_MSG));
  return errs;
}

/** path.IsValidPathSegmentName: RBAC object names (`system:controller:x` is valid). */
export function validatePathSegmentName(field: string, value: string): FieldError[] {
  if (value === '.' || value === '..') return [invalid(field, value, `may not be '${value}'`)];
  const errs: FieldError[] = [];
  for (const c of ['/', '%']) if (value.includes(c)) errs.push(invalid(field, value, `may not contain '${c}'`));
  return errs;
}

/** A label or annotation key: optional DNS subdomain prefix and a qualified name. */
export function validateQualifiedName(field: string, key: string): FieldError[] {
  const parts = key.split('/');
  let name = key;
  const errs: FieldError[] = [];
  if (parts.length === 2) {
    const [prefix, n] = parts;
    name = n;
    if (prefix.length === 0) errs.push(invalid(field, key, 'prefix part must be non-empty'));
    else if (!DNS1123_SUBDOMAIN.test(prefix)) errs.push(invalid(field, key, 'prefix part ' + DNS1123_SUBDOMAIN_MSG));
  } else if (parts.length > 2) {
    return [
      invalid(
        field,
        key,
        "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
      ),
    ];
  }
  if (name.length === 0) errs.push(invalid(field, key, 'name part must be non-empty'));
  else if (name.length > 63) errs.push(invalid(field, key, 'name part must be no more than 63 characters'));
  else if (!QUALIFIED_NAME_PART.test(name))
    errs.push(
      invalid(
        field,
        key,
        "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
      ),
    );
  return errs;
}

export function validateLabels(field: string, labels: Record<string, unknown> | undefined): FieldError[] {
  const errs: FieldError[] = [];
  for (const [k, v] of Object.entries(labels ?? {})) {
    errs.push(...validateQualifiedName(field, k));
    const value = String(v);
    if (value.length > 63) errs.push(invalid(`${field}`, value, 'must be no more than 63 characters'));
    else if (!LABEL_VALUE.test(value))
      errs.push(
        invalid(
          field,
          value,
          "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
        ),
      );
  }
  return errs;
}

export function validateObjectMeta(obj: KubeObject, namespaced: boolean, rule: NameRule = 'subdomain'): FieldError[] {
  const errs: FieldError[] = [];
  const m = obj.metadata;
  if (!m.name && !m.generateName) errs.push(required('metadata.name', 'name or generateName is required'));
  else if (m.name) {
    const v = rule === 'label' ? validateDnsLabel : rule === 'dns1035' ? validateDns1035Label : rule === 'path' ? validatePathSegmentName : validateDnsSubdomain;
    errs.push(...v('metadata.name', m.name));
  }
  if (namespaced && !m.namespace) errs.push(required('metadata.namespace', ''));
  errs.push(...validateLabels('metadata.labels', m.labels));
  for (const k of Object.keys(m.annotations ?? {})) errs.push(...validateQualifiedName('metadata.annotations', k.toLowerCase()));
  return errs;
}
