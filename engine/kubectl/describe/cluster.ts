// Namespaces, configuration and access kinds: Namespace (with quotas and limit ranges),
// ConfigMap, Secret, ServiceAccount, HorizontalPodAutoscaler, PodDisruptionBudget, PriorityClass,
// and the RBAC roles and bindings.
// Upstream: kubernetes/kubectl pkg/describe/describe.go (describeNamespace, DescribeResourceQuotas,
// DescribeLimitRanges, ConfigMapDescriber, describeSecret, describeServiceAccount,
// describeHorizontalPodAutoscalerV2, printDirectionBehavior, describePodDisruptionBudgetV1,
// describePriorityClass, RoleDescriber, RoleBindingDescriber, CombineResourceGroup),
// pkg/util/rbac/rbac.go (BreakdownRule, CompactRules, SortableRuleSlice).

import { isNotFound } from '../errors';
import type { DescribeApi } from './api';
import { describeEvents, refOf, searchEvents } from './events';
import { formatLabels, formatLabelSelector, intOrString, printAnnotationsMultiline, printLabelsMultiline, rfc1123z, type Obj } from './format';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, tabbedString, type PrefixWriter } from './prefix-writer';
import { canonicalQuantity, parseQuantity, formatQuantity } from './quantity';

async function optionalList(api: DescribeApi, path: string): Promise<Obj[] | undefined> {
  try {
    return await api.list(path);
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw e;
  }
}

export async function describeNamespaceByName(api: DescribeApi, _ns: string, name: string): Promise<string> {
  const ns = await api.get(`/api/v1/namespaces/${name}`);
  const quotas = await optionalList(api, `/api/v1/namespaces/${name}/resourcequotas`);
  const limitRanges = await optionalList(api, `/api/v1/namespaces/${name}/limitranges`);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${ns.metadata?.name}\n`);
    printLabelsMultiline(w, 'Labels', ns.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', ns.metadata?.annotations);
    w.write(LEVEL_0, `Status:\t${ns.status?.phase ?? ''}\n`);
    const conds: Obj[] = ns.status?.conditions ?? [];
    if (conds.length) {
      w.write(LEVEL_0, 'Conditions:\n');
      w.write(LEVEL_1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t------------------\t------\t-------\n');
      for (const c of conds) w.write(LEVEL_1, `${c.type}\t${c.status}\t${rfc1123z(c.lastTransitionTime)}\t${c.reason ?? ''}\t${c.message ?? ''}\n`);
    }
    if (quotas) {
      w.write(LEVEL_0, '\n');
      describeResourceQuotas(quotas, w);
    }
    if (limitRanges) {
      w.write(LEVEL_0, '\n');
      describeLimitRanges(limitRanges, w);
    }
  });
}

function describeResourceQuotas(quotas: Obj[], w: PrefixWriter): void {
  if (!quotas.length) {
    w.write(LEVEL_0, 'No resource quota.\n');
    return;
  }
  w.write(LEVEL_0, 'Resource Quotas\n');
  for (const q of [...quotas].sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1))) {
    w.write(LEVEL_1, `Name:\t${q.metadata?.name}\n`);
    w.write(LEVEL_1, 'Resource\tUsed\tHard\n');
    w.write(LEVEL_1, '--------\t---\t---\n');
    const hard = q.status?.hard ?? {};
    for (const r of Object.keys(hard).sort()) w.write(LEVEL_1, `${r}\t${canonicalQuantity(q.status?.used?.[r])}\t${canonicalQuantity(hard[r])}\n`);
  }
}

function describeLimitRanges(ranges: Obj[], w: PrefixWriter): void {
  if (!ranges.length) {
    w.write(LEVEL_0, 'No LimitRange resource.\n');
    return;
  }
  w.write(LEVEL_0, 'Resource Limits\n Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n');
  w.write(LEVEL_0, ' ----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n');
  for (const lr of ranges) {
    for (const item of lr.spec?.limits ?? []) {
      const keys = new Set<string>();
      for (const f of ['max', 'min', 'default', 'defaultRequest', 'maxLimitRequestRatio']) for (const k of Object.keys(item[f] ?? {})) keys.add(k);
      const v = (f: string, k: string) => (item[f]?.[k] !== undefined ? canonicalQuantity(item[f][k]) : '-');
      for (const k of keys) w.write(LEVEL_0, ` ${item.type}\t${k}\t${v('min', k)}\t${v('max', k)}\t${v('defaultRequest', k)}\t${v('default', k)}\t${v('maxLimitRequestRatio', k)}\n`);
    }
  }
}

// Go ranges over a map in random order; Kubelab prints data keys sorted (see differential README).
export async function describeConfigMapByName(api: DescribeApi, namespace: string, name: string, show: boolean): Promise<string> {
  const cm = await api.get(`/api/v1/namespaces/${namespace}/configmaps/${name}`);
  const events = show ? await searchEvents(api, refOf(cm, 'ConfigMap')) : undefined;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${cm.metadata?.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${cm.metadata?.namespace}\n`);
    printLabelsMultiline(w, 'Labels', cm.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', cm.metadata?.annotations);
    w.write(LEVEL_0, '\nData\n====\n');
    for (const k of Object.keys(cm.data ?? {}).sort()) {
      w.write(LEVEL_0, `${k}:\n----\n`);
      w.write(LEVEL_0, `${cm.data[k]}\n`);
      w.write(LEVEL_0, '\n');
    }
    w.write(LEVEL_0, '\nBinaryData\n====\n');
    for (const k of Object.keys(cm.binaryData ?? {}).sort()) w.write(LEVEL_0, `${k}: ${Buffer.from(cm.binaryData[k], 'base64').length} bytes\n`);
    w.write(LEVEL_0, '\n');
    if (events) describeEvents(events, w, api.now);
  });
}

export async function describeSecretByName(api: DescribeApi, namespace: string, name: string): Promise<string> {
  const s = await api.get(`/api/v1/namespaces/${namespace}/secrets/${name}`);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${s.metadata?.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${s.metadata?.namespace}\n`);
    printLabelsMultiline(w, 'Labels', s.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', s.metadata?.annotations);
    w.write(LEVEL_0, `\nType:\t${s.type ?? ''}\n`);
    w.write(LEVEL_0, '\nData\n====\n');
    for (const k of Object.keys(s.data ?? {}).sort()) {
      const bytes = Buffer.from(s.data[k], 'base64');
      if (k === 'token' && s.type === 'kubernetes.io/service-account-token') w.write(LEVEL_0, `${k}:\t${bytes.toString('utf8')}\n`);
      else w.write(LEVEL_0, `${k}:\t${bytes.length} bytes\n`);
    }
  });
}

export async function describeServiceAccountByName(api: DescribeApi, namespace: string, name: string, show: boolean): Promise<string> {
  const sa = await api.get(`/api/v1/namespaces/${namespace}/serviceaccounts/${name}`);
  const tokens: string[] = [];
  const missing = new Set<string>();
  try {
    const secrets = await api.list(`/api/v1/namespaces/${namespace}/secrets`);
    const existing = new Set<string>();
    for (const s of secrets) {
      if (s.type === 'kubernetes.io/service-account-token') {
        const a = s.metadata?.annotations ?? {};
        if (a['kubernetes.io/service-account.name'] === sa.metadata?.name && a['kubernetes.io/service-account.uid'] === sa.metadata?.uid) tokens.push(s.metadata.name);
      }
      existing.add(s.metadata?.name);
    }
    for (const s of [...(sa.secrets ?? []), ...(sa.imagePullSecrets ?? [])]) if (!existing.has(s.name)) missing.add(s.name);
  } catch {
    /* tolerated upstream */
  }
  const events = show ? await searchEvents(api, refOf(sa, 'ServiceAccount')) : undefined;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${sa.metadata?.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${sa.metadata?.namespace}\n`);
    printLabelsMultiline(w, 'Labels', sa.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', sa.metadata?.annotations);
    const empty = '                   ';
    // Headers in sorted order, as sets.List(sets.KeySet(types)) gives them.
    const groups: [string, string[]][] = [
      ['Image pull secrets:', (sa.imagePullSecrets ?? []).map((s: Obj) => s.name)],
      ['Mountable secrets: ', (sa.secrets ?? []).map((s: Obj) => s.name)],
      ['Tokens:            ', tokens],
    ];
    groups.sort((a, b) => (a[0] < b[0] ? -1 : 1));
    for (const [header, names] of groups) {
      if (!names.length) {
        w.write(LEVEL_0, `${header}\t<none>\n`);
        continue;
      }
      let prefix = header;
      for (const n of names) {
        w.write(LEVEL_0, `${prefix}\t${n}${missing.has(n) ? ' (not found)' : ''}\n`);
        prefix = empty;
      }
    }
    if (events) describeEvents(events, w, api.now);
  });
}

const q = (v: unknown) => formatQuantity(parseQuantity(v as string));

export async function describeHPAByName(api: DescribeApi, namespace: string, name: string, show: boolean): Promise<string> {
  const hpa = await api.get(`/apis/autoscaling/v2/namespaces/${namespace}/horizontalpodautoscalers/${name}`);
  const events = show ? await searchEvents(api, refOf(hpa, 'HorizontalPodAutoscaler')) : undefined;
  const spec = hpa.spec ?? {};
  const st = hpa.status ?? {};
  const current: Obj[] = st.currentMetrics ?? [];
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${hpa.metadata?.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${hpa.metadata?.namespace}\n`);
    printLabelsMultiline(w, 'Labels', hpa.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', hpa.metadata?.annotations);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(hpa.metadata?.creationTimestamp)}\n`);
    w.write(LEVEL_0, `Reference:\t${spec.scaleTargetRef?.kind ?? ''}/${spec.scaleTargetRef?.name ?? ''}\n`);
    w.write(LEVEL_0, 'Metrics:\t( current / target )\n');
    (spec.metrics ?? []).forEach((m: Obj, i: number) => {
      const cur = current[i];
      switch (m.type) {
        case 'External': {
          if (m.external?.target?.averageValue !== undefined) {
            const c = cur?.external?.current?.averageValue !== undefined ? q(cur.external.current.averageValue) : '<unknown>';
            w.write(LEVEL_1, `${JSON.stringify(m.external.metric?.name ?? '')} (target average value):\t${c} / ${q(m.external.target.averageValue)}\n`);
          } else {
            const c = cur?.external ? q(cur.external.current?.value) : '<unknown>';
            w.write(LEVEL_1, `${JSON.stringify(m.external?.metric?.name ?? '')} (target value):\t${c} / ${q(m.external?.target?.value)}\n`);
          }
          break;
        }
        case 'Pods': {
          const c = cur?.pods ? q(cur.pods.current?.averageValue) : '<unknown>';
          w.write(LEVEL_1, `${JSON.stringify(m.pods?.metric?.name ?? '')} on pods:\t${c} / ${q(m.pods?.target?.averageValue)}\n`);
          break;
        }
        case 'Object': {
          w.write(LEVEL_1, `"${m.object?.metric?.name ?? ''}" on ${m.object?.describedObject?.kind ?? ''}/${m.object?.describedObject?.name ?? ''} `);
          if (m.object?.target?.type === 'AverageValue') {
            const c = cur?.object ? q(cur.object.current?.averageValue) : '<unknown>';
            w.write(LEVEL_0, `(target average value):\t${c} / ${q(m.object.target.averageValue)}\n`);
          } else {
            const c = cur?.object ? q(cur.object.current?.value) : '<unknown>';
            w.write(LEVEL_0, `(target value):\t${c} / ${q(m.object?.target?.value)}\n`);
          }
          break;
        }
        case 'Resource':
        case 'ContainerResource': {
          const src = m.type === 'Resource' ? m.resource : m.containerResource;
          const curSrc = m.type === 'Resource' ? cur?.resource : cur?.containerResource;
          if (m.type === 'Resource') w.write(LEVEL_1, `resource ${src?.name ?? ''} on pods`);
          else w.write(LEVEL_1, `resource ${src?.name ?? ''} of container "${src?.container ?? ''}" on pods`);
          if (src?.target?.averageValue !== undefined) {
            const c = curSrc ? q(curSrc.current?.averageValue) : '<unknown>';
            w.write(LEVEL_0, `:\t${c} / ${q(src.target.averageValue)}\n`);
          } else {
            const util = curSrc?.current?.averageUtilization;
            const c = curSrc && util !== undefined && util !== null ? `${util}% (${q(curSrc.current?.averageValue)})` : '<unknown>';
            const t = src?.target?.averageUtilization !== undefined && src?.target?.averageUtilization !== null ? `${src.target.averageUtilization}%` : '<auto>';
            w.write(LEVEL_1, `(as a percentage of request):\t${c} / ${t}\n`);
          }
          break;
        }
        default:
          w.write(LEVEL_1, `<unknown metric type ${JSON.stringify(m.type ?? '')}>\n`);
      }
    });
    w.write(LEVEL_0, `Min replicas:\t${spec.minReplicas ?? '<unset>'}\n`);
    w.write(LEVEL_0, `Max replicas:\t${spec.maxReplicas ?? 0}\n`);
    if (spec.behavior) {
      w.write(LEVEL_0, 'Behavior:\n');
      printDirectionBehavior(w, 'Scale Up', spec.behavior.scaleUp);
      printDirectionBehavior(w, 'Scale Down', spec.behavior.scaleDown);
    }
    w.write(LEVEL_0, `${spec.scaleTargetRef?.kind ?? ''} pods:\t`);
    w.write(LEVEL_0, `${st.currentReplicas ?? 0} current / ${st.desiredReplicas ?? 0} desired\n`);
    if (st.conditions?.length) {
      w.write(LEVEL_0, 'Conditions:\n');
      w.write(LEVEL_1, 'Type\tStatus\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t------\t-------\n');
      for (const c of st.conditions) w.write(LEVEL_1, `${c.type}\t${c.status}\t${c.reason ?? ''}\t${c.message ?? ''}\n`);
    }
    if (events) describeEvents(events, w, api.now);
  });
}

function printDirectionBehavior(w: PrefixWriter, direction: string, rules: Obj | undefined): void {
  if (!rules) return;
  w.write(LEVEL_1, `${direction}:\n`);
  if (rules.stabilizationWindowSeconds !== undefined && rules.stabilizationWindowSeconds !== null) w.write(LEVEL_2, `Stabilization Window: ${rules.stabilizationWindowSeconds} seconds\n`);
  if (rules.policies?.length) {
    w.write(LEVEL_2, `Select Policy: ${rules.selectPolicy ?? 'Max'}\n`);
    w.write(LEVEL_2, 'Policies:\n');
    for (const p of rules.policies) w.write(LEVEL_3, `- Type: ${p.type}\tValue: ${p.value}\tPeriod: ${p.periodSeconds} seconds\n`);
  }
}

export async function describePDBByName(api: DescribeApi, namespace: string, name: string, show: boolean): Promise<string> {
  const pdb = await api.get(`/apis/policy/v1/namespaces/${namespace}/poddisruptionbudgets/${name}`);
  const events = show ? await searchEvents(api, refOf(pdb, 'PodDisruptionBudget')) : undefined;
  const spec = pdb.spec ?? {};
  const st = pdb.status ?? {};
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${pdb.metadata?.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${pdb.metadata?.namespace}\n`);
    if (spec.minAvailable !== undefined && spec.minAvailable !== null) w.write(LEVEL_0, `Min available:\t${intOrString(spec.minAvailable)}\n`);
    else if (spec.maxUnavailable !== undefined && spec.maxUnavailable !== null) w.write(LEVEL_0, `Max unavailable:\t${intOrString(spec.maxUnavailable)}\n`);
    w.write(LEVEL_0, `Selector:\t${spec.selector ? formatLabelSelector(spec.selector) : '<unset>'}\n`);
    w.write(LEVEL_0, 'Status:\n');
    w.write(LEVEL_2, `Allowed disruptions:\t${st.disruptionsAllowed ?? 0}\n`);
    w.write(LEVEL_2, `Current:\t${st.currentHealthy ?? 0}\n`);
    w.write(LEVEL_2, `Desired:\t${st.desiredHealthy ?? 0}\n`);
    w.write(LEVEL_2, `Total:\t${st.expectedPods ?? 0}\n`);
    if (events) describeEvents(events, w, api.now);
  });
}

export async function describePriorityClassByName(api: DescribeApi, _ns: string, name: string, show: boolean): Promise<string> {
  const pc = await api.get(`/apis/scheduling.k8s.io/v1/priorityclasses/${name}`);
  const events = show ? await searchEvents(api, refOf(pc, 'PriorityClass')) : undefined;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${pc.metadata?.name}\n`);
    w.write(LEVEL_0, `Value:\t${pc.value ?? 0}\n`);
    w.write(LEVEL_0, `GlobalDefault:\t${pc.globalDefault === true}\n`);
    w.write(LEVEL_0, `PreemptionPolicy:\t${pc.preemptionPolicy ?? ''}\n`);
    w.write(LEVEL_0, `Description:\t${pc.description ?? ''}\n`);
    w.write(LEVEL_0, `Annotations:\t${formatLabels(pc.metadata?.annotations)}\n`);
    if (events) describeEvents(events, w, api.now);
  });
}

// ---- RBAC ----

interface Rule {
  verbs: string[];
  apiGroups: string[];
  resources: string[];
  resourceNames: string[];
  nonResourceURLs: string[];
}

const goStrList = (l: string[]) => `[${l.join(' ')}]`;

// Upstream: rbac.BreakdownRule — one rule per group × resource × resource name (or URL).
function breakdown(r: Obj): Rule[] {
  const out: Rule[] = [];
  const verbs: string[] = r.verbs ?? [];
  for (const g of r.apiGroups ?? []) {
    for (const res of r.resources ?? []) {
      if (r.resourceNames?.length) for (const n of r.resourceNames) out.push({ verbs, apiGroups: [g], resources: [res], resourceNames: [n], nonResourceURLs: [] });
      else out.push({ verbs, apiGroups: [g], resources: [res], resourceNames: [], nonResourceURLs: [] });
    }
  }
  for (const u of r.nonResourceURLs ?? []) out.push({ verbs, apiGroups: [], resources: [], resourceNames: [], nonResourceURLs: [u] });
  return out;
}

// Upstream: rbac.CompactRules — simple resource rules with the same group/resource/name merge verbs.
function compact(rules: Rule[]): Rule[] {
  const out: Rule[] = [];
  const simple = new Map<string, Rule>();
  for (const r of rules) {
    const isSimple = r.apiGroups.length === 1 && r.resources.length === 1 && r.resourceNames.length <= 1 && r.nonResourceURLs.length === 0;
    if (!isSimple) {
      out.push(r);
      continue;
    }
    const key = `${r.apiGroups[0]}\u0000${r.resources[0]}\u0000${r.resourceNames[0] ?? ''}`;
    const existing = simple.get(key);
    if (existing) {
      for (const v of r.verbs) if (!existing.verbs.includes(v)) existing.verbs.push(v);
    } else {
      const copy = { ...r, verbs: [...r.verbs] };
      simple.set(key, copy);
      out.push(copy);
    }
  }
  return out;
}

// Upstream: SortableRuleSlice compares PolicyRule.String() (the generated protobuf String).
function ruleSortKey(r: Rule): string {
  return `&PolicyRule{Verbs:${goStrList(r.verbs)},APIGroups:${goStrList(r.apiGroups)},Resources:${goStrList(r.resources)},ResourceNames:${goStrList(r.resourceNames)},NonResourceURLs:${goStrList(r.nonResourceURLs)},}`;
}

function combineResourceGroup(resources: string[], groups: string[]): string {
  if (!resources.length) return '';
  const [base, sub] = resources[0].split(/\/(.*)/s);
  let s = base;
  if (groups.length && groups[0] !== '') s += '.' + groups[0];
  if (sub !== undefined) s += '/' + sub;
  return s;
}

export async function describeRoleByName(api: DescribeApi, namespace: string, name: string, cluster: boolean): Promise<string> {
  const role = await api.get(cluster ? `/apis/rbac.authorization.k8s.io/v1/clusterroles/${name}` : `/apis/rbac.authorization.k8s.io/v1/namespaces/${namespace}/roles/${name}`);
  const rules = compact((role.rules ?? []).flatMap(breakdown));
  const sorted = rules.map((r, i) => ({ r, i, k: ruleSortKey(r) })).sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : a.i - b.i)).map((x) => x.r);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${role.metadata?.name}\n`);
    printLabelsMultiline(w, 'Labels', role.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', role.metadata?.annotations);
    w.write(LEVEL_0, 'PolicyRule:\n');
    w.write(LEVEL_1, 'Resources\tNon-Resource URLs\tResource Names\tVerbs\n');
    w.write(LEVEL_1, '---------\t-----------------\t--------------\t-----\n');
    for (const r of sorted) w.write(LEVEL_1, `${combineResourceGroup(r.resources, r.apiGroups)}\t${goStrList(r.nonResourceURLs)}\t${goStrList(r.resourceNames)}\t${goStrList(r.verbs)}\n`);
  });
}

export async function describeRoleBindingByName(api: DescribeApi, namespace: string, name: string, cluster: boolean): Promise<string> {
  const b = await api.get(
    cluster ? `/apis/rbac.authorization.k8s.io/v1/clusterrolebindings/${name}` : `/apis/rbac.authorization.k8s.io/v1/namespaces/${namespace}/rolebindings/${name}`,
  );
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${b.metadata?.name}\n`);
    printLabelsMultiline(w, 'Labels', b.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', b.metadata?.annotations);
    w.write(LEVEL_0, 'Role:\n');
    w.write(LEVEL_1, `Kind:\t${b.roleRef?.kind ?? ''}\n`);
    w.write(LEVEL_1, `Name:\t${b.roleRef?.name ?? ''}\n`);
    w.write(LEVEL_0, 'Subjects:\n');
    w.write(LEVEL_1, 'Kind\tName\tNamespace\n');
    w.write(LEVEL_1, '----\t----\t---------\n');
    for (const s of b.subjects ?? []) w.write(LEVEL_1, `${s.kind ?? ''}\t${s.name ?? ''}\t${s.namespace ?? ''}\n`);
  });
}
