import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../api/object';
import { cronJobDefinition, cronJobRow, defaultCronJob, validateCronJob } from './cronjob';
import { messages, minutesAgo, NOW, obj } from './testing/registry-fixtures';

const jobTemplate = (restartPolicy = 'OnFailure') => ({ spec: { template: { spec: { restartPolicy, containers: [{ name: 'hello', image: 'busybox' }] } } } });
const cj = (spec: Record<string, unknown>, status?: unknown): KubeObject => obj('CronJob', 'hello', { spec, ...(status ? { status } : {}) });

test('defaults: Allow, not suspended, history 3/1, template metadata', () => {
  const c = cj({ schedule: '*/1 * * * *', jobTemplate: jobTemplate() });
  defaultCronJob(c);
  assert.deepEqual([c.spec.concurrencyPolicy, c.spec.suspend, c.spec.successfulJobsHistoryLimit, c.spec.failedJobsHistoryLimit], ['Allow', false, 3, 1]);
  assert.equal(c.spec.jobTemplate.metadata.creationTimestamp, null);
  assert.equal(c.spec.jobTemplate.spec.template.spec.dnsPolicy, 'ClusterFirst');
  assert.equal(c.spec.jobTemplate.spec.backoffLimit, undefined);
});

test('validation: schedule, time zone, concurrency policy, restartPolicy, name length', () => {
  const v = (spec: Record<string, unknown>, name = 'hello') => {
    const c = cj(spec);
    c.metadata.name = name;
    defaultCronJob(c);
    return messages(validateCronJob(c));
  };
  assert.deepEqual(v({ schedule: '*/1 * * * *', jobTemplate: jobTemplate() }), []);
  assert.deepEqual(v({ jobTemplate: jobTemplate() }), ['spec.schedule: Required value']);
  assert.deepEqual(v({ schedule: '* * * *', jobTemplate: jobTemplate() }), ['spec.schedule: Invalid value: "* * * *": expected exactly 5 fields, found 4: [* * * *]']);
  assert.deepEqual(v({ schedule: '61 * * * *', jobTemplate: jobTemplate() }), ['spec.schedule: Invalid value: "61 * * * *": end of range (61) above maximum (59): 61']);
  assert.deepEqual(v({ schedule: 'TZ=UTC 0 * * * *', jobTemplate: jobTemplate() }), ['spec.schedule: Invalid value: "TZ=UTC 0 * * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead']);
  assert.deepEqual(v({ schedule: '0 * * * *', timeZone: 'Mars/Olympus', jobTemplate: jobTemplate() }), ['spec.timeZone: Invalid value: "Mars/Olympus": unknown time zone Mars/Olympus']);
  assert.deepEqual(v({ schedule: '0 * * * *', timeZone: 'Asia/Shanghai', jobTemplate: jobTemplate() }), []);
  assert.deepEqual(v({ schedule: '0 * * * *', concurrencyPolicy: 'Never', jobTemplate: jobTemplate() }), ['spec.concurrencyPolicy: Unsupported value: "Never": supported values: "Allow", "Forbid", "Replace"']);
  assert.deepEqual(v({ schedule: '0 * * * *', jobTemplate: jobTemplate('Always') }), ['spec.jobTemplate.spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"']);
  const long = 'a'.repeat(53);
  assert.deepEqual(v({ schedule: '0 * * * *', jobTemplate: jobTemplate() }, long), [`metadata.name: Invalid value: "${long}": must be no more than 52 characters`]);
});

test('table rows: TIMEZONE, SUSPEND, ACTIVE, LAST SCHEDULE', () => {
  const c = cj({ schedule: '*/1 * * * *', suspend: false, jobTemplate: jobTemplate() });
  assert.deepEqual(cronJobRow(c, NOW), ['hello', '*/1 * * * *', '<none>', 'False', 0, '<none>', '5m', 'hello', 'busybox', '<none>']);
  const active = cj({ schedule: '0 8 * * *', timeZone: 'Asia/Shanghai', suspend: true, jobTemplate: jobTemplate() }, { active: [{ name: 'hello-1' }], lastScheduleTime: minutesAgo(1) });
  assert.deepEqual(cronJobRow(active, NOW).slice(1, 6), ['0 8 * * *', 'Asia/Shanghai', 'True', 1, '60s']);
  assert.equal(cronJobRow(cj({ schedule: '@hourly' }), NOW)[3], '<unset>');
  assert.equal(cronJobDefinition.table!.columns[3].type, 'boolean');
});
