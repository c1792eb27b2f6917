// Acceptance: the real kubectl's typed clients send protobuf bodies; the engine must read them as the
// JSON kubectl would have sent. A recording proxy captures each create's bytes, which must decode to
// exactly what `--dry-run=client -o json` prints; the stored object must then carry all of it (the
// server adds uid, resourceVersion, timestamps, status and defaults). Kinds the engine does not
// serve yet still get the decode check; only the storage check is skipped.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { createServingCerts } from '../serving-certs';
import { startEngine, type EngineFixture, type KubectlResult } from '../../../test/support/engine-fixture';
import { decodeKubernetesProtobuf, isKubernetesProtobuf, PROTOBUF_CONTENT_TYPE } from './decode';
import { startRecordingProxy, type RecordedRequest, type RecordingProxy } from './testing/recording-proxy';

let f: EngineFixture;
let proxy: RecordingProxy;
let files: string;

const kubectl = (args: string[]): Promise<KubectlResult> => f.kubectl(args, { env: { KUBECONFIG: proxy.kubeconfigPath } });

before(async () => {
  f = await startEngine({ controllers: false });
  proxy = await startRecordingProxy(f.engine, join(f.dir, 'proxy-kubeconfig'));
  files = f.dir;
  writeFileSync(join(files, 'app.properties'), 'color=blue\nsize=10\n');
  writeFileSync(join(files, 'blob.bin'), Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x80]));
  const { cert, key } = await createServingCerts(f.engine.clock.now(), [], ['demo.example.com']);
  writeFileSync(join(files, 'tls.crt'), cert);
  writeFileSync(join(files, 'tls.key'), key);
});

after(async () => {
  await proxy?.close();
  await f?.stop();
});

interface Case {
  name: string;
  /** Functions are arguments that name files made in before(). */
  args: Array<string | (() => string)>;
  /** `kubectl get` arguments for the stored object. */
  get: string[];
}

const CASES: Case[] = [
  { name: 'configmap --from-literal', args: ['create', 'configmap', 'cm-lit', '--from-literal=a=1', '--from-literal=b=two words'], get: ['configmap', 'cm-lit'] },
  { name: 'configmap --from-file (text and binary)', args: ['create', 'configmap', 'cm-file', () => `--from-file=${join(files, 'app.properties')}`, () => `--from-file=${join(files, 'blob.bin')}`], get: ['configmap', 'cm-file'] },
  { name: 'secret generic', args: ['create', 'secret', 'generic', 's-gen', '--from-literal=user=admin', '--from-literal=pass=p@ss w0rd'], get: ['secret', 's-gen'] },
  { name: 'secret generic --type', args: ['create', 'secret', 'generic', 's-typed', '--type=example.com/custom', '--from-literal=k=v'], get: ['secret', 's-typed'] },
  { name: 'secret tls', args: ['create', 'secret', 'tls', 's-tls', () => `--cert=${join(files, 'tls.crt')}`, () => `--key=${join(files, 'tls.key')}`], get: ['secret', 's-tls'] },
  { name: 'secret docker-registry', args: ['create', 'secret', 'docker-registry', 's-reg', '--docker-server=reg.example.com', '--docker-username=u', '--docker-password=p'], get: ['secret', 's-reg'] },
  { name: 'namespace', args: ['create', 'namespace', 'team-a'], get: ['namespace', 'team-a'] },
  { name: 'serviceaccount', args: ['create', 'serviceaccount', 'robot'], get: ['serviceaccount', 'robot'] },
  { name: 'deployment --image --replicas --port', args: ['create', 'deployment', 'web', '--image=nginx', '--replicas=3', '--port=80'], get: ['deployment', 'web'] },
  { name: 'deployment --replicas=0 (a pointer zero is kept)', args: ['create', 'deployment', 'idle', '--image=nginx', '--replicas=0'], get: ['deployment', 'idle'] },
  { name: 'deployment with two images and a command', args: ['create', 'deployment', 'duo', '--image=nginx', '--image=busybox'], get: ['deployment', 'duo'] },
  { name: 'run --labels --port --env', args: ['run', 'nginx', '--image=nginx', '--labels=app=web,tier=fe', '--port=80', '--env=A=1', '--env=B=two'], get: ['pod', 'nginx'] },
  { name: 'run with a command, restart Never', args: ['run', 'once', '--image=busybox', '--restart=Never', '--command', '--', 'sh', '-c', 'echo hi'], get: ['pod', 'once'] },
  { name: 'service clusterip --tcp', args: ['create', 'service', 'clusterip', 'svc-a', '--tcp=80:8080', '--tcp=443'], get: ['service', 'svc-a'] },
  { name: 'service clusterip headless', args: ['create', 'service', 'clusterip', 'svc-h', '--clusterip=None'], get: ['service', 'svc-h'] },
  { name: 'service nodeport --node-port', args: ['create', 'service', 'nodeport', 'svc-np', '--tcp=80:8080', '--node-port=30080'], get: ['service', 'svc-np'] },
  { name: 'service externalname', args: ['create', 'service', 'externalname', 'svc-ext', '--external-name=example.com'], get: ['service', 'svc-ext'] },
  { name: 'job', args: ['create', 'job', 'once', '--image=busybox', '--', 'echo', 'hi'], get: ['job', 'once'] },
  { name: 'cronjob --schedule', args: ['create', 'cronjob', 'tick', '--image=busybox', '--schedule=*/1 * * * *', '--restart=OnFailure', '--', 'date'], get: ['cronjob', 'tick'] },
  { name: 'ingress --rule --class', args: ['create', 'ingress', 'ing', '--class=nginx', '--rule=foo.com/bar=svc-a:80', '--rule=secure.com/*=svc-np:http,tls=my-cert', '--default-backend=svc-a:80', '--annotation=a=b'], get: ['ingress', 'ing'] },
  { name: 'role', args: ['create', 'role', 'reader', '--verb=get,list,watch', '--resource=pods,configmaps', '--resource-name=x'], get: ['role', 'reader'] },
  { name: 'rolebinding', args: ['create', 'rolebinding', 'read-it', '--role=reader', '--user=alice', '--group=devs', '--serviceaccount=default:robot'], get: ['rolebinding', 'read-it'] },
  { name: 'clusterrole', args: ['create', 'clusterrole', 'node-reader', '--verb=get', '--resource=nodes', '--non-resource-url=/healthz'], get: ['clusterrole', 'node-reader'] },
  { name: 'clusterrolebinding', args: ['create', 'clusterrolebinding', 'read-nodes', '--clusterrole=node-reader', '--user=bob'], get: ['clusterrolebinding', 'read-nodes'] },
  { name: 'quota --hard', args: ['create', 'quota', 'q', '--hard=cpu=1,memory=1Gi,pods=2,requests.cpu=500m', '--scopes=BestEffort'], get: ['resourcequota', 'q'] },
  { name: 'priorityclass', args: ['create', 'priorityclass', 'high', '--value=1000', '--description=important', '--preemption-policy=Never'], get: ['priorityclass', 'high'] },
  { name: 'poddisruptionbudget', args: ['create', 'poddisruptionbudget', 'pdb', '--selector=app=web', '--min-available=50%'], get: ['poddisruptionbudget', 'pdb'] },
  // autoscale sends autoscaling/v1; read it back in that version (plain `get hpa` prefers v2).
  { name: 'autoscale (needs the deployment)', args: ['autoscale', 'deployment', 'web', '--min=2', '--max=5', '--cpu-percent=80'], get: ['horizontalpodautoscalers.v1.autoscaling', 'web'] },
];

describe('kubectl typed clients send protobuf the engine reads as JSON', () => {
  for (const raw of CASES) {
    test(raw.name, async (t) => {
      const args = raw.args.map((a) => (typeof a === 'function' ? a() : a));
      // Flags go before a `--`, after which everything is the container's command.
      const dash = args.includes('--') ? args.indexOf('--') : args.length;
      const dry = await kubectl([...args.slice(0, dash), '--dry-run=client', '-o', 'json', ...args.slice(dash)]);
      assert.equal(dry.code, 0, dry.stderr);
      const expected = JSON.parse(dry.stdout) as Record<string, unknown>;

      const before = proxy.requests.length;
      const res = await kubectl(args);
      const body = sentBody(proxy.requests.slice(before));
      assert.ok(body, `no request body was sent (${res.stderr})`);
      const decoded = isKubernetesProtobuf(body.body) ? decodeKubernetesProtobuf(body.body) : JSON.parse(body.body.toString('utf8'));
      if (body.contentType !== PROTOBUF_CONTENT_TYPE) t.diagnostic(`kubectl sent ${body.contentType}, not protobuf`);
      // Same keys in the same order: exactly the bytes kubectl would have sent as JSON.
      assert.equal(JSON.stringify(decoded, null, 1), JSON.stringify(expected, null, 1));

      if (res.code !== 0 && /the server could not find the requested resource|doesn't have a resource type/.test(res.stderr)) {
        t.skip(`decoded; the engine does not serve ${raw.get[0]} yet`);
        return;
      }
      assert.equal(res.code, 0, res.stderr);
      const got = await kubectl(['get', ...raw.get, '-o', 'json']);
      assert.equal(got.code, 0, got.stderr);
      assertCarries(JSON.parse(got.stdout), expected, raw.get.join('/'));
    });
  }

  test('create token sends a TokenRequest', async (t) => {
    const before = proxy.requests.length;
    await kubectl(['create', 'token', 'robot', '--duration=1h', '--audience=api']);
    const body = sentBody(proxy.requests.slice(before));
    assert.ok(body && isKubernetesProtobuf(body.body));
    assert.deepEqual(decodeKubernetesProtobuf(body.body), {
      kind: 'TokenRequest',
      apiVersion: 'authentication.k8s.io/v1',
      metadata: { creationTimestamp: null },
      spec: { audiences: ['api'], expirationSeconds: 3600 },
      status: { token: '', expirationTimestamp: null },
    });
    t.diagnostic(`engine answered ${proxy.requests.at(-1)?.path}`);
  });

  test('auth can-i sends a SelfSubjectAccessReview', async () => {
    const before = proxy.requests.length;
    await kubectl(['auth', 'can-i', 'get', 'pods']);
    const body = sentBody(proxy.requests.slice(before));
    assert.ok(body && isKubernetesProtobuf(body.body));
    assert.deepEqual(decodeKubernetesProtobuf(body.body), {
      kind: 'SelfSubjectAccessReview',
      apiVersion: 'authorization.k8s.io/v1',
      metadata: { creationTimestamp: null },
      spec: { resourceAttributes: { namespace: 'default', verb: 'get', resource: 'pods' } },
      status: { allowed: false },
    });
  });

  test('drain --disable-eviction deletes with protobuf DeleteOptions the engine honours', async () => {
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'on-node2' }, spec: { nodeName: 'node2', containers: [{ name: 'c', image: 'nginx' }] } };
    const created = await f.kubectl(['create', '-f', '-'], { stdin: JSON.stringify(pod), env: { KUBECONFIG: proxy.kubeconfigPath } });
    assert.equal(created.code, 0, created.stderr);
    const before = proxy.requests.length;
    await kubectl(['drain', 'node2', '--force', '--disable-eviction', '--grace-period=0', '--timeout=5s']);
    const del = proxy.requests.slice(before).find((r) => r.method === 'DELETE' && r.path.endsWith('/pods/on-node2'));
    assert.ok(del && isKubernetesProtobuf(del.body), 'the pod was deleted with a protobuf body');
    assert.deepEqual(decodeKubernetesProtobuf(del.body), { kind: 'DeleteOptions', apiVersion: 'v1', gracePeriodSeconds: 0 });
    const got = await kubectl(['get', 'pod', 'on-node2', '-o', 'json', '--ignore-not-found']);
    if (got.stdout.trim()) assert.ok(JSON.parse(got.stdout).metadata.deletionTimestamp, 'the pod is terminating');
  });
});

/** The create's body: the last POST that carried one. */
function sentBody(requests: RecordedRequest[]): RecordedRequest | undefined {
  return requests.filter((r) => r.method === 'POST' && r.body.length).at(-1);
}

/** Every value the client sent is in the stored object; the server may add (defaults, status). */
function assertCarries(stored: unknown, sent: unknown, path: string): void {
  if (path.endsWith('.status') || path.endsWith('.creationTimestamp')) return;
  if (Array.isArray(sent)) {
    assert.ok(Array.isArray(stored) && stored.length === sent.length, `${path}: ${JSON.stringify(stored)} vs sent ${JSON.stringify(sent)}`);
    sent.forEach((v, i) => assertCarries((stored as unknown[])[i], v, `${path}[${i}]`));
  } else if (sent && typeof sent === 'object') {
    assert.ok(stored && typeof stored === 'object', `${path}: stored ${JSON.stringify(stored)}, sent an object`);
    for (const [k, v] of Object.entries(sent)) assertCarries((stored as Record<string, unknown>)[k], v, `${path}.${k}`);
  } else {
    assert.deepEqual(stored, sent, path);
  }
}
