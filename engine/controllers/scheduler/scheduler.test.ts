// The scheduling algorithm without a store: filters, the FailedScheduling message, scoring.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../api/object';
import { nodeObject } from '../../topology/bootstrap';
import { courseTopology } from '../../topology/topology';
import { nodeSelectorRequirementMatches, toleratesTaint } from './filters';
import { fitErrorMessage } from './fit-error';
import { ClusterSnapshot } from './node-info';
import { milliValue, podRequests, quantityValue } from './resources';
import { schedulePod } from './schedule-one';
import { nodeAffinityScores, topologySpreadScores } from './scoring';
import { fromLabelSelector } from '../../api/label-selector';

const NOW = Date.UTC(2026, 0, 1);

function cluster(mutate?: (nodes: KubeObject[]) => void): ClusterSnapshot {
  const nodes = courseTopology.nodes.map((n) => nodeObject(courseTopology, n, NOW));
  mutate?.(nodes);
  const s = new ClusterSnapshot();
  for (const n of nodes) s.setNode(n);
  return s;
}

function pod(name: string, spec: Record<string, unknown> = {}, labels: Record<string, string> = {}, ns = 'default'): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: ns, labels, uid: `uid-${name}` },
    spec: { containers: [{ name: 'c', image: 'nginx' }], schedulerName: 'default-scheduler', tolerations: [], ...spec },
    status: { phase: 'Pending' },
  };
}

function bound(p: KubeObject, node: string): KubeObject {
  return { ...p, spec: { ...p.spec, nodeName: node }, status: { phase: 'Running' } };
}

function fail(r: ReturnType<typeof schedulePod>): string {
  assert.ok('message' in r, `expected a failure, got ${JSON.stringify(r)}`);
  return r.message;
}

test('quantities: cpu in millis, memory in bytes, pod requests with init containers', () => {
  assert.equal(milliValue('100m'), 100);
  assert.equal(milliValue('1.5'), 1500);
  assert.equal(quantityValue('128Mi'), 134217728);
  assert.equal(quantityValue('1G'), 1e9);
  const r = podRequests({
    containers: [{ resources: { requests: { cpu: '200m', memory: '128Mi' } } }, { resources: { requests: { cpu: '100m' } } }],
    initContainers: [{ resources: { requests: { cpu: '500m' } } }],
  });
  assert.equal(r.milliCPU, 500);
  assert.equal(r.memory, 134217728);
  assert.equal(podRequests({ containers: [{}] }, true).milliCPU, 100);
});

test('tolerations and node selector operators', () => {
  const taint = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' };
  assert.ok(toleratesTaint({ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }, taint));
  assert.ok(toleratesTaint({ operator: 'Exists' }, taint));
  assert.ok(!toleratesTaint({ key: 'node-role.kubernetes.io/control-plane', operator: 'Equal', value: 'x' }, taint));
  assert.ok(toleratesTaint({ key: 'k', value: 'v' }, { key: 'k', value: 'v', effect: 'NoExecute' }));
  assert.ok(nodeSelectorRequirementMatches({ operator: 'Gt', values: ['5'] }, '6'));
  assert.ok(!nodeSelectorRequirementMatches({ operator: 'Lt', values: ['5'] }, 'abc'));
  assert.ok(nodeSelectorRequirementMatches({ operator: 'NotIn', values: ['a'] }, undefined));
  assert.ok(nodeSelectorRequirementMatches({ operator: 'DoesNotExist' }, undefined));
});

test('a plain pod goes to a worker, never the tainted control plane', () => {
  const s = cluster();
  for (let i = 0; i < 20; i++) {
    const r = schedulePod(pod(`p${i}`), s);
    assert.ok('nodeName' in r && r.nodeName !== 'master');
  }
});

test('FailedScheduling message for a node selector that matches no node (exact upstream text)', () => {
  const msg = fail(schedulePod(pod('x', { nodeSelector: { disktype: 'ssd' } }), cluster()));
  assert.equal(
    msg,
    "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
  );
});

test('required node affinity In, and matchFields metadata.name', () => {
  const s = cluster((nodes) => (nodes[1].metadata.labels!.zone = 'foo'));
  const affinity = (expr: unknown) => ({ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [expr] } } } });
  const r = schedulePod(pod('a', affinity({ matchExpressions: [{ key: 'zone', operator: 'In', values: ['foo'] }] })), s);
  assert.deepEqual(r, { nodeName: 'node1', feasible: 1 });
  const r2 = schedulePod(pod('b', affinity({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node2'] }] })), s);
  assert.equal('nodeName' in r2 && r2.nodeName, 'node2');
  const msg = fail(schedulePod(pod('c', affinity({ matchExpressions: [{ key: 'zone', operator: 'In', values: ['bar'] }] })), s));
  assert.match(msg, /2 node\(s\) didn't match Pod's node affinity\/selector\./);
});

test('cordoned nodes and untolerated taints', () => {
  const s = cluster((nodes) => {
    nodes[1].spec.unschedulable = true;
    nodes[2].spec.taints = [{ key: 'node-type', value: 'production', effect: 'NoSchedule' }];
  });
  const msg = fail(schedulePod(pod('x'), s));
  assert.equal(
    msg,
    '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 1 node(s) had untolerated taint {node-type: production}, 1 node(s) were unschedulable. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
  );
  const r = schedulePod(pod('y', { tolerations: [{ key: 'node-type', operator: 'Equal', value: 'production', effect: 'NoSchedule' }] }), s);
  assert.equal('nodeName' in r && r.nodeName, 'node2');
});

test('insufficient resources: resolvable by preemption in principle, but no victims', () => {
  const s = cluster();
  s.setPod(bound(pod('big1', { containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '1500m' } } }] }), 'node1'));
  s.setPod(bound(pod('big2', { containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '1500m' } } }] }), 'node2'));
  const msg = fail(schedulePod(pod('x', { containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '1', memory: '128Mi' } } }] }), s));
  assert.equal(
    msg,
    '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
  );
  // More than any node has at all: preemption cannot help anywhere.
  const msg2 = fail(schedulePod(pod('y', { containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '4' } } }] }), cluster()));
  assert.match(msg2, /2 Insufficient cpu\. preemption: 0\/3 nodes are available: 3 Preemption is not helpful for scheduling\.$/);
});

test('pod affinity follows the target; anti-affinity avoids it; missing topology key is unschedulable', () => {
  const s = cluster();
  s.setPod(bound(pod('pod-flag', {}, { security: 'S1', app: 'nginx' }), 'node2'));
  const term = (key: string) => [{ labelSelector: { matchExpressions: [{ key: 'security', operator: 'In', values: ['S1'] }] }, topologyKey: key }];
  const r = schedulePod(pod('pod-affinity', { affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: term('kubernetes.io/hostname') } } }), s);
  assert.equal('nodeName' in r && r.nodeName, 'node2');
  const r2 = schedulePod(pod('anti', { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: term('kubernetes.io/hostname') } } }), s);
  assert.equal('nodeName' in r2 && r2.nodeName, 'node1');
  const msg = fail(schedulePod(pod('zone', { affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: term('topology.kubernetes.io/zone') } } }), s));
  assert.equal(
    msg,
    "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match pod affinity rules. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
  );
});

test('existing pods anti-affinity rejects a matching newcomer', () => {
  const s = cluster();
  const anti = { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'web' } }, topologyKey: 'kubernetes.io/hostname' }] } } };
  s.setPod(bound(pod('w1', anti, { app: 'web' }), 'node1'));
  s.setPod(bound(pod('w2', anti, { app: 'web' }), 'node2'));
  const msg = fail(schedulePod(pod('w3', anti, { app: 'web' }), s));
  assert.match(msg, /2 node\(s\) didn't match pod anti-affinity rules\. preemption: 0\/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod\.$/);
  const msg2 = fail(schedulePod(pod('other', {}, { app: 'web' }), s));
  assert.match(msg2, /2 node\(s\) didn't satisfy existing pods anti-affinity rules/);
});

test('host ports conflict', () => {
  const s = cluster();
  const hp = { containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: 80, hostPort: 80, protocol: 'TCP' }] }] };
  s.setPod(bound(pod('a', hp), 'node1'));
  const r = schedulePod(pod('b', hp), s);
  assert.equal('nodeName' in r && r.nodeName, 'node2');
});

test('fit error histogram sorts "count reason" strings', () => {
  const statuses = new Map([
    ['a', { plugin: 'X', code: 'Unschedulable' as const, reasons: ['Insufficient memory', 'Insufficient cpu'] }],
    ['b', { plugin: 'X', code: 'Unschedulable' as const, reasons: ['Insufficient cpu'] }],
  ]);
  assert.equal(fitErrorMessage({ numAllNodes: 2, statuses }), '0/2 nodes are available: 1 Insufficient memory, 2 Insufficient cpu.');
});

test('preferred node affinity weights and spreading of a ReplicaSet', () => {
  const s = cluster((nodes) => {
    nodes[1].metadata.labels!.zone = 'foo';
    nodes[1].metadata.labels!.ssd = 'true';
  });
  const preferred = {
    affinity: {
      nodeAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: [
          { weight: 60, preference: { matchExpressions: [{ key: 'zone', operator: 'In', values: ['foo'] }] } },
          { weight: 30, preference: { matchExpressions: [{ key: 'ssd', operator: 'Exists' }] } },
        ],
      },
    },
  };
  const nodes = s.nodeList().filter((n) => n.name !== 'master');
  assert.deepEqual([...nodeAffinityScores(pod('p', preferred), nodes)], [['node1', 100], ['node2', 0]]);
  // Seed S3 phase 2: all five replicas land on the labelled node despite spreading.
  const selector = fromLabelSelector({ matchLabels: { app: 'myapp' } });
  for (let i = 0; i < 5; i++) {
    const p = pod(`d-${i}`, preferred, { app: 'myapp' });
    const r = schedulePod(p, s, { spreadSelector: selector });
    assert.equal('nodeName' in r && r.nodeName, 'node1');
    s.setPod(bound(p, 'node1'));
  }
  // Without preferences, replicas alternate between the workers.
  const t = cluster();
  const counts: Record<string, number> = {};
  for (let i = 0; i < 6; i++) {
    const p = pod(`rs-${i}`, {}, { app: 'web' });
    const r = schedulePod(p, t, { spreadSelector: fromLabelSelector({ matchLabels: { app: 'web' } }) });
    assert.ok('nodeName' in r);
    counts[r.nodeName] = (counts[r.nodeName] ?? 0) + 1;
    t.setPod(bound(p, r.nodeName));
  }
  assert.deepEqual(counts, { node1: 3, node2: 3 });
  assert.deepEqual([...topologySpreadScores(pod('z'), t.nodeList().slice(1), t, undefined).values()], [0, 0]);
});

test('PreferNoSchedule taint steers pods away but remains a last resort', () => {
  const s = cluster((nodes) => (nodes[1].spec.taints = [{ key: 'node-type', value: 'production', effect: 'PreferNoSchedule' }]));
  for (let i = 0; i < 5; i++) {
    const r = schedulePod(pod(`p${i}`), s);
    assert.equal('nodeName' in r && r.nodeName, 'node2');
  }
  const t = cluster((nodes) => {
    nodes[1].spec.taints = [{ key: 'node-type', value: 'production', effect: 'PreferNoSchedule' }];
    nodes[2].spec.unschedulable = true;
  });
  const r = schedulePod(pod('last'), t);
  assert.equal('nodeName' in r && r.nodeName, 'node1');
});
