// The kinds of engine/registry seen through the real kubectl: discovery (api-resources), apply
// of a sample of each kind, and the server-side tables `kubectl get` prints. Controllers are off,
// so status columns show what a just-created object has.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startEngine, type EngineFixture } from '../support/engine-fixture';

let f: EngineFixture;
before(async () => {
  f = await startEngine({ controllers: false });
});
after(async () => {
  await f.stop();
});

/**
 * Ages and generated IPs/ports vary; everything else must be byte for byte. An age (and its
 * padding) becomes `<age>` padded to the same width, so columns to its right stay aligned.
 */
function norm(text: string): string {
  return text
    .replace(/\b\d+(s|m|h|d|y)(\d+(s|m|h|d))?\b( *)/g, (m, _a, _b, _c, pad: string) => (pad ? '<age>'.padEnd(Math.max(m.length, 6), ' ') : '<age>'))
    .replace(/\b10\.(9[6-9]|10[0-9]|11[01])\.\d+\.\d+\b/g, (ip) => (ip === '10.96.0.1' || ip === '10.96.0.10' || ip.startsWith('10.96.0.') ? ip : '<cluster-ip>'))
    .replace(/:3\d{4}\//g, ':<node-port>/');
}

async function apply(yaml: string): Promise<string> {
  const r = await f.kubectl(['apply', '--validate=false', '-f', '-'], { stdin: yaml });
  assert.equal(r.stderr, '');
  assert.equal(r.code, 0);
  return r.stdout;
}

async function get(args: string[]): Promise<string> {
  const r = await f.kubectl(['get', ...args]);
  assert.equal(r.stderr, '', `kubectl get ${args.join(' ')}`);
  return norm(r.stdout);
}

test('kubectl api-resources lists every kind with short names, group version and scope', async () => {
  const r = await f.kubectl(['api-resources']);
  assert.equal(r.code, 0, r.stderr);
  const rows = new Set(r.stdout.trimEnd().split('\n').map((l) => l.split(/\s{2,}/).join(' | ')));
  const want = [
    'NAME | SHORTNAMES | APIVERSION | NAMESPACED | KIND',
    'endpoints | ep | v1 | true | Endpoints',
    'events | ev | v1 | true | Event',
    'persistentvolumeclaims | pvc | v1 | true | PersistentVolumeClaim',
    'persistentvolumes | pv | v1 | false | PersistentVolume',
    'services | svc | v1 | true | Service',
    'controllerrevisions | apps/v1 | true | ControllerRevision',
    'daemonsets | ds | apps/v1 | true | DaemonSet',
    'statefulsets | sts | apps/v1 | true | StatefulSet',
    'horizontalpodautoscalers | hpa | autoscaling/v2 | true | HorizontalPodAutoscaler',
    'cronjobs | cj | batch/v1 | true | CronJob',
    'jobs | batch/v1 | true | Job',
    'leases | coordination.k8s.io/v1 | true | Lease',
    'endpointslices | discovery.k8s.io/v1 | true | EndpointSlice',
    'events | ev | events.k8s.io/v1 | true | Event',
    'ingressclasses | networking.k8s.io/v1 | false | IngressClass',
    'ingresses | ing | networking.k8s.io/v1 | true | Ingress',
    'poddisruptionbudgets | pdb | policy/v1 | true | PodDisruptionBudget',
    'clusterrolebindings | rbac.authorization.k8s.io/v1 | false | ClusterRoleBinding',
    'clusterroles | rbac.authorization.k8s.io/v1 | false | ClusterRole',
    'rolebindings | rbac.authorization.k8s.io/v1 | true | RoleBinding',
    'roles | rbac.authorization.k8s.io/v1 | true | Role',
    'storageclasses | sc | storage.k8s.io/v1 | false | StorageClass',
  ];
  for (const w of want) assert.ok(rows.has(w), `missing api-resources row: ${w}`);
  const v1 = await f.kubectl(['api-resources', '--api-group=autoscaling', '-o', 'name']);
  assert.equal(v1.stdout, 'horizontalpodautoscalers.autoscaling\n');
});

test('kubectl get svc shows the bootstrap kubernetes Service', async () => {
  const out = await get(['svc']);
  assert.equal(out, 'NAME         TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE\nkubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   <age>\n');
});

test('services: ClusterIP, NodePort, LoadBalancer, headless and ExternalName rows', async () => {
  await apply(`apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{port: 80, targetPort: 8080}]
---
apiVersion: v1
kind: Service
metadata: {name: web-np}
spec:
  type: NodePort
  selector: {app: web}
  ports: [{port: 80, nodePort: 30080}]
---
apiVersion: v1
kind: Service
metadata: {name: web-lb}
spec:
  type: LoadBalancer
  selector: {app: web}
  ports: [{name: http, port: 80}, {name: https, port: 443}]
---
apiVersion: v1
kind: Service
metadata: {name: web-headless}
spec:
  clusterIP: None
  selector: {app: web}
  ports: [{port: 80}]
---
apiVersion: v1
kind: Service
metadata: {name: ext}
spec:
  type: ExternalName
  externalName: www.example.com
`);
  // Cluster IPs and node ports are random, so columns are compared without their padding.
  const raw = await f.kubectl(['get', 'svc', '-o', 'wide']);
  const out = raw.stdout.split('\n').map((l) => l.split(/\s{2,}/).map(norm).join(' | ')).join('\n');
  assert.equal(
    out,
    [
      'NAME | TYPE | CLUSTER-IP | EXTERNAL-IP | PORT(S) | AGE | SELECTOR',
      'ext | ExternalName | <none> | www.example.com | <none> | <age> | <none>',
      'kubernetes | ClusterIP | 10.96.0.1 | <none> | 443/TCP | <age> | <none>',
      'web | ClusterIP | <cluster-ip> | <none> | 80/TCP | <age> | app=web',
      'web-headless | ClusterIP | None | <none> | 80/TCP | <age> | app=web',
      'web-lb | LoadBalancer | <cluster-ip> | <pending> | 80:<node-port>/TCP,443:<node-port>/TCP | <age> | app=web',
      'web-np | NodePort | <cluster-ip> | <none> | 80:<node-port>/TCP | <age> | app=web',
      '',
    ].join('\n'),
  );
  const np = await f.kubectl(['get', 'svc', 'web-np', '-o', 'jsonpath={.spec.ports[0].nodePort} {.spec.externalTrafficPolicy} {.spec.ports[0].targetPort}']);
  assert.equal(np.stdout, '30080 Cluster 80');
  const ip = await f.kubectl(['get', 'svc', 'web', '-o', 'jsonpath={.spec.clusterIP} {.spec.clusterIPs[0]} {.spec.ipFamilies[0]} {.spec.ipFamilyPolicy} {.spec.sessionAffinity} {.spec.internalTrafficPolicy}']);
  const [clusterIP, first, ...rest] = ip.stdout.split(' ');
  assert.equal(clusterIP, first);
  assert.match(clusterIP, /^10\.(9[6-9]|10\d|11[01])\.\d+\.\d+$/);
  assert.notEqual(clusterIP.startsWith('10.96.0.'), true, 'dynamic IPs come from the upper part of the range');
  assert.deepEqual(rest, ['IPv4', 'SingleStack', 'None', 'Cluster']);
});

test('service allocation errors and immutable clusterIP, as the apiserver words them', async () => {
  let r = await f.kubectl(['apply', '--validate=false', '-f', '-'], {
    stdin: 'apiVersion: v1\nkind: Service\nmetadata: {name: taken}\nspec:\n  type: NodePort\n  ports: [{port: 80, nodePort: 30080}]\n',
  });
  assert.equal(r.stderr, 'The Service "taken" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated\n');
  r = await f.kubectl(['apply', '--validate=false', '-f', '-'], {
    stdin: 'apiVersion: v1\nkind: Service\nmetadata: {name: dns2}\nspec:\n  clusterIP: 10.96.0.10\n  ports: [{port: 53}]\n',
  });
  assert.equal(r.stderr, 'The Service "dns2" is invalid: spec.clusterIPs: Invalid value: []string{"10.96.0.10"}: failed to allocate IP 10.96.0.10: provided IP is already allocated\n');
  r = await f.kubectl(['apply', '--validate=false', '-f', '-'], {
    stdin: 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  clusterIP: 10.96.1.2\n  selector: {app: web}\n  ports: [{port: 80, targetPort: 8080}]\n',
  });
  assert.match(r.stderr, /^The Service "web" is invalid: spec\.clusterIPs\[0\]: Invalid value: \[\]string\{"10\.96\.1\.2"\}: may not change once set\n$/);
  // Deleting a NodePort service frees its port.
  r = await f.kubectl(['delete', 'svc', 'web-np']);
  assert.equal(r.code, 0, r.stderr);
  await apply('apiVersion: v1\nkind: Service\nmetadata: {name: taken}\nspec:\n  type: NodePort\n  ports: [{port: 80, nodePort: 30080}]\n');
  // Switching to ClusterIP releases it too.
  await apply('apiVersion: v1\nkind: Service\nmetadata: {name: taken}\nspec:\n  type: ClusterIP\n  ports: [{port: 80}]\n');
  const np = await f.kubectl(['get', 'svc', 'taken', '-o', 'jsonpath={.spec.type} {.spec.ports[0].nodePort}{.spec.externalTrafficPolicy}']);
  assert.equal(np.stdout, 'ClusterIP ');
});

test('workloads: daemonset, statefulset, job, cronjob tables', async () => {
  await apply(`apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec:
      nodeSelector: {disk: ssd}
      containers: [{name: agent, image: busybox}]
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web}
spec:
  serviceName: web-headless
  replicas: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: nginx, image: nginx:1.17.1}]
---
apiVersion: batch/v1
kind: Job
metadata: {name: pi}
spec:
  template:
    spec:
      restartPolicy: Never
      containers: [{name: pi, image: perl, command: [perl, -e, print 1]}]
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: hello}
spec:
  schedule: "*/1 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers: [{name: hello, image: busybox}]
`);
  assert.equal(
    await get(['ds', 'agent']),
    'NAME    DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE\nagent   0         0         0       0            0           disk=ssd        <age>\n',
  );
  assert.equal(await get(['sts']), 'NAME   READY   AGE\nweb    0/3     <age>\n');
  assert.equal(await get(['job']), 'NAME   STATUS    COMPLETIONS   DURATION   AGE\npi     Running   0/1                      <age>\n');
  assert.equal(await get(['cj']), 'NAME    SCHEDULE      TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE\nhello   */1 * * * *   <none>     False     0        <none>          <age>\n');
  const job = await f.kubectl(['get', 'job', 'pi', '-o', 'jsonpath={.metadata.uid} {.spec.selector.matchLabels.batch\\.kubernetes\\.io/controller-uid} {.spec.template.metadata.labels.job-name} {.spec.backoffLimit} {.spec.completionMode}']);
  const [uid, sel, jobName, backoff, mode] = job.stdout.split(' ');
  assert.equal(sel, uid);
  assert.deepEqual([jobName, backoff, mode], ['pi', '6', 'NonIndexed']);
  const scale = await f.kubectl(['scale', 'sts', 'web', '--replicas=5']);
  assert.equal(scale.stdout, 'statefulset.apps/web scaled\n');
  const bad = await f.kubectl(['apply', '--validate=false', '-f', '-'], {
    stdin: 'apiVersion: batch/v1\nkind: Job\nmetadata: {name: bad}\nspec:\n  template:\n    spec:\n      containers: [{name: c, image: busybox}]\n',
  });
  assert.equal(bad.stderr, 'The Job "bad" is invalid: spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"\n');
});

test('hpa through autoscaling/v2 and v1, ingress, pv/pvc, storage class, rbac, lease, pdb, endpoints', async () => {
  await apply(`apiVersion: autoscaling/v1
kind: HorizontalPodAutoscaler
metadata: {name: php-apache}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: php-apache}
  minReplicas: 1
  maxReplicas: 10
  targetCPUUtilizationPercentage: 50
---
apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata: {name: nginx}
spec: {controller: k8s.io/ingress-nginx}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: web}
spec:
  ingressClassName: nginx
  tls: [{hosts: [a.example.com], secretName: tls}]
  rules:
  - host: a.example.com
    http:
      paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]
---
apiVersion: v1
kind: PersistentVolume
metadata: {name: pv1}
spec:
  capacity: {storage: 2Gi}
  accessModes: [ReadWriteOnce, ReadWriteMany]
  nfs: {server: 192.168.109.100, path: /data/pv1}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: data}
spec:
  accessModes: [ReadWriteOnce]
  resources: {requests: {storage: 1Gi}}
---
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: local
  annotations: {storageclass.kubernetes.io/is-default-class: "true"}
provisioner: kubernetes.io/no-provisioner
volumeBindingMode: WaitForFirstConsumer
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: pod-reader}
rules: [{apiGroups: [""], resources: [pods], verbs: [get, list]}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: read-pods}
subjects:
- {kind: User, name: jane}
- {kind: ServiceAccount, name: default, namespace: default}
roleRef: {kind: Role, name: pod-reader, apiGroup: rbac.authorization.k8s.io}
---
apiVersion: coordination.k8s.io/v1
kind: Lease
metadata: {name: node1}
spec: {holderIdentity: node1, leaseDurationSeconds: 40}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: web}
spec:
  minAvailable: 2
  selector: {matchLabels: {app: web}}
---
apiVersion: v1
kind: Endpoints
metadata: {name: manual}
subsets:
- addresses: [{ip: 10.244.1.5}, {ip: 10.244.2.7}]
  ports: [{port: 80}]
`);
  assert.equal(await get(['hpa']), 'NAME         REFERENCE               TARGETS              MINPODS   MAXPODS   REPLICAS   AGE\nphp-apache   Deployment/php-apache   cpu: <unknown>/50%   1         10        0          <age>\n');
  const v2 = await f.kubectl(['get', 'horizontalpodautoscalers.v2.autoscaling', 'php-apache', '-o', 'jsonpath={.spec.metrics[0].resource.target.averageUtilization}']);
  assert.equal(v2.stdout, '50');
  const v1 = await f.kubectl(['get', 'horizontalpodautoscalers.v1.autoscaling', 'php-apache', '-o', 'jsonpath={.apiVersion} {.spec.targetCPUUtilizationPercentage}']);
  assert.equal(v1.stdout, 'autoscaling/v1 50');
  assert.equal(await get(['ingressclass']), 'NAME    CONTROLLER             PARAMETERS   AGE\nnginx   k8s.io/ingress-nginx   <none>       <age>\n');
  assert.equal(await get(['ing']), 'NAME   CLASS   HOSTS           ADDRESS   PORTS     AGE\nweb    nginx   a.example.com             80, 443   <age>\n');
  assert.equal(
    await get(['pv']),
    'NAME   CAPACITY   ACCESS MODES   RECLAIM POLICY   STATUS    CLAIM   STORAGECLASS   VOLUMEATTRIBUTESCLASS   REASON   AGE\npv1    2Gi        RWO,RWX        Retain           Pending                          <unset>                          <age>\n',
  );
  assert.equal(await get(['pvc']), 'NAME   STATUS    VOLUME   CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE\ndata   Pending                                                     <unset>                 <age>\n');
  assert.equal(
    await get(['sc']),
    'NAME              PROVISIONER                    RECLAIMPOLICY   VOLUMEBINDINGMODE      ALLOWVOLUMEEXPANSION   AGE\nlocal (default)   kubernetes.io/no-provisioner   Delete          WaitForFirstConsumer   false                  <age>\n',
  );
  assert.match(await get(['role']), /^NAME         CREATED AT\npod-reader   \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\n$/);
  assert.equal(await get(['rolebinding', '-o', 'wide']), 'NAME        ROLE              AGE   USERS   GROUPS   SERVICEACCOUNTS\nread-pods   Role/pod-reader   <age> jane             default/default\n');
  assert.equal(await get(['lease']), 'NAME    HOLDER   AGE\nnode1   node1    <age>\n');
  assert.equal(await get(['pdb']), 'NAME   MIN AVAILABLE   MAX UNAVAILABLE   ALLOWED DISRUPTIONS   AGE\nweb    2               N/A               0                     <age>\n');
  assert.equal(await get(['ep', 'manual']), 'NAME     ENDPOINTS                     AGE\nmanual   10.244.1.5:80,10.244.2.7:80   <age>\n');
});

test('events are one object served by core/v1 and events.k8s.io/v1', async () => {
  await apply(`apiVersion: events.k8s.io/v1
kind: Event
metadata: {name: hello.1}
eventTime: "2024-01-01T00:00:00.000000Z"
reportingController: kubelab.io/test
reportingInstance: test-1
action: Testing
reason: Hello
type: Normal
note: hello world
regarding: {kind: Pod, name: web-0, namespace: default}
`);
  const core = await f.kubectl(['get', 'events.v1.', 'hello.1', '-o', 'jsonpath={.apiVersion} {.message} {.involvedObject.name} {.reportingComponent}']);
  assert.equal(core.stdout, 'v1 hello world web-0 kubelab.io/test');
  const ev = await f.kubectl(['get', 'events.v1.events.k8s.io', 'hello.1', '-o', 'jsonpath={.apiVersion} {.note} {.regarding.name}']);
  assert.equal(ev.stdout, 'events.k8s.io/v1 hello world web-0');
  const table = await get(['events.v1.events.k8s.io']);
  assert.match(table, /^LAST SEEN   TYPE     REASON   OBJECT      MESSAGE\n<age>\s+Normal   Hello    pod\/web-0   hello world\n$/);
});
