// The live cluster: nodes as columns with their pods as tiles, the workloads that own them
// (Deployment → ReplicaSet → Pod), the selected pod's details, and the events timeline.
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KubeEvent } from '../host-api';
import { DetailsDrawer } from './details-drawer';
import { EventsTimeline } from './events-timeline';
import { colourIndex, ownerChain, workloads } from './owners';
import { nodeStatus } from './pod-status';
import { PodTile } from './pod-tile';
import { useInformer } from './use-informer';

export interface ClusterViewProps {
  showSystem: boolean;
  onShowSystem(v: boolean): void;
  /** The nodes informer lives in the app (the "new terminal" menu lists them too). */
  nodes: { items: Node[]; synced: boolean };
}

const isControlPlane = (n: Node) => n.metadata?.labels?.['node-role.kubernetes.io/control-plane'] !== undefined;
const byName = (a: { metadata?: { name?: string } }, b: { metadata?: { name?: string } }) => (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? '');

export function ClusterView({ showSystem, onShowSystem, nodes }: ClusterViewProps) {
  const { t } = useTranslation();
  const pods = useInformer<Pod>('/api/v1/pods');
  const rss = useInformer<ReplicaSet>('/apis/apps/v1/replicasets');
  const deps = useInformer<Deployment>('/apis/apps/v1/deployments');
  const events = useInformer<KubeEvent>('/api/v1/events');
  const [selected, setSelected] = useState<{ ns?: string; name?: string } | undefined>();

  const visible = (o: { metadata?: { namespace?: string } }) => showSystem || o.metadata?.namespace !== 'kube-system';
  const shownPods = useMemo(() => pods.items.filter(visible).sort(byName), [pods.items, showSystem]);
  const rsByUid = useMemo(() => new Map(rss.items.map((r) => [r.metadata?.uid ?? '', r])), [rss.items]);
  const rows = useMemo(() => workloads(deps.items.filter(visible), rss.items, pods.items), [deps.items, rss.items, pods.items, showSystem]);
  const sortedNodes = useMemo(() => [...nodes.items].sort((a, b) => Number(isControlPlane(b)) - Number(isControlPlane(a)) || byName(a, b)), [nodes.items]);
  const unscheduled = shownPods.filter((p) => !p.spec?.nodeName);
  const selectedPod = selected ? pods.items.find((p) => p.metadata?.name === selected.name && p.metadata?.namespace === selected.ns) : undefined;

  const column = (key: string, title: React.ReactNode, sub: React.ReactNode, list: Pod[], extraClass = '') => (
    <section key={key} className={`node-column ${extraClass}`} data-testid="node-column" data-node={key}>
      <header>
        <div className="node-title">{title}</div>
        <div className="node-sub">{sub}</div>
      </header>
      <div className="tiles">
        {list.length === 0 && <p className="muted small">{t('cluster.noPods')}</p>}
        {list.map((p) => (
          <PodTile
            key={p.metadata?.uid}
            pod={p}
            owners={ownerChain(p, rsByUid)}
            selected={selected?.name === p.metadata?.name && selected?.ns === p.metadata?.namespace}
            onSelect={() => setSelected({ ns: p.metadata?.namespace, name: p.metadata?.name })}
          />
        ))}
      </div>
    </section>
  );

  return (
    <div className="cluster-view" data-testid="cluster-view">
      <div className="cluster-main">
        <div className="cluster-toolbar">
          <h2>{t('cluster.title')}</h2>
          <label className="check">
            <input type="checkbox" checked={showSystem} onChange={(e) => onShowSystem(e.target.checked)} />
            {t('cluster.showSystem')}
          </label>
        </div>
        <section className="workloads" data-testid="workloads">
          <h3>{t('cluster.workloads')}</h3>
          {rows.length === 0 ? (
            <p className="muted small">{deps.synced ? t('cluster.noWorkloads') : t('cluster.waiting')}</p>
          ) : (
            <div className="workload-list">
              {rows.map(({ deployment: d, replicaSets }) => (
                <div key={d.metadata?.uid} className="workload" data-testid="workload" data-name={d.metadata?.name}>
                  <div className="workload-head">
                    <span className={`owner-dot owner-${colourIndex(`Deployment/${d.metadata?.uid}`)}`} />
                    <strong>deploy/{d.metadata?.name}</strong>
                    <span className="muted small">{t('cluster.replicas', { ready: d.status?.readyReplicas ?? 0, desired: d.spec?.replicas ?? 0 })}</span>
                  </div>
                  {replicaSets.map((r) => (
                    <div key={r.rs.metadata?.uid} className={`workload-rs${r.current ? ' current' : ''}`}>
                      └ rs/{r.rs.metadata?.name} · {r.pods} {r.revision ? `· ${t('cluster.revision', { rev: r.revision })}` : ''}
                    </div>
                  ))}
                </div>
              ))}
            </div>
          )}
        </section>
        <h3 className="nodes-heading">{t('cluster.nodes')}</h3>
        <div className="node-columns">
          {!nodes.synced && <p className="muted">{t('cluster.waiting')}</p>}
          {sortedNodes.map((n) => {
            const name = n.metadata?.name ?? '';
            const status = nodeStatus(n);
            const list = shownPods.filter((p) => p.spec?.nodeName === name);
            return column(
              name,
              <>
                <span className={`node-state ${status.startsWith('Ready') ? 'ok' : 'bad'}`} title={status} />
                {name}
              </>,
              <>
                {isControlPlane(n) ? t('cluster.controlPlane') : t('cluster.worker')} · {status.startsWith('Ready') ? t('cluster.ready') : t('cluster.notReady')} · {t('cluster.pods', { count: list.length })}
              </>,
              list,
            );
          })}
          {unscheduled.length > 0 && column('__unscheduled', t('cluster.unscheduled'), t('cluster.pods', { count: unscheduled.length }), unscheduled, 'unscheduled')}
        </div>
        <EventsTimeline events={events.items} showSystem={showSystem} />
      </div>
      {selected && <DetailsDrawer pod={selectedPod} onClose={() => setSelected(undefined)} />}
    </div>
  );
}
