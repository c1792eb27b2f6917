import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addSubjects, subjectsFrom } from './set-subject-run';

test('subjects: users, groups, then service accounts, each sorted and distinct', () => {
  assert.deepEqual(subjectsFrom(['u2', 'u0', 'u2'], ['g'], ['ns:b', ':a'], 'dflt'), [
    { kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name: 'u0' },
    { kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name: 'u2' },
    { kind: 'Group', apiGroup: 'rbac.authorization.k8s.io', name: 'g' },
    { kind: 'ServiceAccount', name: 'a', namespace: 'dflt' },
    { kind: 'ServiceAccount', name: 'b', namespace: 'ns' },
  ]);
});

test('subjects already bound are kept once; new ones are appended', () => {
  const existing = [{ kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name: 'u1' }];
  const same = addSubjects(existing, subjectsFrom(['u1'], [], [], 'd'));
  assert.equal(same.changed, false);
  assert.deepEqual(same.subjects, existing);
  const more = addSubjects(existing, subjectsFrom(['u1', 'u2'], [], ['x:sa'], 'd'));
  assert.equal(more.changed, true);
  assert.deepEqual(more.subjects, [
    ...existing,
    { kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name: 'u2' },
    { kind: 'ServiceAccount', name: 'sa', namespace: 'x' },
  ]);
  // A subject differing only by apiGroup is another subject (Go struct equality).
  assert.equal(addSubjects([{ kind: 'User', name: 'u1' }], subjectsFrom(['u1'], [], [], 'd')).changed, true);
});
