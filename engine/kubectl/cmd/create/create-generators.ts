// The remaining `kubectl create <generator>` subcommands: namespace, service
// clusterip|nodeport|loadbalancer|externalname, secret tls|docker-registry, job, cronjob,
// ingress, serviceaccount, role, rolebinding, clusterrole, clusterrolebinding, quota,
// priorityclass, poddisruptionbudget, token. Objects are Go structs: keys in struct order.
// Upstream: kubernetes/kubectl pkg/cmd/create/create_namespace.go, create_service.go,
// create_secret_tls.go, create_secret_docker.go, create_job.go, create_cronjob.go,
// create_ingress.go, create_serviceaccount.go, create_role.go, create_rolebinding.go,
// create_clusterrole.go, create_clusterrolebinding.go, create_quota.go, create_priorityclass.go,
// create_pdb.go, create_token.go.

import type { RestMapping } from '../../client/rest-mapper';
import type { CommandContext, CommandSpec } from '../../cli/command';
import { KubectlError, UsageError } from '../../errors';
import { resolvePath } from '../../io';
import { bytesToBase64 } from '../../kubeconfig';
import type { KubeObject } from '../../printers/name-printer';
import { resourcePath } from '../../client/rest-mapper';
import { canonicalQuantity } from '../quantity';
import { createAndPrint, dryRunStrategy, enforcedNamespace, requireName, type CreateTarget } from './create-util';
import { createNamespaceDocs } from '../docs/create-namespace';
import { createServiceDocs } from '../docs/create-service';
import { createServiceClusteripDocs } from '../docs/create-service-clusterip';
import { createServiceNodeportDocs } from '../docs/create-service-nodeport';
import { createServiceLoadbalancerDocs } from '../docs/create-service-loadbalancer';
import { createServiceExternalnameDocs } from '../docs/create-service-externalname';
import { createSecretTlsDocs } from '../docs/create-secret-tls';
import { createSecretDockerRegistryDocs } from '../docs/create-secret-docker-registry';
import { createJobDocs } from '../docs/create-job';
import { createCronjobDocs } from '../docs/create-cronjob';
import { createIngressDocs } from '../docs/create-ingress';
import { createServiceaccountDocs } from '../docs/create-serviceaccount';
import { createRoleDocs } from '../docs/create-role';
import { createRolebindingDocs } from '../docs/create-rolebinding';
import { createClusterroleDocs } from '../docs/create-clusterrole';
import { createClusterrolebindingDocs } from '../docs/create-clusterrolebinding';
import { createQuotaDocs } from '../docs/create-quota';
import { createPriorityclassDocs } from '../docs/create-priorityclass';
import { createPoddisruptionbudgetDocs } from '../docs/create-poddisruptionbudget';
import { createTokenDocs } from '../docs/create-token';
import { defaultSubCommandRun } from '../config/config';
import { Factory } from '../../factory';
import type { ParsedFlags } from '../../cli/command';

/** The parsed flags as the factory should see them: names listed are local, not global. */
function withoutFlags(flags: ParsedFlags, names: string[]): ParsedFlags {
  return new Proxy(flags, {
    get(target, prop, receiver) {
      if (prop === 'has') return (n: string) => !names.includes(n) && target.has(n);
      const v = Reflect.get(target, prop, receiver);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function meta(ctx: CommandContext, name: string, namespaced = true): Promise<Json> {
  const ns = namespaced ? await enforcedNamespace(ctx) : undefined;
  return { name, ...(ns ? { namespace: ns } : {}), creationTimestamp: null };
}

function gen(docs: object, short: string, run: (ctx: CommandContext) => Promise<number>, extra: Partial<CommandSpec> = {}): CommandSpec {
  return { ...(docs as CommandSpec), short, run, ...extra };
}

const rbacGroup = 'rbac.authorization.k8s.io';

// ---------------------------------------------------------------- namespace, serviceaccount

async function runCreateNamespace(ctx: CommandContext): Promise<number> {
  const name = requireName(ctx, ctx.args);
  const dryRun = dryRunStrategy(ctx);
  const obj = { kind: 'Namespace', apiVersion: 'v1', metadata: await meta(ctx, name, false), spec: {}, status: {} };
  return createAndPrint(ctx, obj, { group: '', version: 'v1', resource: 'namespaces', namespaced: false }, dryRun);
}

async function runCreateServiceAccount(ctx: CommandContext): Promise<number> {
  const name = requireName(ctx, ctx.args);
  const dryRun = dryRunStrategy(ctx);
  const obj = { kind: 'ServiceAccount', apiVersion: 'v1', metadata: await meta(ctx, name) };
  return createAndPrint(ctx, obj, { group: '', version: 'v1', resource: 'serviceaccounts', what: 'serviceaccount' }, dryRun);
}

// ---------------------------------------------------------------- service

type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';

// Upstream: create_service.go ServiceOptions.createService.
async function runCreateService(ctx: CommandContext, type: ServiceType): Promise<number> {
  const name = requireName(ctx, ctx.args);
  const dryRun = dryRunStrategy(ctx);
  const f = ctx.flags;
  const tcp = f.has('tcp') ? f.strings('tcp') : [];
  if (type !== 'ExternalName' && tcp.length === 0) throw new KubectlError('at least one tcp port specifier must be provided');
  if (type === 'ExternalName') {
    const ext = f.string('external-name');
    if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(ext) || ext.length > 253) {
      throw new KubectlError(`invalid service external name ${ext}`);
    }
  }
  const ports: Json[] = [];
  for (const spec of tcp) {
    const parts = spec.split(':');
    const port = Number(parts[0]);
    if (!/^\d+$/.test(parts[0])) throw new KubectlError(`strconv.Atoi: parsing ${JSON.stringify(parts[0])}: invalid syntax`);
    let targetPort: number | string = port;
    if (parts.length > 1) targetPort = /^\d+$/.test(parts[1]) ? Number(parts[1]) : parts[1];
    const p: Json = { name: parts.length > 1 ? `${parts[0]}-${parts[1]}` : parts[0], protocol: 'TCP', port, targetPort };
    if (type === 'NodePort' && f.has('node-port') && f.number('node-port') > 0) p.nodePort = f.number('node-port');
    ports.push(p);
  }
  const spec: Json = {};
  if (ports.length) spec.ports = ports;
  spec.selector = { app: name };
  const clusterIP = f.has('clusterip') ? f.string('clusterip') : '';
  if (clusterIP) spec.clusterIP = clusterIP;
  spec.type = type;
  if (type === 'ExternalName') spec.externalName = f.string('external-name');
  const m = await meta(ctx, name);
  const obj = { kind: 'Service', apiVersion: 'v1', metadata: { ...m, labels: { app: name } }, spec, status: { loadBalancer: {} } };
  return createAndPrint(ctx, obj, { group: '', version: 'v1', resource: 'services', what: `${type} service` }, dryRun);
}

// ---------------------------------------------------------------- secrets

async function readFileBytes(ctx: CommandContext, path: string): Promise<Uint8Array> {
  try {
    return await ctx.io.fs.readFile(resolvePath(ctx.io, path));
  } catch {
    throw new KubectlError(`Cannot read file ${path}, open ${path}: no such file or directory`);
  }
}

async function runCreateSecretTls(ctx: CommandContext): Promise<number> {
  const name = requireName(ctx, ctx.args);
  const dryRun = dryRunStrategy(ctx);
  const cert = ctx.flags.string('cert');
  const key = ctx.flags.string('key');
  if (!cert || !key) throw new KubectlError('key and cert must be specified');
  const certBytes = await readFileBytes(ctx, cert);
  const keyBytes = await readFileBytes(ctx, key);
  const text = (b: Uint8Array) => new TextDecoder().decode(b);
  // Upstream: tls.X509KeyPair — PEM blocks present, the certificate parses, the key matches it.
  if (!/-----BEGIN CERTIFICATE-----/.test(text(certBytes))) throw new KubectlError('tls: failed to find any PEM data in certificate input');
  if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text(keyBytes))) throw new KubectlError('tls: failed to find any PEM data in key input');
  const nodeCrypto = await import('node:crypto');
  let x509: import('node:crypto').X509Certificate;
  try {
    x509 = new nodeCrypto.X509Certificate(certBytes);
  } catch {
    throw new KubectlError('x509: malformed certificate');
  }
  let privateKey: import('node:crypto').KeyObject;
  try {
    privateKey = nodeCrypto.createPrivateKey(Buffer.from(keyBytes));
  } catch {
    throw new KubectlError('tls: failed to parse private key');
  }
  if (!x509.checkPrivateKey(privateKey)) throw new KubectlError('tls: private key does not match public key');
  const obj = {
    kind: 'Secret',
    apiVersion: 'v1',
    metadata: await meta(ctx, name),
    data: { 'tls.crt': bytesToBase64(certBytes), 'tls.key': bytesToBase64(keyBytes) },
    type: 'kubernetes.io/tls',
  };
  return createAndPrint(ctx, obj, { group: '', version: 'v1', resource: 'secrets', what: 'secret' }, dryRun);
}

async function runCreateSecretDockerRegistry(ctx: CommandContext): Promise<number> {
  const name = requireName(ctx, ctx.args);
  const dryRun = dryRunStrategy(ctx);
  const f = ctx.flags;
  const user = f.string('docker-username');
  const pass = f.string('docker-password');
  if (f.strings('from-file').length === 0 && (!user || !pass)) {
    throw new UsageError(ctx.command.path, 'either --from-file or the combination of --docker-username, --docker-password and --docker-server is required');
  }
  const server = f.string('docker-server');
  const email = f.string('docker-email');
  const enc = (s: string) => bytesToBase64(new TextEncoder().encode(s));
  const entry: Json = { username: user, password: pass, ...(email ? { email } : {}), auth: enc(`${user}:${pass}`) };
  // DockerConfigJSON in Go struct order: username, password, email (omitempty), auth.
  const ordered = `{"auths":{${JSON.stringify(server)}:{"username":${JSON.stringify(user)},"password":${JSON.stringify(pass)}${email ? `,"email":${JSON.stringify(email)}` : ''},"auth":${JSON.stringify(entry.auth)}}}}`;
  const obj = {
    kind: 'Secret',
    apiVersion: 'v1',
    metadata: await meta(ctx, name),
    data: { '.dockerconfigjson': enc(ordered) },
    type: 'kubernetes.io/dockerconfigjson',
  };
  return createAndPrint(ctx, obj, { group: '', version: 'v1', resource: 'secrets', what: 'secret' }, dryRun);
}

// ---------------------------------------------------------------- job, cronjob

function containerFor(name: string, image: string, command: string[]): Json {
  return { name, image, ...(command.length ? { command } : {}), resources: {} };
}

function splitCommand(ctx: CommandContext): { names: string[]; command: string[] } {
  const dash = ctx.argsLenAtDash;
  return { names: dash >= 0 ? ctx.args.slice(0, dash) : ctx.args, command: dash >= 0 ? ctx.args.slice(dash) : [] };
}

// Upstream: create_job.go (createJob, createJobFromCronJob).
async function runCreateJob(ctx: CommandContext): Promise<number> {
  const { names, command } = splitCommand(ctx);
  const name = requireName(ctx, names);
  const dryRun = dryRunStrategy(ctx);
  const image = ctx.flags.string('image');
  const from = ctx.flags.string('from');
  if (!image && !from) throw new UsageError(ctx.command.path, 'either --image or --from must be specified');
  if (image && from) throw new UsageError(ctx.command.path, 'either --image or --from must be specified');
  if (command.length && from) throw new UsageError(ctx.command.path, 'cannot specify --from and command');
  const m = await meta(ctx, name);
  let obj: KubeObject;
  if (from) {
    const [kind, cjName] = from.split('/');
    if (!cjName || !['cronjob', 'cronjobs', 'cj', 'cronjob.batch', 'cronjobs.batch'].includes(kind.toLowerCase())) {
      throw new KubectlError(`from must be an existing cronjob: ${from}`);
    }
    const client = await ctx.factory.client();
    const ns = (await ctx.factory.namespace()).namespace;
    const cj = await client.json<Json>({ path: resourcePath({ group: 'batch', version: 'v1', resource: 'cronjobs', namespaced: true } as never, ns, cjName) });
    const annotations: Record<string, string> = { 'cronjob.kubernetes.io/instantiate': 'manual', ...(cj.spec?.jobTemplate?.metadata?.annotations ?? {}) };
    obj = {
      kind: 'Job',
      apiVersion: 'batch/v1',
      metadata: {
        ...m,
        ...(cj.spec?.jobTemplate?.metadata?.labels ? { labels: cj.spec.jobTemplate.metadata.labels } : {}),
        annotations,
        ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: cj.metadata.name, uid: cj.metadata.uid, controller: true }],
      },
      spec: cj.spec?.jobTemplate?.spec ?? {},
      status: {},
    };
  } else {
    obj = {
      kind: 'Job',
      apiVersion: 'batch/v1',
      metadata: m,
      spec: { template: { metadata: { creationTimestamp: null }, spec: { containers: [containerFor(name, image, command)], restartPolicy: 'Never' } } },
      status: {},
    };
  }
  return createAndPrint(ctx, obj, { group: 'batch', version: 'v1', resource: 'jobs', what: 'job' }, dryRun);
}

async function runCreateCronJob(ctx: CommandContext): Promise<number> {
  const { names, command } = splitCommand(ctx);
  const name = requireName(ctx, names);
  const dryRun = dryRunStrategy(ctx);
  const restart = ctx.flags.string('restart') || 'OnFailure';
  if (restart !== 'OnFailure' && restart !== 'Never') throw new KubectlError(`invalid restart policy: ${restart}`);
  const obj = {
    kind: 'CronJob',
    apiVersion: 'batch/v1',
    metadata: await meta(ctx, name),
    spec: {
      schedule: ctx.flags.string('schedule'),
      jobTemplate: {
        metadata: { name, creationTimestamp: null },
        spec: { template: { metadata: { creationTimestamp: null }, spec: { containers: [containerFor(name, ctx.flags.string('image'), command)], restartPolicy: restart } } },
      },
    },
    status: {},
  };
  return createAndPrint(ctx, obj, { group: 'batch', version: 'v1', resource: 'cronjobs', what: 'cronjob' }, dryRun);
}

// ---------------------------------------------------------------- ingress

// Upstream: create_ingress.go (buildIngressSpec, buildRules, buildIngressBackendSvc).
function ingressBackend(svc: string): Json {
  const [name, port] = svc.split(':');
  return { service: { name, port: /^\d+$/.test(port ?? '') ? { number: Number(port) } : { name: port } } };
}

async function runCreateIngress(ctx: CommandContext): Promise<number> {
  const name = requireName(ctx, ctx.args);
  const dryRun = dryRunStrategy(ctx);
  const f = ctx.flags;
  const rules = f.strings('rule');
  const defaultBackend = f.string('default-backend');
  if (!defaultBackend && rules.length === 0) throw new KubectlError('not enough information provided: every ingress has to either specify a default-backend (which catches all traffic) or a list of rules (which catch specific paths)');
  const ruleRe = /^(\*?[0-9a-zA-Z\-_.]+)?\/(.*)=([^:]+:[^:,]+)(,tls(=[^,]+)?)?$/;
  const specRules: Json[] = [];
  const tls: Json[] = [];
  for (const r of rules) {
    const m = ruleRe.exec(r);
    if (!m) throw new KubectlError(`rule ${r} is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]`);
    const host = m[1] ?? '';
    let path = '/' + m[2];
    let pathType = 'Exact';
    if (path.endsWith('*')) {
      pathType = 'Prefix';
      path = path.slice(0, -1);
    }
    const entry = { path, pathType, backend: ingressBackend(m[3]) };
    let rule = specRules.find((x) => (x.host ?? '') === host);
    if (!rule) {
      rule = { ...(host ? { host } : {}), http: { paths: [] } };
      specRules.push(rule);
    }
    rule.http.paths.push(entry);
    if (m[4]) {
      const secret = m[5]?.slice(1);
      const t = tls.find((x) => (x.secretName ?? '') === (secret ?? ''));
      if (t) {
        if (host && !(t.hosts ?? []).includes(host)) t.hosts = [...(t.hosts ?? []), host];
      } else tls.push({ ...(host ? { hosts: [host] } : {}), ...(secret ? { secretName: secret } : {}) });
    }
  }
  const annotations: Record<string, string> = {};
  for (const a of f.strings('annotation')) {
    const i = a.indexOf('=');
    annotations[a.slice(0, i)] = a.slice(i + 1);
  }
  const spec: Json = {};
  if (f.string('class')) spec.ingressClassName = f.string('class');
  if (defaultBackend) spec.defaultBackend = ingressBackend(defaultBackend);
  if (tls.length) spec.tls = tls;
  if (specRules.length) spec.rules = specRules;
  const m = await meta(ctx, name);
  const obj = {
    kind: 'Ingress',
    apiVersion: 'networking.k8s.io/v1',
    metadata: { ...m, ...(Object.keys(annotations).length ? { annotations } : {}) },
    spec,
    status: { loadBalancer: {} },
  };
  return createAndPrint(ctx, obj, { group: 'networking.k8s.io', version: 'v1', resource: 'ingresses', what: 'ingress' }, dryRun);
}

// ---------------------------------------------------------------- rbac

const validVerbs = ['*', 'get', 'delete', 'list', 'create', 'update', 'patch', 'watch', 'proxy', 'deletecollection', 'use', 'bind', 'escalate', 'impersonate'];

// Upstream: create_role.go (Validate, generateResourcePolicyRules).
async function buildRules(ctx: CommandContext, nonResourceURLs: string[] = []): Promise<Json[]> {
  const f = ctx.flags;
  const verbs = f.strings('verb');
  const resources = f.strings('resource');
  const resourceNames = f.has('resource-name') ? f.strings('resource-name') : [];
  if (verbs.length === 0) throw new KubectlError('at least one verb must be specified');
  if (resources.length === 0 && nonResourceURLs.length === 0) throw new KubectlError('at least one resource must be specified');
  for (const v of verbs) if (!validVerbs.includes(v)) ctx.io.stderr.write(`Warning: '${v}' is not a standard resource verb\n`);
  let mapper = resources.length ? await ctx.factory.mapper() : undefined;
  const groups: [string, string[]][] = [];
  for (const r of resources) {
    const [res, sub] = r.split('/');
    const dot = res.indexOf('.');
    let group = dot >= 0 ? res.slice(dot + 1) : '';
    let plural = dot >= 0 ? res.slice(0, dot) : res;
    if (plural !== '*') {
      const arg = dot >= 0 ? `${plural}.${group}` : plural;
      let m: RestMapping | undefined;
      try {
        m = mapper!.mappingFor(arg);
      } catch {
        // Maybe only the cached discovery lacks it.
        mapper = (await ctx.factory.freshMapper()) ?? mapper;
        try {
          m = mapper!.mappingFor(arg);
        } catch {
          throw new KubectlError(`resource ${JSON.stringify(res)} not found`);
        }
      }
      plural = m.resource;
      group = m.group;
    }
    const full = sub ? `${plural}/${sub}` : plural;
    const g = groups.find(([name]) => name === group);
    if (g) g[1].push(full);
    else groups.push([group, [full]]);
  }
  const rules: Json[] = groups.map(([group, res]) => ({ verbs, apiGroups: [group], resources: res, ...(resourceNames.length ? { resourceNames } : {}) }));
  if (nonResourceURLs.length) rules.push({ verbs, nonResourceURLs });
  return rules;
}

async function runCreateRole(ctx: CommandContext, cluster: boolean): Promise<number> {
  const name = requireName(ctx, ctx.args);
  const dryRun = dryRunStrategy(ctx);
  const nonResource = cluster && ctx.flags.has('non-resource-url') ? ctx.flags.strings('non-resource-url') : [];
  const aggregation = cluster ? ctx.flags.string('aggregation-rule') : '';
  let obj: Json;
  if (aggregation) {
    const labels: Record<string, string> = {};
    for (const p of aggregation.split(',')) {
      const i = p.indexOf('=');
      labels[p.slice(0, i)] = p.slice(i + 1);
    }
    obj = { kind: 'ClusterRole', apiVersion: `${rbacGroup}/v1`, metadata: await meta(ctx, name, false), rules: null, aggregationRule: { clusterRoleSelectors: [{ matchLabels: labels }] } };
  } else {
    const rules = await buildRules(ctx, nonResource);
    obj = { kind: cluster ? 'ClusterRole' : 'Role', apiVersion: `${rbacGroup}/v1`, metadata: await meta(ctx, name, !cluster), rules };
  }
  const target: CreateTarget = { group: rbacGroup, version: 'v1', resource: cluster ? 'clusterroles' : 'roles', namespaced: !cluster };
  return createAndPrint(ctx, obj, target, dryRun);
}

// Upstream: create_rolebinding.go / create_clusterrolebinding.go.
async function runCreateBinding(ctx: CommandContext, cluster: boolean): Promise<number> {
  // The command's own --user shadows the global one (pflag): it must not pick a kubeconfig user.
  ctx.factory = new Factory(ctx.io, withoutFlags(ctx.flags, ['user']));
  const name = requireName(ctx, ctx.args);
  const dryRun = dryRunStrategy(ctx);
  const f = ctx.flags;
  const clusterRole = f.string('clusterrole');
  const role = cluster ? '' : f.string('role');
  if (!cluster && ((clusterRole && role) || (!clusterRole && !role))) throw new KubectlError('exactly one of clusterrole or role must be specified');
  const subjects: Json[] = [];
  for (const u of f.strings('user')) subjects.push({ kind: 'User', apiGroup: rbacGroup, name: u });
  for (const g of f.strings('group')) subjects.push({ kind: 'Group', apiGroup: rbacGroup, name: g });
  for (const sa of f.strings('serviceaccount')) {
    const parts = sa.split(':');
    if (parts.length !== 2 || !parts[0] || !parts[1]) throw new KubectlError(`serviceaccount must be <namespace>:<name>`);
    subjects.push({ kind: 'ServiceAccount', name: parts[1], namespace: parts[0] });
  }
  const obj: Json = {
    kind: cluster ? 'ClusterRoleBinding' : 'RoleBinding',
    apiVersion: `${rbacGroup}/v1`,
    metadata: await meta(ctx, name, !cluster),
    ...(subjects.length ? { subjects } : {}),
    roleRef: { apiGroup: rbacGroup, kind: role ? 'Role' : 'ClusterRole', name: role || clusterRole },
  };
  return createAndPrint(ctx, obj, { group: rbacGroup, version: 'v1', resource: cluster ? 'clusterrolebindings' : 'rolebindings', namespaced: !cluster }, dryRun);
}

// ---------------------------------------------------------------- quota, priorityclass, pdb

async function runCreateQuota(ctx: CommandContext): Promise<number> {
  const name = requireName(ctx, ctx.args);
  const dryRun = dryRunStrategy(ctx);
  const hard: Record<string, string> = {};
  const hardText = ctx.flags.string('hard');
  if (hardText) {
    for (const p of hardText.split(',')) {
      const i = p.indexOf('=');
      if (i < 0) throw new KubectlError(`invalid argument syntax ${p}, expected <resource>=<value>`);
      const q = canonicalQuantity(p.slice(i + 1));
      if (q === undefined) throw new KubectlError(`quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`);
      hard[p.slice(0, i)] = q;
    }
  }
  const scopes = ctx.flags.string('scopes') ? ctx.flags.string('scopes').split(',') : [];
  const spec: Json = {};
  // ResourceList is a Go map: JSON keys come out sorted.
  if (Object.keys(hard).length) spec.hard = Object.fromEntries(Object.entries(hard).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  if (scopes.length) spec.scopes = scopes;
  const obj = { kind: 'ResourceQuota', apiVersion: 'v1', metadata: await meta(ctx, name), spec, status: {} };
  return createAndPrint(ctx, obj, { group: '', version: 'v1', resource: 'resourcequotas', what: 'quota' }, dryRun);
}

async function runCreatePriorityClass(ctx: CommandContext): Promise<number> {
  const name = requireName(ctx, ctx.args);
  const dryRun = dryRunStrategy(ctx);
  const f = ctx.flags;
  const obj = {
    kind: 'PriorityClass',
    apiVersion: 'scheduling.k8s.io/v1',
    metadata: await meta(ctx, name, false),
    value: f.number('value'),
    ...(f.bool('global-default') ? { globalDefault: true } : {}),
    ...(f.string('description') ? { description: f.string('description') } : {}),
    preemptionPolicy: f.string('preemption-policy') || 'PreemptLowerPriority',
  };
  return createAndPrint(ctx, obj, { group: 'scheduling.k8s.io', version: 'v1', resource: 'priorityclasses', what: 'priorityclass', namespaced: false }, dryRun);
}

async function runCreatePdb(ctx: CommandContext): Promise<number> {
  const name = requireName(ctx, ctx.args);
  const dryRun = dryRunStrategy(ctx);
  const f = ctx.flags;
  const selector = f.string('selector');
  const minA = f.string('min-available');
  const maxU = f.string('max-unavailable');
  if (!selector) throw new KubectlError('a selector must be specified');
  if (!minA && !maxU) throw new KubectlError('one of min-available or max-unavailable must be specified');
  if (minA && maxU) throw new KubectlError('min-available and max-unavailable cannot be both specified');
  const intOrString = (v: string) => (/^\d+$/.test(v) ? Number(v) : v);
  const matchLabels: Record<string, string> = {};
  for (const p of selector.split(',')) {
    const [k, v] = p.split('=');
    matchLabels[k.trim()] = (v ?? '').trim();
  }
  const spec: Json = {};
  if (minA) spec.minAvailable = intOrString(minA);
  spec.selector = { matchLabels };
  if (maxU) spec.maxUnavailable = intOrString(maxU);
  const obj = {
    kind: 'PodDisruptionBudget',
    apiVersion: 'policy/v1',
    metadata: await meta(ctx, name),
    spec,
    status: { disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 },
  };
  return createAndPrint(ctx, obj, { group: 'policy', version: 'v1', resource: 'poddisruptionbudgets', what: 'poddisruptionbudgets' }, dryRun);
}

// ---------------------------------------------------------------- token

async function runCreateToken(ctx: CommandContext): Promise<number> {
  const name = requireName(ctx, ctx.args);
  const f = ctx.flags;
  const ns = (await ctx.factory.namespace()).namespace;
  const client = await ctx.factory.client();
  const audiences = f.strings('audience');
  const duration = f.number('duration');
  const body = {
    kind: 'TokenRequest',
    apiVersion: 'authentication.k8s.io/v1',
    metadata: { creationTimestamp: null },
    spec: { audiences: audiences.length ? audiences : null, expirationSeconds: duration > 0 ? Math.floor(duration / 1000) : null, boundObjectRef: null },
    status: { token: '', expirationTimestamp: null },
  };
  let res: Json;
  try {
    res = await client.json<Json>({ method: 'POST', path: `/api/v1/namespaces/${ns}/serviceaccounts/${name}/token`, body });
  } catch (e) {
    throw new KubectlError(`failed to create token: ${(e as Error).message}`);
  }
  if (!res.status?.token) throw new KubectlError('failed to create token: no token in server response');
  ctx.io.stdout.write(res.status.token + '\n');
  return 0;
}

export const createNamespaceCommand = gen(createNamespaceDocs, 'Create a namespace with the specified name', runCreateNamespace);
export const createServiceAccountCommand = gen(createServiceaccountDocs, 'Create a service account with the specified name', runCreateServiceAccount);
export const createServiceCommand: CommandSpec = {
  ...(createServiceDocs as CommandSpec),
  short: 'Create a service using a specified subcommand',
  run: defaultSubCommandRun,
  subcommands: [
    gen(createServiceClusteripDocs, 'Create a ClusterIP service', (ctx) => runCreateService(ctx, 'ClusterIP')),
    gen(createServiceExternalnameDocs, 'Create an ExternalName service', (ctx) => runCreateService(ctx, 'ExternalName'), { requiredFlags: ['external-name'] }),
    gen(createServiceLoadbalancerDocs, 'Create a LoadBalancer service', (ctx) => runCreateService(ctx, 'LoadBalancer')),
    gen(createServiceNodeportDocs, 'Create a NodePort service', (ctx) => runCreateService(ctx, 'NodePort')),
  ],
};
export const createSecretTlsCommand = gen(createSecretTlsDocs, 'Create a TLS secret', runCreateSecretTls);
export const createSecretDockerRegistryCommand = gen(createSecretDockerRegistryDocs, 'Create a secret for use with a Docker registry', runCreateSecretDockerRegistry);
export const createJobCommand = gen(createJobDocs, 'Create a job with the specified name', runCreateJob);
export const createCronJobCommand = gen(createCronjobDocs, 'Create a cron job with the specified name', runCreateCronJob, { requiredFlags: ['schedule'] });
export const createIngressCommand = gen(createIngressDocs, 'Create an ingress with the specified name', runCreateIngress);
export const createRoleCommand = gen(createRoleDocs, 'Create a role with single rule', (ctx) => runCreateRole(ctx, false));
export const createClusterRoleCommand = gen(createClusterroleDocs, 'Create a cluster role', (ctx) => runCreateRole(ctx, true));
export const createRoleBindingCommand = gen(createRolebindingDocs, 'Create a role binding for a particular role or cluster role', (ctx) => runCreateBinding(ctx, false));
export const createClusterRoleBindingCommand = gen(createClusterrolebindingDocs, 'Create a cluster role binding for a particular cluster role', (ctx) => runCreateBinding(ctx, true));
export const createQuotaCommand = gen(createQuotaDocs, 'Create a quota with the specified name', runCreateQuota);
export const createPriorityClassCommand = gen(createPriorityclassDocs, 'Create a priority class with the specified name', runCreatePriorityClass);
export const createPdbCommand = gen(createPoddisruptionbudgetDocs, 'Create a pod disruption budget with the specified name', runCreatePdb);
export const createTokenCommand = gen(createTokenDocs, 'Request a service account token', runCreateToken);

