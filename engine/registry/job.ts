// batch/v1 Job: defaults, the generated selector and pod labels, validation and the table.
// Upstream: pkg/apis/batch/v1/defaults.go (SetDefaults_Job), pkg/registry/batch/job/strategy.go
// (PrepareForCreate, generateSelector), pkg/apis/batch/validation (ValidateJob, ValidateJobSpecUpdate),
// printers.go (printJob)
/* eslint-disable @typescript-eslint/no-explicit-any */
import { invalid, notSupported, required, type FieldError } from '../api/field-errors';
import { formatLabelSelector, fromLabelSelector, isEmptyLabelSelector, matches } from '../api/label-selector';
import { validateLabels } from '../api/metadata-validation';
import type { KubeObject } from '../api/object';
import { containersCell } from './deployment';
import { validatePodSpec } from './pod';
import { defaultPodTemplate } from './pod-defaults';
import { age, AGE_COLUMN, col, humanDuration, NAME_COLUMN } from './printing';
import type { ResourceDefinition } from './resource-definition';
import { goLabelSelectorLiteral, goMapLiteral, validateNonNegative } from './workload-validation';

export const JOB_NAME_LABEL = 'batch.kubernetes.io/job-name';
export const CONTROLLER_UID_LABEL = 'batch.kubernetes.io/controller-uid';
export const LEGACY_JOB_NAME_LABEL = 'job-name';
export const LEGACY_CONTROLLER_UID_LABEL = 'controller-uid';

/** SetDefaults_Job, minus the metadata.labels copy (see defaults below). */
export function defaultJobSpec(spec: any): void {
  if (spec.completions == null && spec.parallelism == null) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  spec.parallelism ??= 1;
  if (spec.backoffLimit == null) spec.backoffLimit = spec.backoffLimitPerIndex != null ? 2147483647 : 6;
  spec.completionMode ??= 'NonIndexed';
  spec.suspend ??= false;
  for (const r of spec.podFailurePolicy?.rules ?? []) for (const c of r.onPodConditions ?? []) c.status ??= 'True';
  spec.podReplacementPolicy ??= spec.podFailurePolicy ? 'Failed' : 'TerminatingOrFailed';
}

/** The selector and pod labels the apiserver adds unless manualSelector is true. Upstream: strategy.go generateSelector */
export function generateSelector(job: KubeObject): void {
  const spec = job.spec;
  spec.template ??= {};
  spec.template.metadata ??= {};
  const labels = (spec.template.metadata.labels ??= {});
  for (const k of [LEGACY_JOB_NAME_LABEL, JOB_NAME_LABEL]) labels[k] ??= job.metadata.name;
  for (const k of [LEGACY_CONTROLLER_UID_LABEL, CONTROLLER_UID_LABEL]) labels[k] ??= job.metadata.uid;
  spec.selector ??= {};
  spec.selector.matchLabels ??= {};
  spec.selector.matchLabels[CONTROLLER_UID_LABEL] ??= job.metadata.uid;
}

/** A workload's pod template: restartPolicy OnFailure or Never (jobs and cronjobs). */
export function validateJobTemplate(spec: any, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const tp = `${path}.template`;
  if (!spec?.template) return [required(tp, '')];
  errs.push(...validateLabels(`${tp}.metadata.labels`, spec.template.metadata?.labels));
  errs.push(...validatePodSpec(spec.template.spec, `${tp}.spec`));
  const rp = spec.template.spec?.restartPolicy;
  if (rp !== 'OnFailure' && rp !== 'Never') errs.push(required(`${tp}.spec.restartPolicy`, 'valid values: "OnFailure", "Never"'));
  return errs;
}

/** ValidateJobSpec: counts, modes and the pod template (path: `spec` or `spec.jobTemplate.spec`). */
export function validateJobSpec(spec: any, path: string): FieldError[] {
  const errs: FieldError[] = [];
  errs.push(...validateNonNegative(`${path}.parallelism`, spec.parallelism));
  errs.push(...validateNonNegative(`${path}.completions`, spec.completions));
  errs.push(...validateNonNegative(`${path}.activeDeadlineSeconds`, spec.activeDeadlineSeconds));
  errs.push(...validateNonNegative(`${path}.backoffLimit`, spec.backoffLimit));
  errs.push(...validateNonNegative(`${path}.ttlSecondsAfterFinished`, spec.ttlSecondsAfterFinished));
  const mode = spec.completionMode;
  if (mode && mode !== 'Indexed' && mode !== 'NonIndexed') errs.push(notSupported(`${path}.completionMode`, mode, ['NonIndexed', 'Indexed']));
  if (mode === 'Indexed' && spec.completions == null) errs.push(required(`${path}.completions`, 'when completion mode is Indexed'));
  const prp = spec.podReplacementPolicy;
  if (prp && prp !== 'Failed' && prp !== 'TerminatingOrFailed') errs.push(notSupported(`${path}.podReplacementPolicy`, prp, ['Failed', 'TerminatingOrFailed']));
  const sel = spec.selector;
  const labels = spec.template?.metadata?.labels;
  if (sel && !isEmptyLabelSelector(sel) && !matches(fromLabelSelector(sel), labels ?? {}))
    errs.push({ type: 'FieldValueInvalid', field: `${path}.template.metadata.labels`, rendered: goMapLiteral(labels), detail: '`selector` does not match template `labels`' });
  errs.push(...validateJobTemplate(spec, path));
  return errs;
}

function validateJob(job: KubeObject): FieldError[] {
  const spec = job.spec ?? {};
  const errs: FieldError[] = [];
  if (spec.manualSelector === true) {
    if (!spec.selector) errs.push(required('spec.selector', ''));
  } else {
    // The generated labels must carry this job's name and uid.
    const labels = spec.template?.metadata?.labels;
    const want: [string, string][] = [
      [LEGACY_CONTROLLER_UID_LABEL, job.metadata.uid ?? ''],
      [LEGACY_JOB_NAME_LABEL, job.metadata.name],
      [CONTROLLER_UID_LABEL, job.metadata.uid ?? ''],
      [JOB_NAME_LABEL, job.metadata.name],
    ];
    if (!labels) errs.push(required('spec.template.metadata.labels', ''));
    for (const [k, v] of want) {
      if (!labels || !(k in labels)) errs.push(required(`spec.template.metadata.labels[${k}]`, `must be '${v}'`));
      else if (labels[k] !== v) errs.push({ type: 'FieldValueInvalid', field: `spec.template.metadata.labels[${k}]`, rendered: goMapLiteral(labels), detail: `must be '${v}'` });
    }
    // Whether generated or not, the selector must select the pods this job makes.
    if (spec.selector && !matches(fromLabelSelector(spec.selector), Object.fromEntries(want)))
      errs.push({ type: 'FieldValueInvalid', field: 'spec.selector', rendered: goLabelSelectorLiteral(spec.selector), detail: '`selector` not auto-generated' });
  }
  errs.push(...validateJobSpec(spec, 'spec'));
  return errs;
}

function validateJobUpdate(job: KubeObject, old: KubeObject): FieldError[] {
  const spec = job.spec ?? {};
  const o = old.spec ?? {};
  const errs: FieldError[] = [];
  if (JSON.stringify(spec.selector ?? null) !== JSON.stringify(o.selector ?? null))
    errs.push({ type: 'FieldValueInvalid', field: 'spec.selector', rendered: goLabelSelectorLiteral(spec.selector), detail: 'field is immutable' });
  if (spec.completions !== o.completions && !(spec.completionMode === 'Indexed' && spec.parallelism === spec.completions))
    errs.push({ type: 'FieldValueInvalid', field: 'spec.completions', value: spec.completions ?? null, detail: 'field is immutable' });
  if (spec.completionMode !== o.completionMode) errs.push(invalid('spec.completionMode', spec.completionMode, 'field is immutable'));
  // A suspended job that never started may change its template; upstream prints the whole
  // core.PodTemplateSpec with %#v here, which is abbreviated.
  const startedOrRunning = !(o.suspend === true && !old.status?.startTime);
  if (startedOrRunning && JSON.stringify(spec.template ?? null) !== JSON.stringify(o.template ?? null))
    errs.push({ type: 'FieldValueInvalid', field: 'spec.template', rendered: 'core.PodTemplateSpec{...}', detail: 'field is immutable' });
  return errs;
}

function jobCondition(job: KubeObject, type: string): boolean {
  const c = (job.status?.conditions ?? []).find((x: any) => x.type === type);
  return c?.status === 'True';
}

/** Upstream: printers.go printJob */
export function jobRow(job: KubeObject, now: number): (string | number)[] {
  const spec = job.spec ?? {};
  const st = job.status ?? {};
  const succeeded = st.succeeded ?? 0;
  let completions: string;
  if (spec.completions != null) completions = `${succeeded}/${spec.completions}`;
  else completions = (spec.parallelism ?? 0) > 1 ? `${succeeded}/1 of ${spec.parallelism}` : `${succeeded}/1`;
  let duration = '';
  if (st.startTime) duration = humanDuration((st.completionTime ? Date.parse(st.completionTime) : now) - Date.parse(st.startTime));
  let status = 'Running';
  if (jobCondition(job, 'Complete')) status = 'Complete';
  else if (jobCondition(job, 'Failed')) status = 'Failed';
  else if (job.metadata.deletionTimestamp) status = 'Terminating';
  else if (jobCondition(job, 'Suspended')) status = 'Suspended';
  else if (jobCondition(job, 'FailureTarget')) status = 'FailureTarget';
  const [names, images] = containersCell(spec.template?.spec);
  return [job.metadata.name, status, completions, duration, age(job.metadata.creationTimestamp, now), names, images, formatLabelSelector(spec.selector)];
}

export const jobDefinition: ResourceDefinition = {
  group: 'batch',
  versions: [{ version: 'v1', schema: 'io.k8s.api.batch.v1.Job' }],
  kind: 'Job',
  plural: 'jobs',
  singular: 'job',
  categories: ['all'],
  namespaced: true,
  hasStatus: true,
  tracksGeneration: true,
  // batch/v1 keeps pods of a deleted job unless told otherwise (kubectl always says Background).
  defaultPropagation: 'Orphan',
  prepareForCreate(job) {
    job.spec ??= {};
    job.status = {};
    if (job.spec.manualSelector !== true) generateSelector(job);
  },
  defaults(job) {
    const spec = (job.spec ??= {});
    defaultJobSpec(spec);
    defaultPodTemplate(spec.template);
    // Defaulting copies the template labels to a job without labels of its own.
    const tl = spec.template?.metadata?.labels;
    if (tl && Object.keys(job.metadata.labels ?? {}).length === 0) job.metadata.labels = { ...tl };
  },
  validate: validateJob,
  validateUpdate: validateJobUpdate,
  fieldSelectors: { 'status.successful': (o) => String(o.status?.succeeded ?? 0) },
  table: {
    columns: [
      NAME_COLUMN,
      col('Status', 'string', 'Status of the job.'),
      col('Completions', 'string', 'The number of pods which reached phase Succeeded. The value increases monotonically for a given spec. However, it may decrease in reaction to scale down of elastic indexed jobs.'),
      col('Duration', 'string', 'Time required to complete the job.'),
      AGE_COLUMN,
      col('Containers', 'string', 'Names of each container in the template.', 1),
      col('Images', 'string', 'Images referenced by each container in the template.', 1),
      col('Selector', 'string', 'A label query over pods that should match the pod count. Normally, the system sets this field for you. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors', 1),
    ],
    row: (job, ctx) => jobRow(job, ctx.now),
  },
};
