import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatLabelSelector, formatLabels, fromLabelSelector, matches, parseSelector, selectorString } from './label-selector';

test('parses and matches equality, set and existence requirements', () => {
  const sel = parseSelector('app=nginx,tier!=db,env in (prod, qa),!legacy,track');
  assert.equal(sel.length, 5);
  assert.ok(matches(sel, { app: 'nginx', env: 'qa', track: 'x' }));
  assert.ok(!matches(sel, { app: 'nginx', env: 'dev', track: 'x' }));
  assert.ok(!matches(sel, { app: 'nginx', env: 'qa', track: 'x', legacy: '1' }));
  assert.ok(!matches(sel, { app: 'nginx', env: 'qa', track: 'x', tier: 'db' }));
  assert.ok(matches(parseSelector('app==web'), { app: 'web' }));
});

test('empty selector matches everything; bad syntax throws', () => {
  assert.ok(matches(parseSelector(''), {}));
  assert.throws(() => parseSelector('app in nginx'));
});

test('formats selectors the way kubectl prints them', () => {
  assert.equal(formatLabelSelector({ matchLabels: { 'pod-template-hash': '7c5ddbdf54', app: 'nginx' } }), 'app=nginx,pod-template-hash=7c5ddbdf54');
  assert.equal(formatLabelSelector({ matchExpressions: [{ key: 'app', operator: 'In', values: ['b', 'a'] }] }), 'app in (a,b)');
  assert.equal(formatLabelSelector({}), '<none>');
  assert.equal(formatLabels({ b: '2', a: '1' }), 'a=1,b=2');
  assert.equal(formatLabels({}), '<none>');
  assert.equal(selectorString(fromLabelSelector({ matchLabels: { app: 'x' }, matchExpressions: [{ key: 'z', operator: 'Exists' }] })), 'app=x,z');
});
