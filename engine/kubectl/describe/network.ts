// Service networking: Service (endpoints from EndpointSlices), Endpoints, EndpointSlice,
// Ingress (backends resolved to endpoints) and IngressClass.
// Upstream: kubernetes/kubectl pkg/describe/describe.go (describeService, buildIngressString,
// formatEndpointSlices, describeEndpoints, describeEndpointSliceV1, describeIngressV1,
// describeBackendV1, serviceBackendStringer, describeIngressTLSV1, describeIngressClassV1).

import { StatusError } from '../errors';
import type { DescribeApi } from './api';
import { describeEvents, refOf, searchEvents } from './events';
import { formatLabels, printAnnotationsMultiline, printLabelsMultiline, type Obj } from './format';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, tabbedString } from './prefix-writer';

const joinHostPort = (host: string, port: number | string) => (host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`);

// Upstream: formatEndpointSlices — ready (or unknown) endpoints, at most 3, then `+ N more...`.
export function formatEndpointSlices(slices: Obj[], ports: Set<string> | undefined): string {
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const s of slices) {
    const endpoints: Obj[] = s.endpoints ?? [];
    if (!s.ports?.length) {
      for (const ep of endpoints) {
        if (list.length === max) more = true;
        const ready = ep.conditions?.ready === undefined || ep.conditions?.ready === null || ep.conditions.ready === true;
        if (!ready) continue;
        if (!more) list.push(ep.addresses?.[0] ?? '');
        count++;
      }
    } else {
      for (const port of s.ports) {
        if (ports && !ports.has(port.name ?? '')) continue;
        for (const ep of endpoints) {
          if (list.length === max) more = true;
          const ready = ep.conditions?.ready === undefined || ep.conditions?.ready === null || ep.conditions.ready === true;
          if (!ready) continue;
          if (!more) list.push(joinHostPort(ep.addresses?.[0] ?? '', port.port ?? 0));
          count++;
        }
      }
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - max} more...` : ret;
}

const serviceSlices = (api: DescribeApi, ns: string, name: string) =>
  api.list(`/apis/discovery.k8s.io/v1/namespaces/${ns}/endpointslices`, { labelSelector: `kubernetes.io/service-name=${name}`, limit: 0 });

export async function describeServiceByName(api: DescribeApi, namespace: string, name: string, show: boolean): Promise<string> {
  const svc = await api.get(`/api/v1/namespaces/${namespace}/services/${name}`);
  let slices: Obj[] = [];
  try {
    slices = await serviceSlices(api, namespace, name);
  } catch {
    slices = [];
  }
  const events = show ? await searchEvents(api, refOf(svc, 'Service')) : undefined;
  const spec = svc.spec ?? {};
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${svc.metadata?.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${svc.metadata?.namespace}\n`);
    printLabelsMultiline(w, 'Labels', svc.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', svc.metadata?.annotations);
    w.write(LEVEL_0, `Selector:\t${formatLabels(spec.selector)}\n`);
    w.write(LEVEL_0, `Type:\t${spec.type ?? ''}\n`);
    if (spec.ipFamilyPolicy) w.write(LEVEL_0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
    w.write(LEVEL_0, `IP Families:\t${spec.ipFamilies?.length ? spec.ipFamilies.join(',') : '<none>'}\n`);
    w.write(LEVEL_0, `IP:\t${spec.clusterIP ?? ''}\n`);
    w.write(LEVEL_0, `IPs:\t${spec.clusterIPs?.length ? spec.clusterIPs.join(',') : '<none>'}\n`);
    if (spec.externalIPs?.length) w.write(LEVEL_0, `External IPs:\t${spec.externalIPs.join(',')}\n`);
    if (spec.loadBalancerIP) w.write(LEVEL_0, `Desired LoadBalancer IP:\t${spec.loadBalancerIP}\n`);
    if (spec.externalName) w.write(LEVEL_0, `External Name:\t${spec.externalName}\n`);
    const lbIngress: Obj[] = svc.status?.loadBalancer?.ingress ?? [];
    if (lbIngress.length) {
      const list = lbIngress.map((i) => (i.ip ? i.ip + (i.ipMode ? ` (${i.ipMode})` : '') : (i.hostname ?? ''))).join(', ');
      w.write(LEVEL_0, `LoadBalancer Ingress:\t${list}\n`);
    }
    for (const sp of spec.ports ?? []) {
      const pname = sp.name || '<unset>';
      w.write(LEVEL_0, `Port:\t${pname}\t${sp.port}/${sp.protocol ?? ''}\n`);
      w.write(LEVEL_0, `TargetPort:\t${sp.targetPort ?? 0}/${sp.protocol ?? ''}\n`);
      if (sp.nodePort) w.write(LEVEL_0, `NodePort:\t${pname}\t${sp.nodePort}/${sp.protocol ?? ''}\n`);
      w.write(LEVEL_0, `Endpoints:\t${formatEndpointSlices(slices, new Set([sp.name ?? '']))}\n`);
    }
    w.write(LEVEL_0, `Session Affinity:\t${spec.sessionAffinity ?? ''}\n`);
    if (spec.externalTrafficPolicy) w.write(LEVEL_0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
    if (spec.internalTrafficPolicy) w.write(LEVEL_0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
    if (spec.healthCheckNodePort) w.write(LEVEL_0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`);
    if (spec.loadBalancerSourceRanges?.length) w.write(LEVEL_0, `LoadBalancer Source Ranges:\t${spec.loadBalancerSourceRanges.join(',')}\n`);
    if (spec.trafficDistribution) w.write(LEVEL_0, `Traffic Distribution:\t${spec.trafficDistribution}\n`);
    if (events) describeEvents(events, w, api.now);
  });
}

export async function describeEndpointsByName(api: DescribeApi, namespace: string, name: string, show: boolean): Promise<string> {
  const ep = await api.get(`/api/v1/namespaces/${namespace}/endpoints/${name}`);
  const events = show ? await searchEvents(api, refOf(ep, 'Endpoints')) : undefined;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${ep.metadata?.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${ep.metadata?.namespace}\n`);
    printLabelsMultiline(w, 'Labels', ep.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', ep.metadata?.annotations);
    w.write(LEVEL_0, 'Subsets:\n');
    for (const subset of ep.subsets ?? []) {
      const addrs = (subset.addresses ?? []).map((a: Obj) => a.ip).join(',');
      w.write(LEVEL_1, `Addresses:\t${addrs || '<none>'}\n`);
      const notReady = (subset.notReadyAddresses ?? []).map((a: Obj) => a.ip).join(',');
      w.write(LEVEL_1, `NotReadyAddresses:\t${notReady || '<none>'}\n`);
      if (subset.ports?.length) {
        w.write(LEVEL_1, 'Ports:\n');
        w.write(LEVEL_2, 'Name\tPort\tProtocol\n');
        w.write(LEVEL_2, '----\t----\t--------\n');
        for (const p of subset.ports) w.write(LEVEL_2, `${p.name || '<unset>'}\t${p.port ?? 0}\t${p.protocol ?? ''}\n`);
      }
      w.write(LEVEL_0, '\n');
    }
    if (events) describeEvents(events, w, api.now);
  });
}

export async function describeEndpointSliceByName(api: DescribeApi, namespace: string, name: string, show: boolean): Promise<string> {
  const eps = await api.get(`/apis/discovery.k8s.io/v1/namespaces/${namespace}/endpointslices/${name}`);
  const events = show ? await searchEvents(api, refOf(eps, 'EndpointSlice')) : undefined;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${eps.metadata?.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${eps.metadata?.namespace}\n`);
    printLabelsMultiline(w, 'Labels', eps.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', eps.metadata?.annotations);
    w.write(LEVEL_0, `AddressType:\t${eps.addressType ?? ''}\n`);
    if (!eps.ports?.length) w.write(LEVEL_0, 'Ports: <unset>\n');
    else {
      w.write(LEVEL_0, 'Ports:\n');
      w.write(LEVEL_1, 'Name\tPort\tProtocol\n');
      w.write(LEVEL_1, '----\t----\t--------\n');
      for (const p of eps.ports) w.write(LEVEL_1, `${p.name || '<unset>'}\t${p.port ?? '<unset>'}\t${p.protocol ?? ''}\n`);
    }
    if (!eps.endpoints?.length) w.write(LEVEL_0, 'Endpoints: <none>\n');
    else {
      w.write(LEVEL_0, 'Endpoints:\n');
      for (const ep of eps.endpoints) {
        w.write(LEVEL_1, `- Addresses:\t${(ep.addresses ?? []).join(', ') || '<none>'}\n`);
        w.write(LEVEL_2, 'Conditions:\n');
        const ready = ep.conditions?.ready;
        w.write(LEVEL_3, `Ready:\t${ready === undefined || ready === null ? '<unset>' : String(ready)}\n`);
        w.write(LEVEL_2, `Hostname:\t${ep.hostname ?? '<unset>'}\n`);
        if (ep.targetRef) w.write(LEVEL_2, `TargetRef:\t${ep.targetRef.kind ?? ''}/${ep.targetRef.name ?? ''}\n`);
        w.write(LEVEL_2, `NodeName:\t${ep.nodeName ?? '<unset>'}\n`);
        w.write(LEVEL_2, `Zone:\t${ep.zone ?? '<unset>'}\n`);
      }
    }
    if (events) describeEvents(events, w, api.now);
  });
}

const serviceBackend = (b: Obj) => `${b.name ?? ''}:${b.port?.number ? b.port.number : (b.port?.name ?? '')}`;

async function describeBackend(api: DescribeApi, ns: string, backend: Obj): Promise<string> {
  if (backend.service) {
    const sb = serviceBackend(backend.service);
    let slices: Obj[];
    let svc: Obj;
    try {
      slices = await serviceSlices(api, ns, backend.service.name);
      svc = await api.get(`/api/v1/namespaces/${ns}/services/${backend.service.name}`);
    } catch (e) {
      return `${sb} (<error: ${e instanceof StatusError || e instanceof Error ? e.message : String(e)}>)`;
    }
    let spName = '';
    for (const sp of svc.spec?.ports ?? []) {
      if (backend.service.port?.number && backend.service.port.number === sp.port) spName = sp.name ?? '';
      else if (backend.service.port?.name && backend.service.port.name === sp.name) spName = sp.name ?? '';
    }
    return `${sb} (${formatEndpointSlices(slices, new Set([spName]))})`;
  }
  if (backend.resource) {
    const r = backend.resource;
    return `APIGroup: ${r.apiGroup ?? '<none>'}, Kind: ${r.kind ?? ''}, Name: ${r.name ?? ''}`;
  }
  return '';
}

export async function describeIngressByName(api: DescribeApi, namespace: string, name: string, show: boolean): Promise<string> {
  const ing = await api.get(`/apis/networking.k8s.io/v1/namespaces/${namespace}/ingresses/${name}`);
  const events = show ? await searchEvents(api, refOf(ing, 'Ingress')) : undefined;
  const spec = ing.spec ?? {};
  // Backends are resolved (API calls) before printing; the layout itself is synchronous.
  const defaultBackend = spec.defaultBackend ? await describeBackend(api, namespace, spec.defaultBackend) : '<default>';
  const rules: { host: string; paths: { path: string; backend: string }[] }[] = [];
  for (const r of spec.rules ?? []) {
    if (!r.http) continue;
    const paths = [];
    for (const p of r.http.paths ?? []) paths.push({ path: p.path ?? '', backend: await describeBackend(api, namespace, p.backend ?? {}) });
    rules.push({ host: r.host || '*', paths });
  }
  const lb = [...new Set(((ing.status?.loadBalancer?.ingress ?? []) as Obj[]).map((i) => i.ip || i.hostname).filter(Boolean))].sort().join(',');
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${ing.metadata?.name}\n`);
    printLabelsMultiline(w, 'Labels', ing.metadata?.labels);
    w.write(LEVEL_0, `Namespace:\t${ing.metadata?.namespace}\n`);
    w.write(LEVEL_0, `Address:\t${lb}\n`);
    w.write(LEVEL_0, `Ingress Class:\t${spec.ingressClassName ?? '<none>'}\n`);
    w.write(LEVEL_0, `Default backend:\t${defaultBackend}\n`);
    if (spec.tls?.length) {
      w.write(LEVEL_0, 'TLS:\n');
      for (const t of spec.tls) {
        if (!t.secretName) w.write(LEVEL_1, `SNI routes ${(t.hosts ?? []).join(',')}\n`);
        else w.write(LEVEL_1, `${t.secretName} terminates ${(t.hosts ?? []).join(',')}\n`);
      }
    }
    w.write(LEVEL_0, 'Rules:\n  Host\tPath\tBackends\n');
    w.write(LEVEL_1, '----\t----\t--------\n');
    for (const r of rules) {
      w.write(LEVEL_1, `${r.host}\t\n`);
      for (const p of r.paths) w.write(LEVEL_2, `\t${p.path} \t${p.backend}\n`);
    }
    if (rules.length === 0) w.write(LEVEL_1, `*\t*\t${defaultBackend}\n`);
    printAnnotationsMultiline(w, 'Annotations', ing.metadata?.annotations);
    if (events) describeEvents(events, w, api.now);
  });
}

export async function describeIngressClassByName(api: DescribeApi, _ns: string, name: string, show: boolean): Promise<string> {
  const ic = await api.get(`/apis/networking.k8s.io/v1/ingressclasses/${name}`);
  const events = show ? await searchEvents(api, refOf(ic, 'IngressClass')) : undefined;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${ic.metadata?.name}\n`);
    printLabelsMultiline(w, 'Labels', ic.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', ic.metadata?.annotations);
    w.write(LEVEL_0, `Controller:\t${ic.spec?.controller ?? ''}\n`);
    const p = ic.spec?.parameters;
    if (p) {
      w.write(LEVEL_0, 'Parameters:\n');
      if (p.apiGroup !== undefined) w.write(LEVEL_1, `APIGroup:\t${p.apiGroup}\n`);
      w.write(LEVEL_1, `Kind:\t${p.kind ?? ''}\n`);
      w.write(LEVEL_1, `Name:\t${p.name ?? ''}\n`);
    }
    if (events) describeEvents(events, w, api.now);
  });
}
