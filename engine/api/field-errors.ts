// Field errors as apimachinery's field.Error renders them, and the Invalid message built from them.
// Upstream: apimachinery pkg/util/validation/field/errors.go

export type FieldErrorType = 'FieldValueRequired' | 'FieldValueInvalid' | 'FieldValueNotSupported' | 'FieldValueDuplicate' | 'FieldValueForbidden' | 'FieldValueTooLong' | 'FieldValueTooMany' | 'FieldValueNotFound' | 'InternalError';

export interface FieldError {
  type: FieldErrorType;
  field: string;
  /** The offending value; omitted for Required/Forbidden. */
  value?: unknown;
  hasValue?: boolean;
  detail?: string;
  /** A pre-rendered value (Go %#v of structs and maps) used instead of value. */
  rendered?: string;
}

/** Go %v-ish rendering of a bad value as field.Error does: strings quoted, numbers and bools plain. */
function renderValue(v: unknown, rendered?: string): string {
  if (rendered !== undefined) return rendered;
  if (typeof v === 'string') return JSON.stringify(v);
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

export function fieldErrorBody(e: FieldError): string {
  switch (e.type) {
    case 'FieldValueRequired':
      return `Required value${e.detail ? ': ' + e.detail : ''}`;
    case 'FieldValueForbidden':
      return `Forbidden${e.detail ? ': ' + e.detail : ''}`;
    case 'FieldValueTooLong':
      return `Too long: ${e.detail ?? ''}`;
    case 'FieldValueTooMany':
      return `Too many: ${e.detail ?? ''}`;
    case 'InternalError':
      return `Internal error: ${e.detail ?? ''}`;
    case 'FieldValueNotFound':
      return `Not found: ${renderValue(e.value, e.rendered)}`;
    case 'FieldValueDuplicate':
      return `Duplicate value: ${renderValue(e.value, e.rendered)}`;
    case 'FieldValueNotSupported':
      return `Unsupported value: ${renderValue(e.value, e.rendered)}${e.detail ? ': ' + e.detail : ''}`;
    default:
      return `Invalid value: ${renderValue(e.value, e.rendered)}${e.detail ? ': ' + e.detail : ''}`;
  }
}

export const invalid = (field: string, value: unknown, detail: string): FieldError => ({ type: 'FieldValueInvalid', field, value, detail });
export const required = (field: string, detail = ''): FieldError => ({ type: 'FieldValueRequired', field, detail });
export const forbidden = (field: string, detail: string): FieldError => ({ type: 'FieldValueForbidden', field, detail });
export const notSupported = (field: string, value: unknown, supported: string[]): FieldError => ({
  type: 'FieldValueNotSupported',
  field,
  value,
  detail: 'supported values: ' + supported.map((s) => JSON.stringify(s)).join(', '),
});
export const duplicate = (field: string, value: unknown): FieldError => ({ type: 'FieldValueDuplicate', field, value });
