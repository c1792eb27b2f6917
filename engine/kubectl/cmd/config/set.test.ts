// Expected outputs and files were captured from kubectl v1.32.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { kubectl, written } from './test-support';

test('set creates missing stanzas along a dotted path', async () => {
  const r = await kubectl(['config', 'set', 'contexts.foo.namespace', 'dev']);
  assert.equal(r.out, 'Property "contexts.foo.namespace" set.\n');
  assert.equal(r.file, written({ contexts: '- context:\n    cluster: ""\n    namespace: dev\n    user: ""\n  name: foo\n' }));
});

test('map keys may contain dots', async () => {
  let r = await kubectl(['config', 'set', 'clusters.10.0.0.1.server', 'https://10.0.0.1']);
  r = await kubectl(['config', 'set', 'clusters.10.0.0.1.insecure-skip-tls-verify', 'true'], { kubeconfig: r.file });
  assert.equal(r.file, written({ clusters: '- cluster:\n    insecure-skip-tls-verify: true\n    server: https://10.0.0.1\n  name: 10.0.0.1\n' }));
});

test('bytes are base64 unless --set-raw-bytes; bools parse like Go', async () => {
  let r = await kubectl(['config', 'set', 'users.c.client-key-data', 'raw', '--set-raw-bytes']);
  assert.equal(r.file, written({ users: '- name: c\n  user:\n    client-key-data: cmF3\n' }));
  r = await kubectl(['config', 'set', 'users.b.client-key-data', 'hello!']);
  assert.equal(r.err, 'error: error decoding input value: illegal base64 data at input byte 5\n');
  r = await kubectl(['config', 'set', 'clusters.x.insecure-skip-tls-verify', 'yes']);
  assert.equal(r.err, 'error: strconv.ParseBool: parsing "yes": invalid syntax\n');
});

test('current-context and preferences', async () => {
  let r = await kubectl(['config', 'set', 'current-context', 'foo']);
  assert.equal(r.file, written({ current: 'foo' }));
  r = await kubectl(['config', 'set', 'preferences.colors', 'true'], { kubeconfig: r.file });
  assert.equal(r.file, written({ current: 'foo', preferences: '  colors: true\n' }));
});

test('set errors', async () => {
  const cases: [string[], string][] = [
    [['users.a.token', ''], 'error: you cannot use set to unset a property\n'],
    [['', 'x'], 'error: you must specify a property\n'],
    [['foo', 'bar'], 'error: unable to parse foo after [] at api.Config\n'],
    [['preferences.foo', 'v'], 'error: unable to parse preferences.foo after [{preferences 0x203acc0}] at api.Preferences\n'],
    [['clusters.x.server.y', 'z'], 'error: unable to parse one or more field values of clusters.x.server.y\n'],
    [['clusters.x.foo', 'v'], "error: can't set a map to a value: map[]\n"],
    [['users.a.act-as-groups', 'bob'], 'error: unrecognized slice type. string\n'],
    [['users.x.act-as-user-extra.k', 'v'], 'error: string is not of type struct\n'],
    [['preferences', 'x'], 'error: unable to locate path config.navigationStep{stepValue:"", stepType:reflect.Type(nil)} under {false map[]}\n'],
  ];
  for (const [args, err] of cases) {
    const r = await kubectl(['config', 'set', ...args]);
    assert.equal(r.err, err, args.join(' '));
    assert.equal(r.code, 1);
    assert.equal(r.file, undefined);
  }
  const r = await kubectl(['config', 'set', 'a']);
  assert.match(r.out, /^Set an individual value in a kubeconfig file\./);
  assert.equal(r.err, 'error: Unexpected args: [a]\n');
});

test('the internal field names apply: act-as is written as `as`', async () => {
  const r = await kubectl(['config', 'set', 'users.a.act-as', 'bob']);
  assert.equal(r.file, written({ users: '- name: a\n  user:\n    as: bob\n' }));
});
