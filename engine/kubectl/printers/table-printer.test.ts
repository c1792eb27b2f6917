import { test } from 'node:test';
import assert from 'node:assert/strict';
import { printTable, type Table } from './table-printer';

const deployments: Table = {
  columnDefinitions: [
    { name: 'Name', type: 'string', format: 'name' },
    { name: 'Ready', type: 'string' },
    { name: 'Up-to-date', type: 'string' },
    { name: 'Available', type: 'string' },
    { name: 'Age', type: 'string' },
    { name: 'Containers', type: 'string', priority: 1 },
  ],
  rows: [
    { cells: ['nginx', '3/3', 3, 3, '2m30s', 'nginx'], object: { metadata: { namespace: 'default', labels: { app: 'nginx', tier: 'web' } } } },
  ],
};

test('headers upper-cased, wide columns hidden', () => {
  assert.equal(printTable(deployments), 'NAME    READY   UP-TO-DATE   AVAILABLE   AGE\nnginx   3/3     3            3           2m30s\n');
});

test('-o wide, -A, --show-labels, -L, kind prefix', () => {
  assert.equal(
    printTable(deployments, { wide: true, withNamespace: true, showLabels: true, columnLabels: ['app.kubernetes.io/app', 'tier'], withKind: true, kind: 'deployment.apps' }),
    'NAMESPACE   NAME                    READY   UP-TO-DATE   AVAILABLE   AGE     CONTAINERS   APP   TIER   LABELS\n' +
      'default     deployment.apps/nginx   3/3     3            3           2m30s   nginx              web    app=nginx,tier=web\n',
  );
});

test('no rows prints nothing; --no-headers prints rows only; multi-line cells are cut', () => {
  assert.equal(printTable({ ...deployments, rows: [] }), '');
  const t: Table = { columnDefinitions: [{ name: 'Name', type: 'string' }, { name: 'Message', type: 'string' }], rows: [{ cells: ['a', 'line1\nline2'] }] };
  assert.equal(printTable(t, { noHeaders: true }), 'a     line1...\n');
});
