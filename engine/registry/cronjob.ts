// batch/v1 CronJob. Upstream: pkg/apis/batch/v1/defaults.go (SetDefaults_CronJob),
// pkg/apis/batch/validation (ValidateCronJobCreate, validateScheduleFormat, validateTimeZone),
// printers.go (printCronJob)
/* eslint-disable @typescript-eslint/no-explicit-any */
import { invalid, notSupported, required, type FieldError } from '../api/field-errors';
import { formatLabelSelector } from '../api/label-selector';
import type { KubeObject } from '../api/object';
import { cronScheduleError, loadLocationError } from './cron-schedule';
import { containersCell } from './deployment';
import { validateJobSpec } from './job';
import { defaultPodTemplate } from './pod-defaults';
import { age, AGE_COLUMN, col, NAME_COLUMN } from './printing';
import type { ResourceDefinition } from './resource-definition';
import { validateNonNegative } from './workload-validation';

/** Job names are `<cronjob>-<minutes since epoch>`: 52 + 11 characters fit a label. */
const MAX_CRONJOB_NAME = 52;

export function defaultCronJob(cj: KubeObject): void {
  const spec = (cj.spec ??= {});
  spec.concurrencyPolicy ||= 'Allow';
  spec.suspend ??= false;
  spec.successfulJobsHistoryLimit ??= 3;
  spec.failedJobsHistoryLimit ??= 1;
  spec.jobTemplate ??= {};
  spec.jobTemplate.metadata ??= {};
  if (!('creationTimestamp' in spec.jobTemplate.metadata)) spec.jobTemplate.metadata.creationTimestamp = null;
  spec.jobTemplate.spec ??= {};
  defaultPodTemplate(spec.jobTemplate.spec.template);
}

/** Upstream: validation.go validateTimeZone */
export function validateTimeZone(tz: unknown, field = 'spec.timeZone'): FieldError[] {
  if (tz === undefined || tz === null) return [];
  const s = String(tz);
  if (s.length === 0) return [invalid(field, s, 'timeZone must be nil or non-empty string')];
  for (const part of s.split('/')) {
    if (part === '.' || part === '..' || part.startsWith('-') || !/^[A-Za-z._+\-0-9]+$/.test(part))
      return [invalid(field, s, `unknown time zone ${s}`)];
  }
  if (s.toLowerCase() === 'local') return [invalid(field, s, 'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones')];
  const err = loadLocationError(s);
  return err ? [invalid(field, s, err)] : [];
}

export function validateCronJob(cj: KubeObject): FieldError[] {
  const spec = cj.spec ?? {};
  const errs: FieldError[] = [];
  if (cj.metadata.name && cj.metadata.name.length > MAX_CRONJOB_NAME) errs.push(invalid('metadata.name', cj.metadata.name, `must be no more than ${MAX_CRONJOB_NAME} characters`));
  const schedule = spec.schedule;
  if (!schedule) errs.push(required('spec.schedule', ''));
  else {
    const err = cronScheduleError(schedule);
    if (err) errs.push(invalid('spec.schedule', schedule, err));
    if (String(schedule).includes('TZ')) errs.push(invalid('spec.schedule', schedule, 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'));
  }
  errs.push(...validateTimeZone(spec.timeZone));
  errs.push(...validateNonNegative('spec.startingDeadlineSeconds', spec.startingDeadlineSeconds));
  const cp = spec.concurrencyPolicy;
  if (!cp) errs.push(required('spec.concurrencyPolicy', ''));
  else if (!['Allow', 'Forbid', 'Replace'].includes(cp)) errs.push(notSupported('spec.concurrencyPolicy', cp, ['Allow', 'Forbid', 'Replace']));
  errs.push(...validateNonNegative('spec.successfulJobsHistoryLimit', spec.successfulJobsHistoryLimit));
  errs.push(...validateNonNegative('spec.failedJobsHistoryLimit', spec.failedJobsHistoryLimit));
  const jobSpec = spec.jobTemplate?.spec ?? {};
  if (jobSpec.manualSelector === true) errs.push({ type: 'FieldValueNotSupported', field: 'spec.jobTemplate.spec.manualSelector', value: true, detail: 'supported values: "nil", "false"' });
  errs.push(...validateJobSpec(jobSpec, 'spec.jobTemplate.spec'));
  return errs;
}

/** Upstream: printers.go printCronJob */
export function cronJobRow(cj: KubeObject, now: number): (string | number)[] {
  const spec = cj.spec ?? {};
  const last = cj.status?.lastScheduleTime ? age(cj.status.lastScheduleTime, now) : '<none>';
  const suspend = spec.suspend === undefined || spec.suspend === null ? '<unset>' : spec.suspend ? 'True' : 'False';
  const [names, images] = containersCell(spec.jobTemplate?.spec?.template?.spec);
  return [cj.metadata.name, spec.schedule ?? '', spec.timeZone ?? '<none>', suspend, (cj.status?.active ?? []).length, last, age(cj.metadata.creationTimestamp, now), names, images, formatLabelSelector(spec.jobTemplate?.spec?.selector)];
}

export const cronJobDefinition: ResourceDefinition = {
  group: 'batch',
  versions: [{ version: 'v1', schema: 'io.k8s.api.batch.v1.CronJob' }],
  kind: 'CronJob',
  plural: 'cronjobs',
  singular: 'cronjob',
  shortNames: ['cj'],
  categories: ['all'],
  namespaced: true,
  hasStatus: true,
  tracksGeneration: true,
  prepareForCreate(cj) {
    cj.status = {};
  },
  defaults: defaultCronJob,
  validate: validateCronJob,
  table: {
    columns: [
      NAME_COLUMN,
      col('Schedule', 'string', 'The schedule in Cron format, see https://en.wikipedia.org/wiki/Cron.'),
      col('Timezone', 'string', 'The time zone name for the given schedule, see https://en.wikipedia.org/wiki/List_of_tz_database_time_zones. If not specified, this will default to the time zone of the kube-controller-manager process. The set of valid time zone names and the time zone offset is loaded from the system-wide time zone database by the API server during CronJob validation and the controller manager during execution. If no system-wide time zone database can be found a bundled version of the database is used instead. If the time zone name becomes invalid during the lifetime of a CronJob or due to a change in host configuration, the controller will stop creating new new Jobs and will create a system event with the reason UnknownTimeZone. More information can be found in https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/#time-zones'),
      col('Suspend', 'boolean', 'This flag tells the controller to suspend subsequent executions, it does not apply to already started executions.  Defaults to false.'),
      col('Active', 'integer', 'A list of pointers to currently running jobs.'),
      col('Last Schedule', 'string', 'Information when was the last time the job was successfully scheduled.'),
      AGE_COLUMN,
      col('Containers', 'string', 'Names of each container in the template.', 1),
      col('Images', 'string', 'Images referenced by each container in the template.', 1),
      col('Selector', 'string', 'A label query over pods that should match the pod count. Normally, the system sets this field for you. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors', 1),
    ],
    row: (cj, ctx) => cronJobRow(cj, ctx.now),
  },
};
