// Validation shared by workloads that own pods through a selector and a template.
// Upstream: kubernetes pkg/apis/apps/validation/validation.go, pkg/apis/core/validation
/* eslint-disable @typescript-eslint/no-explicit-any */
import { invalid, required, type FieldError } from '../api/field-errors';
import { fromLabelSelector, isEmptyLabelSelector, matches } from '../api/label-selector';
import { validateLabels } from '../api/metadata-validation';
import { validatePodSpec } from './pod';

/** Go's %#v of map[string]string, as validation messages print label maps. */
export function goMapLiteral(m: Record<string, string> | undefined): string {
  const keys = Object.keys(m ?? {}).sort();
  if (keys.length === 0) return 'map[string]string(nil)';
  return `map[string]string{${keys.map((k) => `${JSON.stringify(k)}:${JSON.stringify(m![k])}`).join(', ')}}`;
}

/** Go's %#v of a LabelSelector, used by the "field is immutable" message. */
export function goLabelSelectorLiteral(s: any): string {
  const ml = s?.matchLabels ? goMapLiteral(s.matchLabels) : 'map[string]string(nil)';
  const me = s?.matchExpressions?.length
    ? `[]v1.LabelSelectorRequirement{${s.matchExpressions
        .map((e: any) => `v1.LabelSelectorRequirement{Key:${JSON.stringify(e.key)}, Operator:${JSON.stringify(e.operator)}, Values:[]string{${(e.values ?? []).map((v: string) => JSON.stringify(v)).join(', ')}}}`)
        .join(', ')}}`
    : '[]v1.LabelSelectorRequirement(nil)';
  return `v1.LabelSelector{MatchLabels:${ml}, MatchExpressions:${me}}`;
}

export function validateNonNegative(field: string, v: unknown): FieldError[] {
  if (typeof v === 'number' && v < 0) return [invalid(field, v, 'must be greater than or equal to 0')];
  return [];
}

export function validateSelectorAndTemplate(spec: any, opts: { requireSelector?: boolean; templatePath?: string; kindName?: string } = {}): FieldError[] {
  const errs: FieldError[] = [];
  const tp = opts.templatePath ?? 'spec.template';
  const sel = spec?.selector;
  if (!sel && opts.requireSelector !== false) errs.push(required('spec.selector', ''));
  else if (sel && isEmptyLabelSelector(sel)) errs.push({ type: 'FieldValueInvalid', field: 'spec.selector', rendered: goLabelSelectorLiteral(sel), detail: `empty selector is invalid for ${opts.kindName ?? 'deployment'}` });
  const labels = spec?.template?.metadata?.labels;
  errs.push(...validateLabels(`${tp}.metadata.labels`, labels));
  if (sel && !isEmptyLabelSelector(sel) && !matches(fromLabelSelector(sel), labels ?? {})) {
    errs.push({ type: 'FieldValueInvalid', field: `${tp}.metadata.labels`, value: undefined, detail: '`selector` does not match template `labels`', hasValue: true, rendered: goMapLiteral(labels) } as FieldError);
  }
  if (!spec?.template) errs.push(required(tp, ''));
  else errs.push(...validatePodSpec(spec.template.spec, `${tp}.spec`));
  return errs;
}

export function validateSelectorImmutable(spec: any, old: any, field = 'spec.selector'): FieldError[] {
  if (JSON.stringify(spec?.selector ?? null) !== JSON.stringify(old?.selector ?? null)) {
    return [{ type: 'FieldValueInvalid', field, detail: 'field is immutable', rendered: goLabelSelectorLiteral(spec?.selector) } as FieldError];
  }
  return [];
}
