import { test } from 'node:test';
import assert from 'node:assert/strict';
import { knownPatchSchema } from './known-patch-schema';
import type { PatchSchema } from './patch-schema';

function walk(kind: string, path: string): PatchSchema {
  let node = knownPatchSchema(kind);
  for (const step of path.split('.')) node = step === '[]' ? node.items() : node.field(step);
  return node;
}

const podSpec = 'spec.template.spec';
const cases: [string, string, string | undefined, string | undefined][] = [
  ['Deployment', `${podSpec}.containers`, 'merge', 'name'],
  ['Deployment', `${podSpec}.initContainers`, 'merge', 'name'],
  ['Deployment', `${podSpec}.volumes`, 'merge,retainKeys', 'name'],
  ['Deployment', `${podSpec}.imagePullSecrets`, 'merge', 'name'],
  ['Deployment', `${podSpec}.containers.[].env`, 'merge', 'name'],
  ['Deployment', `${podSpec}.containers.[].volumeMounts`, 'merge', 'mountPath'],
  ['Deployment', `${podSpec}.containers.[].ports`, 'merge', 'containerPort'],
  ['Deployment', `${podSpec}.containers.[].args`, undefined, undefined],
  ['Deployment', `${podSpec}.tolerations`, undefined, undefined],
  ['Deployment', `${podSpec}.hostAliases`, 'merge', 'ip'],
  ['Deployment', `${podSpec}.topologySpreadConstraints`, 'merge', 'topologyKey'],
  ['Deployment', 'spec.strategy', 'retainKeys', undefined],
  ['Deployment', 'spec.selector.matchExpressions', undefined, undefined],
  ['Deployment', 'status.conditions', 'merge', 'type'],
  ['Pod', 'spec.containers.[].env', 'merge', 'name'],
  ['Pod', 'spec.ephemeralContainers', 'merge', 'name'],
  ['Pod', 'status.conditions', 'merge', 'type'],
  ['Pod', 'metadata.ownerReferences', 'merge', 'uid'],
  ['Pod', 'metadata.finalizers', 'merge', undefined],
  ['CronJob', 'spec.jobTemplate.spec.template.spec.containers', 'merge', 'name'],
  ['Job', 'spec.template.spec.containers.[].volumeMounts', 'merge', 'mountPath'],
  ['StatefulSet', `${podSpec}.containers`, 'merge', 'name'],
  ['DaemonSet', `${podSpec}.volumes`, 'merge,retainKeys', 'name'],
  ['Service', 'spec.ports', 'merge', 'port'],
  ['Node', 'spec.taints', undefined, undefined],
  ['Node', 'status.addresses', 'merge', 'type'],
  ['ServiceAccount', 'secrets', 'merge', 'name'],
  ['ConfigMap', 'metadata.finalizers', 'merge', undefined],
  ['Widget', 'status.conditions', 'merge', 'type'],
];

for (const [kind, path, strategy, key] of cases) {
  test(`knownPatchSchema(${kind}) ${path}`, () => {
    const node = walk(kind, path);
    assert.equal(node.patchStrategy, strategy);
    assert.equal(node.patchMergeKey, key);
  });
}
