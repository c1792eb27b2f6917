import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeKubernetesProtobuf, decodeMessage, isKubernetesProtobuf, ProtobufDecodeError } from './decode';
import { cat, entry, envelope, int, len, str, varintBytes } from './testing/wire-writer';

/** ObjectMeta{name, namespace, creationTimestamp: zero} as Go writes it: the zero Time is an empty message. */
const meta = (name: string, namespace = '') => len(1, str(1, name), str(3, namespace), len(8));

describe('the envelope', () => {
  test('recognises the k8s\\0 prefix', () => {
    assert.equal(isKubernetesProtobuf(Buffer.from('k8s\0xyz')), true);
    assert.equal(isKubernetesProtobuf(Buffer.from('{"kind":"ConfigMap"}')), false);
    assert.equal(isKubernetesProtobuf(Buffer.from('k8s')), false);
  });

  test('a ConfigMap, with kind and apiVersion first as encoding/json writes TypeMeta', () => {
    const raw = cat(meta('x', 'default'), entry(2, 'a', str(2, '1')), entry(2, 'b', str(2, 'two')));
    const obj = decodeKubernetesProtobuf(envelope('v1', 'ConfigMap', raw));
    assert.equal(JSON.stringify(obj), JSON.stringify({ kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: 'x', namespace: 'default', creationTimestamp: null }, data: { a: '1', b: 'two' } }));
  });

  test('an unknown kind is reported as such (the server answers 415)', () => {
    assert.throws(
      () => decodeKubernetesProtobuf(envelope('example.com/v1', 'Widget', new Uint8Array())),
      (e: unknown) => e instanceof ProtobufDecodeError && e.unknownKind && /example.com\/v1, Kind=Widget/.test(e.message),
    );
  });

  test('a gzip content encoding is not something we read', () => {
    assert.throws(() => decodeKubernetesProtobuf(envelope('v1', 'ConfigMap', new Uint8Array(), str(3, 'gzip'))), (e: unknown) => e instanceof ProtobufDecodeError && e.unknownKind);
  });

  test('malformed bytes are a decode error, not a crash', () => {
    const truncated = envelope('v1', 'ConfigMap', cat(len(1, str(1, 'x')))).subarray(0, -2);
    assert.throws(() => decodeKubernetesProtobuf(truncated), (e: unknown) => e instanceof ProtobufDecodeError && !e.unknownKind && /malformed/.test(e.message));
  });

  test('DeleteOptions under any group version is meta/v1 DeleteOptions', () => {
    assert.deepEqual(decodeKubernetesProtobuf(envelope('v1', 'DeleteOptions', cat(int(1, 0), str(4, 'Foreground')))), {
      kind: 'DeleteOptions',
      apiVersion: 'v1',
      gracePeriodSeconds: 0,
      propagationPolicy: 'Foreground',
    });
  });

  test('group names map to their k8s.io/api package', () => {
    const raw = cat(meta('r'), len(2, str(1, 'get'), str(1, 'list'), str(3, 'pods')));
    assert.deepEqual(decodeKubernetesProtobuf(envelope('rbac.authorization.k8s.io/v1', 'Role', raw)), {
      kind: 'Role',
      apiVersion: 'rbac.authorization.k8s.io/v1',
      metadata: { name: 'r', creationTimestamp: null },
      rules: [{ verbs: ['get', 'list'], resources: ['pods'] }],
    });
  });
});

describe('Go JSON semantics', () => {
  test('a zero non-pointer scalar with omitempty is dropped; without omitempty it stays', () => {
    // ServicePort{name "", protocol "", port 0, targetPort {}, nodePort 0}: generated Marshal writes all of them.
    const port = cat(str(1, ''), str(2, ''), int(3, 0), len(4, int(1, 0), int(2, 0), str(3, '')), int(5, 0));
    assert.equal(JSON.stringify(decodeMessage('core/v1.ServicePort', port)), '{"port":0,"targetPort":0}');
  });

  test('a zero behind a Go pointer was set on purpose and stays (replicas: 0)', () => {
    const spec = cat(int(1, 0), len(3), len(4), int(5, 0), int(7, false));
    assert.deepEqual(decodeMessage('apps/v1.DeploymentSpec', spec), { replicas: 0, template: {}, strategy: {} });
  });

  test('negative int32 and int64', () => {
    assert.deepEqual(decodeMessage('meta/v1.DeleteOptions', int(1, -1)), { gracePeriodSeconds: -1 });
    assert.deepEqual(decodeMessage('core/v1.ContainerPort', cat(int(3, 8080), int(2, -5))), { hostPort: -5, containerPort: 8080 });
  });

  test('an inlined struct joins its parent (configMapKeyRef.name)', () => {
    const ref = len(3, len(1, str(1, 'settings')), str(2, 'color'), int(3, true));
    assert.deepEqual(decodeMessage('core/v1.EnvVar', cat(str(1, 'COLOR'), len(3, ref))), {
      name: 'COLOR',
      valueFrom: { configMapKeyRef: { name: 'settings', key: 'color', optional: true } },
    });
  });

  test('bytes are base64, as Secret.data travels in JSON', () => {
    const raw = cat(meta('s'), entry(2, 'k', len(2, Uint8Array.of(0xff, 0x00, 0x76))), str(3, 'Opaque'));
    assert.deepEqual(decodeKubernetesProtobuf(envelope('v1', 'Secret', raw)), {
      kind: 'Secret',
      apiVersion: 'v1',
      metadata: { name: 's', creationTimestamp: null },
      data: { k: Buffer.from([0xff, 0x00, 0x76]).toString('base64') },
      type: 'Opaque',
    });
  });

  test('IntOrString, Quantity maps and pointers to specials', () => {
    const rolling = cat(len(1, int(1, 1), str(3, '25%')), len(2, int(1, 0), int(2, 2)));
    assert.deepEqual(decodeMessage('apps/v1.RollingUpdateDeployment', rolling), { maxUnavailable: '25%', maxSurge: 2 });
    const resources = cat(entry(1, 'cpu', len(2, str(1, '500m'))), entry(2, 'memory', len(2, str(1, '64Mi'))));
    assert.deepEqual(decodeMessage('core/v1.ResourceRequirements', resources), { limits: { cpu: '500m' }, requests: { memory: '64Mi' } });
  });

  test('Time: whole seconds in RFC 3339, the zero Time as null; MicroTime keeps microseconds', () => {
    const m = decodeMessage('meta/v1.ObjectMeta', cat(str(1, 'x'), len(8, int(1, 1_704_164_645), int(2, 999)), len(9, int(1, 1_704_164_700))));
    assert.deepEqual(m, { name: 'x', creationTimestamp: '2024-01-02T03:04:05Z', deletionTimestamp: '2024-01-02T03:05:00Z' });
    const lease = decodeMessage('coordination/v1.LeaseSpec', cat(str(1, 'me'), len(3, int(1, 1_704_164_645), int(2, 123_456_000))));
    assert.deepEqual(lease, { holderIdentity: 'me', acquireTime: '2024-01-02T03:04:05.123456Z' });
  });

  test('RawExtension carries JSON', () => {
    const rev = cat(meta('r1'), len(2, str(1, '{"spec":{"a":1}}')), int(3, 2));
    assert.deepEqual(decodeMessage('apps/v1.ControllerRevision', rev), { metadata: { name: 'r1', creationTimestamp: null }, data: { spec: { a: 1 } }, revision: 2 });
  });

  test('a slice-valued map wraps each value in {repeated items = 1}', () => {
    const user = cat(str(1, 'alice'), str(3, 'devs'), entry(4, 'scopes', len(2, str(1, 'a'), str(1, 'b'))));
    assert.deepEqual(decodeMessage('authentication/v1.UserInfo', user), { username: 'alice', groups: ['devs'], extra: { scopes: ['a', 'b'] } });
  });

  test('repeated numbers, unpacked as Go writes them or packed', () => {
    const unpacked = cat(str(2, 'In'), int(3, 1), int(3, 42));
    const packed = cat(str(2, 'In'), len(3, varintBytes(1), varintBytes(42)));
    for (const bytes of [unpacked, packed]) {
      assert.deepEqual(decodeMessage('batch/v1.PodFailurePolicyOnExitCodesRequirement', bytes), { operator: 'In', values: [1, 42] });
    }
  });

  test('keys come in Go struct order, not field-number order', () => {
    // Container: envFrom (19) is declared before env (7); resources (8) after both.
    const c = cat(str(1, 'app'), len(7, str(1, 'A'), str(2, '1')), len(8), len(19, str(1, 'P_')));
    assert.deepEqual(Object.keys(decodeMessage('core/v1.Container', c) as object), ['name', 'envFrom', 'env', 'resources']);
  });

  test('a message sent in several pieces merges, as protobuf does', () => {
    const spec = cat(len(3, str(1, 'a')), len(3, str(2, 'b')));
    assert.deepEqual(decodeMessage('rbac/v1.RoleBinding', spec), { roleRef: { apiGroup: 'a', kind: 'b' } });
  });
});

test('a map key __proto__ is an ordinary key, as in JSON.parse', () => {
  const obj = decodeMessage('core/v1.ConfigMap', entry(2, '__proto__', str(2, 'x'))) as { data: object };
  assert.deepEqual(obj.data, JSON.parse('{"__proto__":"x"}'));
  assert.equal(Object.getPrototypeOf(obj.data), Object.prototype);
});

describe('unknown and mismatched fields', () => {
  test('are skipped and reported', () => {
    const seen: string[] = [];
    const raw = cat(meta('x'), str(99, 'from the future'), int(2, 7), entry(2, 'a', str(2, '1')));
    const obj = decodeKubernetesProtobuf(envelope('v1', 'ConfigMap', raw), { onUnknownField: (m, n) => seen.push(`${m}#${n}`) });
    assert.deepEqual(obj, { kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: 'x', creationTimestamp: null }, data: { a: '1' } });
    assert.deepEqual(seen, ['core/v1.ConfigMap#99', 'core/v1.ConfigMap#2']);
  });
});
