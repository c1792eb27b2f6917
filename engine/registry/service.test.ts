import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../api/object';
import { StatusError } from '../api/status-error';
import { allocateCreate, defaultService, serviceDefinition, serviceRow, validateService, validateServiceUpdate } from './service';
import { fakeContext, messages, minutesAgo, NOW, obj } from './testing/registry-fixtures';

const svc = (name: string, spec: Record<string, unknown>, status?: unknown): KubeObject => obj('Service', name, { spec, ...(status ? { status } : {}) });

/** Runs the create path of the definition (prepare, defaults, validate) against stored services. */
function create(s: KubeObject, stored: KubeObject[] = []): KubeObject {
  const ctx = fakeContext({ services: stored });
  serviceDefinition.prepareForCreate!(s, ctx);
  serviceDefinition.defaults!(s, ctx);
  const errs = serviceDefinition.validate!(s, ctx);
  assert.deepEqual(messages(errs), []);
  return s;
}

function invalidMessage(fn: () => void): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof StatusError) return e.status.message!;
    throw e;
  }
  return '';
}

test('defaults: ClusterIP, sessionAffinity, traffic policies, TCP, targetPort = port', () => {
  const s = svc('web', { ports: [{ port: 80 }, { port: 443, targetPort: 'https', protocol: 'UDP' }] });
  defaultService(s);
  assert.deepEqual(s.spec, {
    type: 'ClusterIP',
    sessionAffinity: 'None',
    internalTrafficPolicy: 'Cluster',
    ports: [
      { port: 80, protocol: 'TCP', targetPort: 80 },
      { port: 443, targetPort: 'https', protocol: 'UDP' },
    ],
  });
  const np = svc('np', { type: 'NodePort', ports: [{ port: 80 }] });
  defaultService(np);
  assert.equal(np.spec.externalTrafficPolicy, 'Cluster');
  const lb = svc('lb', { type: 'LoadBalancer', ports: [{ port: 80 }] });
  defaultService(lb);
  assert.equal(lb.spec.allocateLoadBalancerNodePorts, true);
  const en = svc('en', { type: 'ExternalName', externalName: 'example.com' });
  defaultService(en);
  assert.equal(en.spec.internalTrafficPolicy, undefined);
  const ci = svc('ci', { sessionAffinity: 'ClientIP', ports: [{ port: 80 }] });
  defaultService(ci);
  assert.deepEqual(ci.spec.sessionAffinityConfig, { clientIP: { timeoutSeconds: 10800 } });
});

test('create allocates a cluster IP and node ports, and fills the IP family fields', () => {
  const s = create(svc('np', { type: 'NodePort', ports: [{ name: 'a', port: 80 }, { name: 'b', port: 80, protocol: 'UDP' }] }));
  assert.match(s.spec.clusterIP, /^10\.(9[6-9]|10\d|11[01])\./);
  assert.deepEqual(s.spec.clusterIPs, [s.spec.clusterIP]);
  assert.deepEqual(s.spec.ipFamilies, ['IPv4']);
  assert.equal(s.spec.ipFamilyPolicy, 'SingleStack');
  // Two protocols on one service port share a node port.
  assert.ok(s.spec.ports[0].nodePort >= 30086 && s.spec.ports[0].nodePort <= 32767);
  assert.equal(s.spec.ports[1].nodePort, s.spec.ports[0].nodePort);
  assert.deepEqual(s.status, { loadBalancer: {} });
  const headless = create(svc('h', { clusterIP: 'None', selector: { app: 'x' }, ports: [{ port: 80 }] }));
  assert.deepEqual([headless.spec.clusterIPs, headless.spec.ipFamilyPolicy, headless.spec.ipFamilies], [['None'], 'SingleStack', ['IPv4']]);
  const selectorless = create(svc('h2', { clusterIP: 'None' }));
  assert.deepEqual([selectorless.spec.ipFamilyPolicy, selectorless.spec.ipFamilies], ['RequireDualStack', ['IPv4', 'IPv6']]);
  const en = create(svc('en', { type: 'ExternalName', externalName: 'www.example.com' }));
  assert.equal(en.spec.clusterIP, undefined);
  assert.equal(en.spec.ipFamilyPolicy, undefined);
  const lb = create(svc('lb', { type: 'LoadBalancer', externalTrafficPolicy: 'Local', ports: [{ port: 80 }] }));
  assert.ok(lb.spec.healthCheckNodePort >= 30000);
});

test('allocation errors are Invalid with upstream wording', () => {
  const stored = [svc('dns', { clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.10'], type: 'NodePort', ports: [{ port: 53, nodePort: 30080 }] })];
  const ctx = fakeContext({ services: stored });
  const taken = svc('x', { type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] });
  assert.equal(invalidMessage(() => serviceDefinition.prepareForCreate!(taken, ctx)), 'Service "x" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated');
  const range = svc('x', { type: 'NodePort', ports: [{ port: 80, nodePort: 8080 }] });
  assert.equal(invalidMessage(() => serviceDefinition.prepareForCreate!(range, ctx)), 'Service "x" is invalid: spec.ports[0].nodePort: Invalid value: 8080: provided port is not in the valid range. The range of valid ports is 30000-32767');
  const ip = svc('x', { clusterIP: '10.96.0.10', ports: [{ port: 53 }] });
  assert.equal(invalidMessage(() => serviceDefinition.prepareForCreate!(ip, ctx)), 'Service "x" is invalid: spec.clusterIPs: Invalid value: []string{"10.96.0.10"}: failed to allocate IP 10.96.0.10: provided IP is already allocated');
  const out = svc('x', { clusterIP: '1.1.1.1', ports: [{ port: 53 }] });
  assert.equal(
    invalidMessage(() => serviceDefinition.prepareForCreate!(out, ctx)),
    'Service "x" is invalid: spec.clusterIPs: Invalid value: []string{"1.1.1.1"}: failed to allocate IP 1.1.1.1: the provided IP (1.1.1.1) is not in the valid range. The range of valid IPs is 10.96.0.0/12',
  );
  const bad = svc('x', { clusterIP: '10.96.300.1', ports: [{ port: 53 }] });
  assert.equal(invalidMessage(() => serviceDefinition.prepareForCreate!(bad, ctx)), 'Service "x" is invalid: spec.clusterIPs[0]: Invalid value: "10.96.300.1": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)');
  // A static node port in the static band is fine when free.
  const ok = svc('y', { type: 'NodePort', ports: [{ port: 80, nodePort: 30001 }] });
  allocateCreate(ok, ctx);
  assert.equal(ok.spec.ports[0].nodePort, 30001);
});

test('validation of the common mistakes', () => {
  const v = (spec: Record<string, unknown>) => {
    const s = svc('x', spec);
    defaultService(s);
    return messages(validateService(s));
  };
  assert.deepEqual(v({}), ['spec.ports: Required value']);
  assert.deepEqual(v({ type: 'Nodeport', ports: [{ port: 80 }] }), ['spec.type: Unsupported value: "Nodeport": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"']);
  assert.deepEqual(v({ ports: [{ port: 80 }, { port: 81 }] }), ['spec.ports[0].name: Required value', 'spec.ports[1].name: Required value']);
  assert.deepEqual(v({ ports: [{ port: 0 }] }), ['spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive', 'spec.ports[0].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive']);
  assert.deepEqual(v({ ports: [{ port: 80, protocol: 'tcp' }] }), ['spec.ports[0].protocol: Unsupported value: "tcp": supported values: "SCTP", "TCP", "UDP"']);
  assert.deepEqual(v({ ports: [{ port: 80, targetPort: 'http_port' }] }), ['spec.ports[0].targetPort: Invalid value: "http_port": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)']);
  assert.deepEqual(v({ ports: [{ port: 80, nodePort: 30080 }] }), ["spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"]);
  assert.deepEqual(v({ ports: [{ name: 'a', port: 80 }, { name: 'a', port: 80 }] }), [
    'spec.ports[1].name: Duplicate value: "a"',
    'spec.ports[1]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}',
  ]);
  assert.deepEqual(v({ type: 'ExternalName' }), ['spec.externalName: Required value']);
  assert.deepEqual(v({ selector: { 'app name': 'x' }, ports: [{ port: 80 }] }).length, 1);
  assert.deepEqual(v({ sessionAffinity: 'Sticky', ports: [{ port: 80 }] }), ['spec.sessionAffinity: Unsupported value: "Sticky": supported values: "ClientIP", "None"']);
  assert.deepEqual(v({ type: 'NodePort', clusterIP: 'None', clusterIPs: ['None'], ports: [{ port: 80 }] }), ["spec.clusterIPs[0]: Invalid value: \"None\": may not be set to 'None' for NodePort services"]);
});

test('update: clusterIP may not change; omitted allocations are kept; type changes release them', () => {
  const ctx = fakeContext({ services: [] });
  const old = create(svc('web', { type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 80, nodePort: 30080 }] }));
  const changed = svc('web', { ...structuredClone(old.spec), clusterIP: '10.96.1.2', clusterIPs: ['10.96.1.2'] });
  serviceDefinition.prepareForUpdate!(changed, old, ctx);
  assert.deepEqual(messages(validateServiceUpdate(changed, old)), ['spec.clusterIPs[0]: Invalid value: []string{"10.96.1.2"}: may not change once set']);
  // kubectl replace without clusterIP/nodePort keeps what was allocated.
  const replaced = svc('web', { type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 80 }] });
  serviceDefinition.prepareForUpdate!(replaced, old, ctx);
  assert.equal(replaced.spec.clusterIP, old.spec.clusterIP);
  assert.equal(replaced.spec.ports[0].nodePort, 30080);
  // NodePort -> ClusterIP (as kubectl apply sends it: the live nodePort still there) drops the port.
  const toClusterIP = svc('web', { ...structuredClone(old.spec), type: 'ClusterIP' });
  serviceDefinition.prepareForUpdate!(toClusterIP, old, ctx);
  assert.equal(toClusterIP.spec.ports[0].nodePort, undefined);
  assert.equal(toClusterIP.spec.externalTrafficPolicy, undefined);
  assert.deepEqual(messages(validateService(toClusterIP)), []);
  // -> ExternalName drops the cluster IP and the families.
  const toExt = svc('web', { ...structuredClone(old.spec), type: 'ExternalName', externalName: 'example.com' });
  serviceDefinition.prepareForUpdate!(toExt, old, ctx);
  assert.deepEqual([toExt.spec.clusterIP, toExt.spec.clusterIPs, toExt.spec.ipFamilies, toExt.spec.ipFamilyPolicy], [undefined, undefined, undefined, undefined]);
  assert.deepEqual(messages([...validateService(toExt), ...validateServiceUpdate(toExt, old)]), []);
  // ClusterIP -> NodePort allocates a node port.
  const cip = create(svc('c', { ports: [{ port: 80 }] }));
  const toNp = svc('c', { ...structuredClone(cip.spec), type: 'NodePort' });
  serviceDefinition.prepareForUpdate!(toNp, cip, ctx);
  assert.ok(toNp.spec.ports[0].nodePort >= 30086);
});

test('table rows: printService cells', () => {
  const row = (spec: Record<string, unknown>, status?: unknown) => serviceRow({ ...svc('s', spec, status), metadata: { name: 's', creationTimestamp: minutesAgo(3) } }, NOW);
  assert.deepEqual(row({ type: 'ClusterIP', clusterIPs: ['10.96.0.1'], ports: [{ port: 443, protocol: 'TCP' }] }), ['s', 'ClusterIP', '10.96.0.1', '<none>', '443/TCP', '3m', '<none>']);
  assert.deepEqual(row({ type: 'NodePort', clusterIPs: ['10.100.1.1'], selector: { app: 'web', tier: 'fe' }, ports: [{ port: 80, nodePort: 30080, protocol: 'TCP' }] }), [
    's', 'NodePort', '10.100.1.1', '<none>', '80:30080/TCP', '3m', 'app=web,tier=fe',
  ]);
  assert.deepEqual(row({ type: 'LoadBalancer', clusterIPs: ['10.100.1.2'], ports: [{ port: 80, nodePort: 31000, protocol: 'TCP' }] }, { loadBalancer: {} })[3], '<pending>');
  assert.equal(row({ type: 'LoadBalancer', clusterIPs: ['10.100.1.2'], ports: [] }, { loadBalancer: { ingress: [{ ip: '192.168.1.20' }, { hostname: 'lb.example.com' }] } })[3], '192.168.1.20,lb.example.com');
  assert.equal(row({ type: 'LoadBalancer', externalIPs: ['1.2.3.4'], ports: [] }, { loadBalancer: { ingress: [{ ip: '5.6.7.8' }] } })[3], '5.6.7.8,1.2.3.4');
  assert.deepEqual(row({ type: 'ExternalName', externalName: 'www.example.com' }).slice(1, 5), ['ExternalName', '<none>', 'www.example.com', '<none>']);
  assert.deepEqual(row({ type: 'ClusterIP', clusterIPs: ['None'], externalIPs: ['1.1.1.1', '2.2.2.2'], ports: [{ port: 53, protocol: 'UDP' }, { port: 53, protocol: 'TCP' }] }).slice(2, 5), ['None', '1.1.1.1,2.2.2.2', '53/UDP,53/TCP']);
});
