// HorizontalPodAutoscaler, stored as autoscaling/v2 and also served as autoscaling/v1 through
// conversion: v1's targetCPUUtilizationPercentage is the v2 cpu Utilization metric, and
// everything v1 cannot express travels in the autoscaling.alpha.kubernetes.io/* annotations.
// Upstream: pkg/apis/autoscaling/v1/conversion.go, pkg/apis/autoscaling/v2/defaults.go,
// pkg/apis/autoscaling/validation (validateHorizontalPodAutoscalerSpec), printers.go
// (printHorizontalPodAutoscaler, formatHPAMetrics)
/* eslint-disable @typescript-eslint/no-explicit-any */
import { invalid, notSupported, required, type FieldError } from '../api/field-errors';
import { validatePathSegmentName } from '../api/metadata-validation';
import type { KubeObject } from '../api/object';
import { age, AGE_COLUMN, col, NAME_COLUMN } from './printing';
import type { ResourceDefinition } from './resource-definition';

export const METRIC_SPECS_ANNOTATION = 'autoscaling.alpha.kubernetes.io/metrics';
export const METRIC_STATUSES_ANNOTATION = 'autoscaling.alpha.kubernetes.io/current-metrics';
export const BEHAVIOR_ANNOTATION = 'autoscaling.alpha.kubernetes.io/behavior';
export const CONDITIONS_ANNOTATION = 'autoscaling.alpha.kubernetes.io/conditions';

const isCpuUtilization = (m: any) => m?.type === 'Resource' && m.resource?.name === 'cpu' && m.resource?.target?.averageUtilization !== undefined;

// ---- v1 <-> v2 conversion of the metric shapes v1 keeps in annotations ----

function v2MetricToV1(m: any): any {
  const out: any = { type: m.type };
  const t = (x: any) => x?.target ?? {};
  switch (m.type) {
    case 'Resource':
      out.resource = { name: m.resource?.name, ...(t(m.resource).averageUtilization !== undefined ? { targetAverageUtilization: t(m.resource).averageUtilization } : {}), ...(t(m.resource).averageValue !== undefined ? { targetAverageValue: t(m.resource).averageValue } : {}) };
      break;
    case 'ContainerResource':
      out.containerResource = { name: m.containerResource?.name, container: m.containerResource?.container, ...(t(m.containerResource).averageUtilization !== undefined ? { targetAverageUtilization: t(m.containerResource).averageUtilization } : {}), ...(t(m.containerResource).averageValue !== undefined ? { targetAverageValue: t(m.containerResource).averageValue } : {}) };
      break;
    case 'Pods':
      out.pods = { metricName: m.pods?.metric?.name, targetAverageValue: t(m.pods).averageValue, ...(m.pods?.metric?.selector ? { selector: m.pods.metric.selector } : {}) };
      break;
    case 'Object':
      out.object = { target: m.object?.describedObject, metricName: m.object?.metric?.name, targetValue: t(m.object).value, ...(m.object?.metric?.selector ? { selector: m.object.metric.selector } : {}), ...(t(m.object).averageValue !== undefined ? { averageValue: t(m.object).averageValue } : {}) };
      break;
    case 'External':
      out.external = { metricName: m.external?.metric?.name, ...(m.external?.metric?.selector ? { metricSelector: m.external.metric.selector } : {}), ...(t(m.external).value !== undefined ? { targetValue: t(m.external).value } : {}), ...(t(m.external).averageValue !== undefined ? { targetAverageValue: t(m.external).averageValue } : {}) };
      break;
  }
  return out;
}

function v1MetricToV2(m: any): any {
  const target = (util: any, avg: any, value?: any) =>
    util !== undefined ? { type: 'Utilization', averageUtilization: util } : avg !== undefined ? { type: 'AverageValue', averageValue: avg } : { type: 'Value', value };
  switch (m.type) {
    case 'Resource':
      return { type: 'Resource', resource: { name: m.resource?.name, target: target(m.resource?.targetAverageUtilization, m.resource?.targetAverageValue) } };
    case 'ContainerResource':
      return { type: 'ContainerResource', containerResource: { name: m.containerResource?.name, container: m.containerResource?.container, target: target(m.containerResource?.targetAverageUtilization, m.containerResource?.targetAverageValue) } };
    case 'Pods':
      return { type: 'Pods', pods: { metric: { name: m.pods?.metricName, ...(m.pods?.selector ? { selector: m.pods.selector } : {}) }, target: { type: 'AverageValue', averageValue: m.pods?.targetAverageValue } } };
    case 'Object':
      return { type: 'Object', object: { describedObject: m.object?.target, metric: { name: m.object?.metricName, ...(m.object?.selector ? { selector: m.object.selector } : {}) }, target: m.object?.averageValue !== undefined ? { type: 'AverageValue', averageValue: m.object.averageValue } : { type: 'Value', value: m.object?.targetValue } } };
    case 'External':
      return { type: 'External', external: { metric: { name: m.external?.metricName, ...(m.external?.metricSelector ? { selector: m.external.metricSelector } : {}) }, target: target(undefined, m.external?.targetAverageValue, m.external?.targetValue) } };
  }
  return { type: m.type };
}

function v2StatusToV1(s: any): any {
  const c = (x: any) => x?.current ?? {};
  switch (s.type) {
    case 'Resource':
      return { type: 'Resource', resource: { name: s.resource?.name, ...(c(s.resource).averageUtilization !== undefined ? { currentAverageUtilization: c(s.resource).averageUtilization } : {}), currentAverageValue: c(s.resource).averageValue ?? '0' } };
    case 'ContainerResource':
      return { type: 'ContainerResource', containerResource: { name: s.containerResource?.name, container: s.containerResource?.container, ...(c(s.containerResource).averageUtilization !== undefined ? { currentAverageUtilization: c(s.containerResource).averageUtilization } : {}), currentAverageValue: c(s.containerResource).averageValue ?? '0' } };
    case 'Pods':
      return { type: 'Pods', pods: { metricName: s.pods?.metric?.name, currentAverageValue: c(s.pods).averageValue ?? '0', ...(s.pods?.metric?.selector ? { selector: s.pods.metric.selector } : {}) } };
    case 'Object':
      return { type: 'Object', object: { target: s.object?.describedObject, metricName: s.object?.metric?.name, currentValue: c(s.object).value ?? '0', ...(c(s.object).averageValue !== undefined ? { averageValue: c(s.object).averageValue } : {}) } };
    case 'External':
      return { type: 'External', external: { metricName: s.external?.metric?.name, currentValue: c(s.external).value ?? '0', ...(c(s.external).averageValue !== undefined ? { currentAverageValue: c(s.external).averageValue } : {}) } };
  }
  return { type: s.type };
}

function v1StatusToV2(s: any): any {
  switch (s.type) {
    case 'Resource':
      return { type: 'Resource', resource: { name: s.resource?.name, current: { ...(s.resource?.currentAverageUtilization !== undefined ? { averageUtilization: s.resource.currentAverageUtilization } : {}), averageValue: s.resource?.currentAverageValue } } };
    case 'ContainerResource':
      return { type: 'ContainerResource', containerResource: { name: s.containerResource?.name, container: s.containerResource?.container, current: { ...(s.containerResource?.currentAverageUtilization !== undefined ? { averageUtilization: s.containerResource.currentAverageUtilization } : {}), averageValue: s.containerResource?.currentAverageValue } } };
    case 'Pods':
      return { type: 'Pods', pods: { metric: { name: s.pods?.metricName }, current: { averageValue: s.pods?.currentAverageValue } } };
    case 'Object':
      return { type: 'Object', object: { describedObject: s.object?.target, metric: { name: s.object?.metricName }, current: { value: s.object?.currentValue, ...(s.object?.averageValue !== undefined ? { averageValue: s.object.averageValue } : {}) } } };
    case 'External':
      return { type: 'External', external: { metric: { name: s.external?.metricName }, current: { value: s.external?.currentValue, ...(s.external?.currentAverageValue !== undefined ? { averageValue: s.external.currentAverageValue } : {}) } } };
  }
  return { type: s.type };
}

function parseAnnotation(anns: Record<string, string>, key: string): any[] | any | undefined {
  const raw = anns[key];
  if (raw === undefined) return undefined;
  delete anns[key];
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

/** autoscaling/v1 object -> stored autoscaling/v2 object. */
export function hpaV1ToV2(obj: KubeObject): KubeObject {
  const anns: Record<string, string> = { ...(obj.metadata.annotations ?? {}) };
  const spec = obj.spec ?? {};
  const metrics: any[] = [];
  if (spec.targetCPUUtilizationPercentage !== undefined && spec.targetCPUUtilizationPercentage !== null)
    metrics.push({ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: spec.targetCPUUtilizationPercentage } } });
  const other = parseAnnotation(anns, METRIC_SPECS_ANNOTATION);
  if (Array.isArray(other)) metrics.push(...other.map(v1MetricToV2));
  const behavior = parseAnnotation(anns, BEHAVIOR_ANNOTATION);
  const currentMetrics = parseAnnotation(anns, METRIC_STATUSES_ANNOTATION);
  const conditions = parseAnnotation(anns, CONDITIONS_ANNOTATION);
  const outSpec: any = { scaleTargetRef: spec.scaleTargetRef, ...(spec.minReplicas !== undefined ? { minReplicas: spec.minReplicas } : {}), maxReplicas: spec.maxReplicas };
  if (metrics.length) outSpec.metrics = metrics;
  if (behavior && typeof behavior === 'object') outSpec.behavior = behavior;
  const out: KubeObject = { ...obj, apiVersion: 'autoscaling/v2', metadata: { ...obj.metadata }, spec: outSpec };
  if (Object.keys(anns).length) out.metadata.annotations = anns;
  else delete out.metadata.annotations;
  if (obj.status) {
    const st = obj.status;
    const status: any = {};
    if (st.observedGeneration !== undefined) status.observedGeneration = st.observedGeneration;
    if (st.lastScaleTime !== undefined) status.lastScaleTime = st.lastScaleTime;
    status.currentReplicas = st.currentReplicas ?? 0;
    status.desiredReplicas = st.desiredReplicas ?? 0;
    if (Array.isArray(currentMetrics)) status.currentMetrics = currentMetrics.map(v1StatusToV2);
    else if (st.currentCPUUtilizationPercentage !== undefined) status.currentMetrics = [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: st.currentCPUUtilizationPercentage } } }];
    if (Array.isArray(conditions)) status.conditions = conditions;
    out.status = status;
  }
  return out;
}

/** Stored autoscaling/v2 object -> autoscaling/v1. */
export function hpaV2ToV1(obj: KubeObject): KubeObject {
  const spec = obj.spec ?? {};
  const anns: Record<string, string> = { ...(obj.metadata.annotations ?? {}) };
  const metrics: any[] = spec.metrics ?? [];
  const cpu = metrics.find(isCpuUtilization);
  const other = metrics.filter((m) => !isCpuUtilization(m)).map(v2MetricToV1);
  if (other.length) anns[METRIC_SPECS_ANNOTATION] = JSON.stringify(other);
  const current: any[] = obj.status?.currentMetrics ?? [];
  if (current.length) anns[METRIC_STATUSES_ANNOTATION] = JSON.stringify(current.map(v2StatusToV1));
  if (spec.behavior) anns[BEHAVIOR_ANNOTATION] = JSON.stringify(spec.behavior);
  const conds: any[] = obj.status?.conditions ?? [];
  if (conds.length) anns[CONDITIONS_ANNOTATION] = JSON.stringify(conds);
  const outSpec: any = { scaleTargetRef: spec.scaleTargetRef, ...(spec.minReplicas !== undefined ? { minReplicas: spec.minReplicas } : {}), maxReplicas: spec.maxReplicas };
  if (cpu) outSpec.targetCPUUtilizationPercentage = cpu.resource.target.averageUtilization;
  const out: KubeObject = { ...obj, apiVersion: 'autoscaling/v1', metadata: { ...obj.metadata }, spec: outSpec };
  if (Object.keys(anns).length) out.metadata.annotations = anns;
  if (obj.status) {
    const st = obj.status;
    const status: any = {};
    if (st.observedGeneration !== undefined) status.observedGeneration = st.observedGeneration;
    if (st.lastScaleTime !== undefined) status.lastScaleTime = st.lastScaleTime;
    status.currentReplicas = st.currentReplicas ?? 0;
    status.desiredReplicas = st.desiredReplicas ?? 0;
    const cur = current.find((m) => m.type === 'Resource' && m.resource?.name === 'cpu');
    if (cur?.resource?.current?.averageUtilization !== undefined) status.currentCPUUtilizationPercentage = cur.resource.current.averageUtilization;
    out.status = status;
  }
  return out;
}

// ---- defaults and validation (v2) ----

const SCALE_UP_DEFAULT = { stabilizationWindowSeconds: 0, selectPolicy: 'Max', policies: [{ type: 'Pods', value: 4, periodSeconds: 15 }, { type: 'Percent', value: 100, periodSeconds: 15 }] };
const SCALE_DOWN_DEFAULT = { selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] };

function defaultRules(from: any, dflt: any): any {
  const to = structuredClone(dflt);
  if (!from) return to;
  if (from.selectPolicy !== undefined) to.selectPolicy = from.selectPolicy;
  if (from.stabilizationWindowSeconds !== undefined) to.stabilizationWindowSeconds = from.stabilizationWindowSeconds;
  if (from.policies !== undefined) to.policies = from.policies;
  return to;
}

/** Upstream: autoscaling/v2/defaults.go SetDefaults_HorizontalPodAutoscaler */
export function defaultHPA(hpa: KubeObject): void {
  const spec = (hpa.spec ??= {});
  spec.minReplicas ??= 1;
  if (!(spec.metrics ?? []).length) spec.metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }];
  if (spec.behavior) {
    spec.behavior.scaleUp = defaultRules(spec.behavior.scaleUp, SCALE_UP_DEFAULT);
    spec.behavior.scaleDown = defaultRules(spec.behavior.scaleDown, SCALE_DOWN_DEFAULT);
  }
}

function validateTarget(target: any, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const t = target ?? {};
  if (!t.type) errs.push(required(`${path}.type`, 'must specify a metric target type'));
  else if (!['Utilization', 'Value', 'AverageValue'].includes(t.type)) errs.push(invalid(`${path}.type`, t.type, 'must be either Utilization, Value, or AverageValue'));
  if (t.averageUtilization !== undefined && t.averageUtilization < 1) errs.push(invalid(`${path}.averageUtilization`, t.averageUtilization, 'must be greater than 0'));
  return errs;
}

function validateMetrics(metrics: any[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  const types = ['ContainerResource', 'External', 'Object', 'Pods', 'Resource'];
  metrics.forEach((m, i) => {
    const p = `${path}[${i}]`;
    if (!m.type) {
      errs.push(required(`${p}.type`, 'must specify a metric source type'));
      return;
    }
    if (!types.includes(m.type)) {
      errs.push(notSupported(`${p}.type`, m.type, types));
      return;
    }
    if (m.type === 'Resource' || m.type === 'ContainerResource') {
      const key = m.type === 'Resource' ? 'resource' : 'containerResource';
      const src = m[key];
      if (!src) {
        errs.push(required(`${p}.${key}`, `must populate information for the given metric source`));
        return;
      }
      if (!src.name) errs.push(required(`${p}.${key}.name`, 'must specify a resource name'));
      if (m.type === 'ContainerResource' && !src.container) errs.push(required(`${p}.${key}.container`, 'must specify a container'));
      if (src.target?.type === 'Value') errs.push(invalid(`${p}.${key}.target.type`, 'Value', 'must be either Utilization or AverageValue'));
      errs.push(...validateTarget(src.target, `${p}.${key}.target`));
    }
  });
  return errs;
}

export function validateHPA(hpa: KubeObject): FieldError[] {
  const spec = hpa.spec ?? {};
  const errs: FieldError[] = [];
  if (spec.minReplicas !== undefined && spec.minReplicas < 1) errs.push(invalid('spec.minReplicas', spec.minReplicas, 'must be greater than or equal to 1'));
  const max = spec.maxReplicas ?? 0;
  if (max < 1) errs.push(invalid('spec.maxReplicas', max, 'must be greater than 0'));
  if (spec.minReplicas !== undefined && max < spec.minReplicas) errs.push(invalid('spec.maxReplicas', max, 'must be greater than or equal to `minReplicas`'));
  const ref = spec.scaleTargetRef ?? {};
  const refErrs: FieldError[] = [];
  if (!ref.kind) refErrs.push(required('spec.scaleTargetRef.kind', ''));
  else refErrs.push(...validatePathSegmentName('spec.scaleTargetRef.kind', ref.kind));
  if (!ref.name) refErrs.push(required('spec.scaleTargetRef.name', ''));
  else refErrs.push(...validatePathSegmentName('spec.scaleTargetRef.name', ref.name));
  errs.push(...refErrs);
  if (refErrs.length === 0) errs.push(...validateMetrics(spec.metrics ?? [], 'spec.metrics'));
  for (const dir of ['scaleUp', 'scaleDown']) {
    const rules = spec.behavior?.[dir];
    if (!rules) continue;
    const p = `spec.behavior.${dir}`;
    if (rules.stabilizationWindowSeconds !== undefined && (rules.stabilizationWindowSeconds < 0 || rules.stabilizationWindowSeconds > 3600))
      errs.push(invalid(`${p}.stabilizationWindowSeconds`, rules.stabilizationWindowSeconds, rules.stabilizationWindowSeconds < 0 ? 'must be greater than or equal to zero' : 'must be less than or equal to 3600'));
    if (rules.selectPolicy && !['Disabled', 'Max', 'Min'].includes(rules.selectPolicy)) errs.push(notSupported(`${p}.selectPolicy`, rules.selectPolicy, ['Disabled', 'Max', 'Min']));
    if (!(rules.policies ?? []).length && rules.selectPolicy !== 'Disabled') errs.push(required(`${p}.policies`, 'must specify at least one Policy'));
    (rules.policies ?? []).forEach((pol: any, i: number) => {
      const pp = `${p}.policies[${i}]`;
      if (pol.type !== 'Pods' && pol.type !== 'Percent') errs.push(notSupported(`${pp}.type`, pol.type ?? '', ['Percent', 'Pods']));
      if (!(pol.periodSeconds > 0)) errs.push(invalid(`${pp}.periodSeconds`, pol.periodSeconds ?? 0, 'must be greater than zero'));
      else if (pol.periodSeconds > 1800) errs.push(invalid(`${pp}.periodSeconds`, pol.periodSeconds, 'must be less than or equal to 1800'));
      if (!(pol.value > 0)) errs.push(invalid(`${pp}.value`, pol.value ?? 0, 'must be greater than zero'));
    });
  }
  return errs;
}

// ---- table ----

/** Upstream: printers.go formatHPAMetrics (status matched to spec by index). */
export function formatHPAMetrics(specs: any[] | undefined, statuses: any[] | undefined): string {
  if (!(specs ?? []).length) return '<none>';
  const list: string[] = [];
  const st = statuses ?? [];
  specs!.forEach((spec, i) => {
    const s = st[i];
    switch (spec.type) {
      case 'External': {
        const t = spec.external?.target ?? {};
        if (t.averageValue !== undefined) list.push(`${s?.external?.current?.averageValue ?? '<unknown>'}/${t.averageValue} (avg)`);
        else list.push(`${s?.external ? (s.external.current?.value ?? '0') : '<unknown>'}/${t.value ?? '0'}`);
        break;
      }
      case 'Pods':
        list.push(`${s?.pods ? (s.pods.current?.averageValue ?? '0') : '<unknown>'}/${spec.pods?.target?.averageValue ?? '0'}`);
        break;
      case 'Object': {
        const t = spec.object?.target ?? {};
        if (t.averageValue !== undefined) list.push(`${s?.object?.current?.averageValue ?? '<unknown>'}/${t.averageValue} (avg)`);
        else list.push(`${s?.object ? (s.object.current?.value ?? '0') : '<unknown>'}/${t.value ?? '0'}`);
        break;
      }
      case 'Resource':
      case 'ContainerResource': {
        const key = spec.type === 'Resource' ? 'resource' : 'containerResource';
        const src = spec[key] ?? {};
        const t = src.target ?? {};
        if (t.averageValue !== undefined) {
          list.push(`${src.name}: ${s?.[key] ? (s[key].current?.averageValue ?? '0') : '<unknown>'}/${t.averageValue}`);
        } else {
          const u = s?.[key]?.current?.averageUtilization;
          const cur = u !== undefined && u !== null ? `${u}%` : '<unknown>';
          const target = t.averageUtilization !== undefined ? `${t.averageUtilization}%` : '<auto>';
          list.push(`${src.name}: ${cur}/${target}`);
        }
        break;
      }
      default:
        list.push('<unknown type>');
    }
  });
  if (list.length > 2) return `${list.slice(0, 2).join(', ')} + ${list.length - 2} more...`;
  return list.join(', ');
}

export function hpaRow(hpa: KubeObject, now: number): (string | number)[] {
  // The row is computed from the stored (v2) shape whichever version was asked for.
  const v2 = hpa.apiVersion === 'autoscaling/v1' ? hpaV1ToV2(hpa) : hpa;
  const spec = v2.spec ?? {};
  const ref = spec.scaleTargetRef ?? {};
  return [
    hpa.metadata.name,
    `${ref.kind ?? ''}/${ref.name ?? ''}`,
    formatHPAMetrics(spec.metrics, v2.status?.currentMetrics),
    spec.minReplicas !== undefined && spec.minReplicas !== null ? String(spec.minReplicas) : '<unset>',
    spec.maxReplicas ?? 0,
    v2.status?.currentReplicas ?? 0,
    age(hpa.metadata.creationTimestamp, now),
  ];
}

export const horizontalPodAutoscalerDefinition: ResourceDefinition = {
  group: 'autoscaling',
  versions: [
    { version: 'v2', schema: 'io.k8s.api.autoscaling.v2.HorizontalPodAutoscaler' },
    { version: 'v1', schema: 'io.k8s.api.autoscaling.v1.HorizontalPodAutoscaler', toStorage: hpaV1ToV2, fromStorage: hpaV2ToV1 },
  ],
  kind: 'HorizontalPodAutoscaler',
  plural: 'horizontalpodautoscalers',
  singular: 'horizontalpodautoscaler',
  shortNames: ['hpa'],
  categories: ['all'],
  namespaced: true,
  hasStatus: true,
  prepareForCreate(hpa) {
    hpa.status = { desiredReplicas: 0 };
  },
  defaults: defaultHPA,
  validate: validateHPA,
  table: {
    columns: [
      NAME_COLUMN,
      col('Reference', 'string', 'scaleTargetRef points to the target resource to scale, and is used to the pods for which metrics should be collected, as well as to actually change the replica count.'),
      col('Targets', 'string', 'metrics contains the specifications for which to use to calculate the desired replica count (the maximum replica count across all metrics will be used).  The desired replica count is calculated multiplying the ratio between the target value and the current value by the current number of pods.  Ergo, metrics used must decrease as the pod count is increased, and vice-versa.  See the individual metric source types for more information about how each type of metric must respond.'),
      col('MinPods', 'string', 'minReplicas is the lower limit for the number of replicas to which the autoscaler can scale down. It defaults to 1 pod.'),
      col('MaxPods', 'string', 'maxReplicas is the upper limit for the number of replicas to which the autoscaler can scale up. It cannot be less that minReplicas.'),
      col('Replicas', 'string', 'currentReplicas is current number of replicas of pods managed by this autoscaler, as last seen by the autoscaler.'),
      AGE_COLUMN,
    ],
    row: (hpa, ctx) => hpaRow(hpa, ctx.now),
  },
};
