import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatRequirements, parseToLabelSelector } from './set-selector-parse';
import { selectorUpdate } from './set-selector-run';

test('equality requirements become matchLabels, the others matchExpressions', () => {
  assert.deepEqual(parseToLabelSelector('app=web,tier==fe,empty='), { matchLabels: { app: 'web', tier: 'fe', empty: '' }, matchExpressions: [] });
  const s = parseToLabelSelector('app in (b,a), !gone, has');
  assert.deepEqual(s.matchExpressions, [
    { key: 'app', operator: 'In', values: ['a', 'b'] },
    { key: 'gone', operator: 'DoesNotExist', values: [] },
    { key: 'has', operator: 'Exists', values: [] },
  ]);
  assert.equal(formatRequirements(s.matchExpressions), '[{app In [a b]} {gone DoesNotExist []} {has Exists []}]');
});

test('parse errors read as Go labels.Parse writes them', () => {
  const message = (s: string) => {
    try {
      parseToLabelSelector(s);
    } catch (e) {
      return (e as Error).message.slice(`couldn't parse the selector string "${s}": `.length);
    }
    return '';
  };
  assert.throws(() => parseToLabelSelector('=x'), /^Error: couldn't parse the selector string "=x": /);
  assert.equal(message('=x'), "found '=', expected: !, identifier, or 'end of string'");
  assert.equal(message('a b'), 'unable to parse requirement: found \'b\', expected: in, notin, =, ==, !=, gt, lt');
  assert.equal(message('a=b=c'), "found '=', expected: ',' or 'end of string'");
  assert.equal(message('x,'), "found '', expected: identifier after ','");
  assert.match(message('app=a/b'), /^unable to parse requirement: values\[0\]\[app\]: Invalid value: "a\/b": a valid label must be/);
  assert.match(message('a/b/c=d'), /^unable to parse requirement: <nil>: Invalid value: "a\/b\/c": a qualified name must/);
  assert.throws(() => parseToLabelSelector('app!=x'), /"!=" is not a valid label selector operator/);
});

test('only a Service takes a selector, and only match labels', () => {
  const svc = { apiVersion: 'v1', kind: 'Service', spec: { selector: { old: 'x' } } };
  selectorUpdate(svc, parseToLabelSelector('app=web'));
  assert.deepEqual(svc.spec.selector, { app: 'web' });
  assert.throws(() => selectorUpdate({ apiVersion: 'apps/v1', kind: 'Deployment' }, parseToLabelSelector('a=b')), /only supported for Services/);
  assert.throws(() => selectorUpdate(svc, parseToLabelSelector('a')), /match expression \[\{a Exists \[\]\}\] not supported on this object/);
});
