import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCustomColumns, printCustomColumns, relaxedJsonPath } from './custom-columns';

test('relaxed JSONPath forms', () => {
  assert.equal(relaxedJsonPath('.metadata.name'), '{.metadata.name}');
  assert.equal(relaxedJsonPath('metadata.name'), '{.metadata.name}');
  assert.equal(relaxedJsonPath('{metadata.name}'), '{.metadata.name}');
  assert.equal(relaxedJsonPath('{.metadata.name}'), '{.metadata.name}');
});

test('cells use %v, <none> when missing, comma-joined results', () => {
  const pod = {
    metadata: { name: 'web', labels: { app: 'web' } },
    spec: { containers: [{ name: 'a', image: 'nginx' }, { name: 'b', image: 'busybox' }] },
  };
  const cols = parseCustomColumns('NAME:.metadata.name,IMAGES:.spec.containers[*].image,LABELS:.metadata.labels,X:.nope');
  assert.equal(
    printCustomColumns([pod], cols, false),
    'NAME   IMAGES          LABELS         X\nweb    nginx,busybox   map[app:web]   <none>\n',
  );
});
