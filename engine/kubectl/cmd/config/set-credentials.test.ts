// Expected outputs and files were captured from kubectl v1.32.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { kubectl, written } from './test-support';

test('a token replaces basic auth and the other way round', async () => {
  let r = await kubectl(['config', 'set-credentials', 'u1', '--token=abc']);
  assert.equal(r.out, 'User "u1" set.\n');
  assert.equal(r.file, written({ users: '- name: u1\n  user:\n    token: abc\n' }));
  r = await kubectl(['config', 'set-credentials', 'u1', '--username=me', '--password=pw'], { kubeconfig: r.file });
  assert.equal(r.file, written({ users: '- name: u1\n  user:\n    password: pw\n    username: me\n' }));
  r = await kubectl(['config', 'set-credentials', 'u1', '--token=t2', '--username=x'], { kubeconfig: r.file });
  assert.equal(r.err, 'error: you cannot specify more than one authentication method at the same time: --token, --username/--password\n');
});

test('client certificate and key: paths relative to the kubeconfig, or embedded', async () => {
  let r = await kubectl(['config', 'set-credentials', 'u', '--client-certificate=./c.crt', '--client-key=/abs/k.key']);
  assert.equal(r.file, written({ users: '- name: u\n  user:\n    client-certificate: c.crt\n    client-key: /abs/k.key\n' }));
  r = await kubectl(['config', 'set-credentials', 'u', '--client-certificate=c.crt', '--client-key=k.key', '--embed-certs'], {
    kubeconfig: r.file,
    files: { '/home/k/c.crt': 'cert\n', '/home/k/k.key': 'key\n' },
  });
  assert.equal(r.file, written({ users: '- name: u\n  user:\n    client-certificate-data: Y2VydAo=\n    client-key-data: a2V5Cg==\n' }));
  r = await kubectl(['config', 'set-credentials', 'u', '--embed-certs', '--client-key=/nope/k']);
  assert.equal(r.err, 'error: could not stat client-key file /nope/k: stat /nope/k: no such file or directory\n');
  r = await kubectl(['config', 'set-credentials', 'u', '--embed-certs']);
  assert.equal(r.err, 'error: you must specify a --client-certificate or --client-key to embed\n');
});

test('auth provider arguments are merged and removed', async () => {
  let r = await kubectl(['config', 'set-credentials', 'u2', '--auth-provider=oidc', '--auth-provider-arg=client-secret=bar,client-id=foo']);
  assert.equal(r.file, written({ users: '- name: u2\n  user:\n    auth-provider:\n      config:\n        client-id: foo\n        client-secret: bar\n      name: oidc\n' }));
  r = await kubectl(['config', 'set-credentials', 'u2', '--auth-provider-arg=client-secret-'], { kubeconfig: r.file });
  assert.equal(r.file, written({ users: '- name: u2\n  user:\n    auth-provider:\n      config:\n        client-id: foo\n      name: oidc\n' }));
  r = await kubectl(['config', 'set-credentials', 'u2', '--auth-provider-arg=a,b,c=d']);
  assert.match(r.out, /^Set a user entry in kubeconfig\./);
  assert.equal(r.err, 'error: invalid auth-provider-arg format: a, b\n');
});

test('exec plugin: a new command resets its arguments; env entries are updated and removed', async () => {
  let r = await kubectl(['config', 'set-credentials', 'u3', '--exec-command=/bin/x']);
  assert.equal(r.file, written({ users: '- name: u3\n  user:\n    exec:\n      args: null\n      command: /bin/x\n      env: null\n      provideClusterInfo: false\n' }));
  r = await kubectl(['config', 'set-credentials', 'u3', '--exec-arg=a1,a2', '--exec-env=A=1', '--exec-interactive-mode=Never', '--exec-provide-cluster-info'], { kubeconfig: r.file });
  assert.equal(
    r.file,
    written({ users: '- name: u3\n  user:\n    exec:\n      args:\n      - a1\n      - a2\n      command: /bin/x\n      env:\n      - name: A\n        value: "1"\n      interactiveMode: Never\n      provideClusterInfo: true\n' }),
  );
  r = await kubectl(['config', 'set-credentials', 'u3', '--exec-command=/bin/y', '--exec-env=A-'], { kubeconfig: r.file });
  assert.equal(r.file, written({ users: '- name: u3\n  user:\n    exec:\n      args: null\n      command: /bin/y\n      env: []\n      interactiveMode: Never\n      provideClusterInfo: true\n' }));
  r = await kubectl(['config', 'set-credentials', 'u3', '--exec-interactive-mode=bogus']);
  assert.equal(r.err, 'error: invalid interactive mode type, can be only IfAvailable, Never, Always\n');
});

test('set-credentials argument errors print the help first', async () => {
  const r = await kubectl(['config', 'set-credentials', 'a', 'b']);
  assert.match(r.out, /Usage:\n  kubectl config set-credentials NAME/);
  assert.equal(r.err, 'error: unexpected args: [a b]\n');
  assert.equal(r.code, 1);
  const empty = await kubectl(['config', 'set-credentials', '']);
  assert.equal(empty.out, '');
  assert.equal(empty.err, 'error: you must specify a non-empty user name\n');
});
