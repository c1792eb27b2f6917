import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cannotBeHandledMessage, decodeStrict, decodeStrictJSON, pruneUnknown } from './schema-decode';

const DEPLOYMENT = 'io.k8s.api.apps.v1.Deployment';

function deployment(): Record<string, any> {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default', labels: { app: 'web' }, annotations: { a: 'b' }, creationTimestamp: '2025-01-02T03:04:05Z' },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['a'] }] },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 1 } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: {
          terminationGracePeriodSeconds: 30,
          containers: [{
            name: 'nginx',
            image: 'nginx:1.27',
            ports: [{ containerPort: 80, protocol: 'TCP' }],
            env: [{ name: 'A', value: '1' }],
            resources: { limits: { cpu: '500m', memory: '128Mi' }, requests: { cpu: 0.25 } },
            readinessProbe: { httpGet: { path: '/', port: 'http' }, periodSeconds: 5 },
          }],
        },
      },
    },
    status: { replicas: 3, observedGeneration: 2, conditions: [{ type: 'Available', status: 'True', lastUpdateTime: '2025-01-02T03:04:05Z' }] },
  };
}

const withSpec = (mutate: (spec: any) => void) => {
  const d = deployment();
  mutate(d.spec);
  return d;
};

test('a valid object passes unchanged', () => {
  const d = deployment();
  const r = decodeStrict(DEPLOYMENT, d, 'Strict');
  assert.deepEqual(r.errors, []);
  assert.deepEqual(r.warnings, []);
  assert.deepEqual(r.object, deployment());
});

test('unknown fields at the top, nested, and inside array items', () => {
  const d = withSpec((s) => {
    s.foo = 1;
    s.template.spec.containers[0].imagePullPolcy = 'Always';
  });
  d.extra = true;
  const r = decodeStrict(DEPLOYMENT, d, 'Strict');
  assert.deepEqual(r.errors, [
    'strict decoding error: unknown field "spec.template.spec.containers[0].imagePullPolcy", unknown field "spec.foo", unknown field "extra"',
  ]);
  assert.equal(
    cannotBeHandledMessage('Deployment', 'v1', 'Deployment', r.errors[0]),
    'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.template.spec.containers[0].imagePullPolcy", unknown field "spec.foo", unknown field "extra"',
  );
});

test('field names are case-sensitive; metadata and status are checked too', () => {
  const d = deployment();
  d.metadata.Labels = {};
  d.status.bogus = 1;
  d.spec.Replicas = 2;
  assert.deepEqual(decodeStrict(DEPLOYMENT, d).strictErrors, ['unknown field "metadata.Labels"', 'unknown field "spec.Replicas"', 'unknown field "status.bogus"']);
});

test('Warn returns the strict errors as warnings; Ignore drops unknown fields silently', () => {
  const d = withSpec((s) => (s.foo = 1));
  const warn = decodeStrict(DEPLOYMENT, d, 'Warn');
  assert.deepEqual(warn.errors, []);
  assert.deepEqual(warn.warnings, ['unknown field "spec.foo"']);
  assert.deepEqual(warn.object, deployment());
  const ignore = decodeStrict(DEPLOYMENT, d, 'Ignore');
  assert.deepEqual([ignore.errors, ignore.warnings], [[], []]);
  assert.deepEqual(ignore.object, deployment());
  assert.deepEqual(pruneUnknown(DEPLOYMENT, d), deployment());
  assert.equal((d.spec as any).foo, 1, 'the input is not modified');
});

test('duplicate fields in the JSON body', () => {
  const r = decodeStrictJSON(DEPLOYMENT, '{"apiVersion":"apps/v1","kind":"Deployment","spec":{"replicas":1,"paused":false,"replicas":2},"metadata":{"name":"a","name":"b"}}');
  assert.deepEqual(r.errors, ['strict decoding error: duplicate field "spec.replicas", duplicate field "metadata.name"']);
  assert.deepEqual(r.object, { apiVersion: 'apps/v1', kind: 'Deployment', spec: { replicas: 2, paused: false }, metadata: { name: 'b' } });
});

test('wrong types give Go encoding/json errors (the first one wins, over strict errors)', () => {
  const cases: [(s: any) => void, string][] = [
    [(s) => (s.replicas = '3'), 'json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32'],
    [(s) => (s.replicas = 1.5), 'json: cannot unmarshal number 1.5 into Go struct field DeploymentSpec.spec.replicas of type int32'],
    [(s) => (s.replicas = 3000000000), 'json: cannot unmarshal number 3000000000 into Go struct field DeploymentSpec.spec.replicas of type int32'],
    [(s) => (s.paused = 'yes'), 'json: cannot unmarshal string into Go struct field DeploymentSpec.spec.paused of type bool'],
    [(s) => (s.template.spec.containers[0].image = 1), 'json: cannot unmarshal number into Go struct field Container.spec.template.spec.containers.image of type string'],
    [(s) => (s.template.spec.containers[0].env[0].value = true), 'json: cannot unmarshal bool into Go struct field EnvVar.spec.template.spec.containers.env.value of type string'],
    [(s) => (s.template = []), 'json: cannot unmarshal array into Go struct field DeploymentSpec.spec.template of type v1.PodTemplateSpec'],
    [(s) => (s.template.spec.containers = { name: 'x' }), 'json: cannot unmarshal object into Go struct field PodSpec.spec.template.spec.containers of type []v1.Container'],
    [(s) => (s.selector.matchLabels = ['a']), 'json: cannot unmarshal array into Go struct field LabelSelector.spec.selector.matchLabels of type map[string]string'],
    [(s) => (s.selector.matchLabels.app = 1), 'json: cannot unmarshal number into Go struct field LabelSelector.spec.selector.matchLabels of type string'],
    [(s) => (s.template.spec.terminationGracePeriodSeconds = '30'), 'json: cannot unmarshal string into Go struct field PodSpec.spec.template.spec.terminationGracePeriodSeconds of type int64'],
    [(s) => (s.template.spec.containers[0].imagePullPolicy = 1), 'json: cannot unmarshal number into Go struct field Container.spec.template.spec.containers.imagePullPolicy of type v1.PullPolicy'],
    [(s) => (s.template.spec.containers[0].resources.limits = 'x'), 'json: cannot unmarshal string into Go struct field ResourceRequirements.spec.template.spec.containers.resources.limits of type v1.ResourceList'],
    [(s) => (s.template.spec.containers[0].args = 'sleep 1'), 'json: cannot unmarshal string into Go struct field Container.spec.template.spec.containers.args of type []string'],
  ];
  for (const [mutate, want] of cases) {
    const d = withSpec((s) => {
      s.zzz = 1; // a strict error too: the type error is reported instead
      mutate(s);
    });
    assert.deepEqual(decodeStrict(DEPLOYMENT, d, 'Strict').errors, [want]);
    assert.deepEqual(decodeStrict(DEPLOYMENT, d, 'Ignore').errors, [want], 'type errors fail in every mode');
  }
  const first = withSpec((s) => {
    s.paused = 'x';
    s.replicas = 'y';
  });
  assert.match(decodeStrict(DEPLOYMENT, first).errors[0], /spec\.replicas/, 'document order: replicas comes first');
  assert.equal(decodeStrict(DEPLOYMENT, []).errors[0], 'json: cannot unmarshal array into Go value of type v1.Deployment');
});

test('IntOrString, Quantity and Time have their own decoders and messages', () => {
  const maxSurge = (v: unknown) => decodeStrict(DEPLOYMENT, withSpec((s) => (s.strategy.rollingUpdate.maxSurge = v))).errors;
  assert.deepEqual(maxSurge(2), []);
  assert.deepEqual(maxSurge('30%'), []);
  assert.deepEqual(maxSurge(true), ['json: cannot unmarshal bool into Go struct field RollingUpdateDeployment.spec.strategy.rollingUpdate.maxSurge of type int32']);
  assert.deepEqual(maxSurge(1.5), ['json: cannot unmarshal number 1.5 into Go struct field RollingUpdateDeployment.spec.strategy.rollingUpdate.maxSurge of type int32']);
  const cpu = (v: unknown) => decodeStrict(DEPLOYMENT, withSpec((s) => (s.template.spec.containers[0].resources.limits.cpu = v))).errors;
  assert.deepEqual(cpu('2'), []);
  assert.deepEqual(cpu(0.5), []);
  assert.deepEqual(cpu('1.5Gi'), []);
  assert.deepEqual(cpu('1e3'), []);
  assert.deepEqual(cpu('abc'), ["quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"]);
  assert.deepEqual(cpu('1Gb'), ["quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"]);
  assert.deepEqual(cpu('1MM'), ["unable to parse quantity's suffix"]);
  const created = (v: unknown) => {
    const d = deployment();
    d.metadata.creationTimestamp = v;
    return decodeStrict(DEPLOYMENT, d).errors;
  };
  assert.deepEqual(created(null), []);
  assert.deepEqual(created('2025-01-02T03:04:05+08:00'), []);
  assert.deepEqual(created('yesterday'), ['parsing time "yesterday" as "2006-01-02T15:04:05Z07:00": cannot parse "yesterday" as "2006"']);
  assert.deepEqual(created(5), ['json: cannot unmarshal number into Go struct field ObjectMeta.metadata.creationTimestamp of type string']);
});

test('null fields are dropped, as decoding into Go leaves them unset', () => {
  const d = deployment();
  d.metadata.creationTimestamp = null;
  d.spec.strategy = null;
  const r = decodeStrict(DEPLOYMENT, d);
  assert.deepEqual(r.errors, []);
  const o = r.object as any;
  assert.equal('creationTimestamp' in o.metadata, false);
  assert.equal('strategy' in o.spec, false);
});

test('Secret data must be base64; opaque fields accept anything', () => {
  assert.deepEqual(decodeStrict('io.k8s.api.core.v1.Secret', { data: { a: 'aGVsbG8=' } }).errors, []);
  assert.deepEqual(decodeStrict('io.k8s.api.core.v1.Secret', { data: { a: 'hello!' } }).errors, ['illegal base64 data at input byte 5']);
  const rev = { apiVersion: 'apps/v1', kind: 'ControllerRevision', revision: 1, data: { anything: { goes: [1] } } };
  assert.deepEqual(decodeStrict('io.k8s.api.apps.v1.ControllerRevision', rev).errors, []);
  const managed = { metadata: { managedFields: [{ manager: 'kubectl', fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:replicas': {} } } }] } };
  assert.deepEqual(decodeStrict(DEPLOYMENT, managed).errors, []);
});

test('an unknown schema name is a programming error', () => {
  assert.throws(() => decodeStrict('io.k8s.api.apps.v1.Nope', {}), /no schema named io\.k8s\.api\.apps\.v1\.Nope/);
});
