import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../api/object';
import { jobDefinition, jobRow } from './job';
import { fakeContext, messages, minutesAgo, NOW, obj } from './testing/registry-fixtures';

const podTemplate = (restartPolicy?: string) => ({ spec: { ...(restartPolicy ? { restartPolicy } : {}), containers: [{ name: 'pi', image: 'perl' }] } });

function create(job: KubeObject): string[] {
  const ctx = fakeContext();
  jobDefinition.prepareForCreate!(job, ctx);
  jobDefinition.defaults!(job, ctx);
  return messages(jobDefinition.validate!(job, ctx));
}

test('create: generated selector and pod labels, defaults, labels copied to the job', () => {
  const job = obj('Job', 'pi', { spec: { template: podTemplate('Never') } });
  assert.deepEqual(create(job), []);
  const uid = job.metadata.uid;
  assert.deepEqual(job.spec.selector, { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } });
  assert.deepEqual(job.spec.template.metadata.labels, { 'job-name': 'pi', 'batch.kubernetes.io/job-name': 'pi', 'controller-uid': uid, 'batch.kubernetes.io/controller-uid': uid });
  assert.deepEqual(job.metadata.labels, job.spec.template.metadata.labels);
  const { completions, parallelism, backoffLimit, completionMode, suspend, podReplacementPolicy } = job.spec;
  assert.deepEqual({ completions, parallelism, backoffLimit, completionMode, suspend, podReplacementPolicy }, {
    completions: 1, parallelism: 1, backoffLimit: 6, completionMode: 'NonIndexed', suspend: false, podReplacementPolicy: 'TerminatingOrFailed',
  });
  const par = obj('Job', 'par', { spec: { parallelism: 3, template: podTemplate('OnFailure') } });
  assert.deepEqual(create(par), []);
  assert.equal(par.spec.completions, undefined);
  const own = obj('Job', 'own', { metadata: { name: 'own', labels: { team: 'a' } }, spec: { template: podTemplate('Never') } });
  create(own);
  assert.deepEqual(own.metadata.labels, { team: 'a' });
});

test('validation: restartPolicy, manual selector, negative counts, selector not auto-generated', () => {
  assert.deepEqual(create(obj('Job', 'a', { spec: { template: podTemplate() } })), ['spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"']);
  assert.deepEqual(create(obj('Job', 'b', { spec: { template: podTemplate('Always') } })), ['spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"']);
  assert.deepEqual(create(obj('Job', 'c', { spec: { manualSelector: true, template: podTemplate('Never') } })), ['spec.selector: Required value']);
  assert.deepEqual(create(obj('Job', 'd', { spec: { backoffLimit: -1, template: podTemplate('Never') } })), ['spec.backoffLimit: Invalid value: -1: must be greater than or equal to 0']);
  const e = obj('Job', 'e', { spec: { selector: { matchLabels: { app: 'x' } }, template: { metadata: { labels: { app: 'x' } }, ...podTemplate('Never') } } });
  const errs = create(e);
  assert.equal(errs.length, 1);
  assert.match(errs[0], /^spec\.selector: Invalid value: v1\.LabelSelector\{MatchLabels:map\[string\]string\{"app":"x", "batch\.kubernetes\.io\/controller-uid":"uid-e"\}, MatchExpressions:\[\]v1\.LabelSelectorRequirement\(nil\)\}: `selector` not auto-generated$/);
  assert.deepEqual(create(obj('Job', 'f', { spec: { completionMode: 'Indexed', parallelism: 2, template: podTemplate('Never') } })), ['spec.completions: Required value: when completion mode is Indexed']);
});

test('update: the pod template of a started job is immutable', () => {
  const ctx = fakeContext();
  const old = obj('Job', 'pi', { spec: { template: podTemplate('Never') } });
  create(old);
  const next = structuredClone(old);
  next.spec.template.spec.containers[0].image = 'perl:5';
  assert.deepEqual(messages(jobDefinition.validateUpdate!(next, old, ctx)), ['spec.template: Invalid value: core.PodTemplateSpec{...}: field is immutable']);
  const suspended = structuredClone(old);
  suspended.spec.suspend = true;
  const edited = structuredClone(suspended);
  edited.spec.template.spec.containers[0].image = 'perl:5';
  assert.deepEqual(messages(jobDefinition.validateUpdate!(edited, suspended, ctx)), []);
});

test('table rows: STATUS, COMPLETIONS and DURATION', () => {
  const job = (spec: Record<string, unknown>, status: Record<string, unknown>, meta: Record<string, unknown> = {}) =>
    ({ ...obj('Job', 'pi', { spec: { template: podTemplate('Never'), selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': 'u1' } }, ...spec }, status }), metadata: { name: 'pi', creationTimestamp: minutesAgo(5), ...meta } }) as KubeObject;
  assert.deepEqual(jobRow(job({ completions: 1, parallelism: 1 }, {}), NOW), ['pi', 'Running', '0/1', '', '5m', 'pi', 'perl', 'batch.kubernetes.io/controller-uid=u1']);
  assert.deepEqual(jobRow(job({ completions: 1 }, { startTime: minutesAgo(2) }), NOW).slice(1, 4), ['Running', '0/1', '2m']);
  const done = job({ completions: 3 }, { startTime: minutesAgo(4), completionTime: minutesAgo(3), succeeded: 3, conditions: [{ type: 'SuccessCriteriaMet', status: 'True' }, { type: 'Complete', status: 'True' }] });
  assert.deepEqual(jobRow(done, NOW).slice(1, 4), ['Complete', '3/3', '60s']);
  assert.equal(jobRow(job({ parallelism: 3 }, { succeeded: 1 }), NOW)[2], '1/1 of 3');
  assert.equal(jobRow(job({ parallelism: 1 }, {}), NOW)[2], '0/1');
  assert.equal(jobRow(job({}, { conditions: [{ type: 'FailureTarget', status: 'True' }, { type: 'Failed', status: 'True' }] }), NOW)[1], 'Failed');
  assert.equal(jobRow(job({}, { conditions: [{ type: 'FailureTarget', status: 'True' }] }), NOW)[1], 'FailureTarget');
  assert.equal(jobRow(job({}, { conditions: [{ type: 'Suspended', status: 'True' }] }), NOW)[1], 'Suspended');
  assert.equal(jobRow(job({}, { conditions: [{ type: 'Complete', status: 'False' }] }, { deletionTimestamp: minutesAgo(0) }), NOW)[1], 'Terminating');
});

test('field selector status.successful', () => {
  assert.equal(jobDefinition.fieldSelectors!['status.successful'](obj('Job', 'x', { status: { succeeded: 2 } })), '2');
  assert.equal(jobDefinition.fieldSelectors!['status.successful'](obj('Job', 'x', { status: {} })), '0');
});
