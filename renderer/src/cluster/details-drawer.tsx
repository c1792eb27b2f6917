// Details of the selected pod: overview (like kubectl describe), its events, and its YAML.
// The object itself comes live from the pods informer; owners and events from /api/describe.
import type { Pod } from 'kubernetes-types/core/v1';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { stringify } from 'yaml';
import { hostApi, type DescribeResult } from '../host-api';
import { age } from './age';
import { podSummary } from './pod-status';
import { shortKind } from './pod-tile';
import { useNow } from './use-now';

type Tab = 'overview' | 'events' | 'yaml';

export function DetailsDrawer({ pod, onClose }: { pod: Pod | undefined; onClose(): void }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('overview');
  const [described, setDescribed] = useState<DescribeResult | undefined>();
  const now = useNow(2000);
  const name = pod?.metadata?.name;
  const ns = pod?.metadata?.namespace;
  const rv = pod?.metadata?.resourceVersion;

  useEffect(() => {
    if (!name) return;
    let live = true;
    hostApi.describe('pods', ns, name).then(
      (d) => live && setDescribed(d),
      () => live && setDescribed(undefined),
    );
    return () => {
      live = false;
    };
  }, [name, ns, rv]);

  if (!pod) {
    return (
      <aside className="details" data-testid="details">
        <header>
          <span />
          <button onClick={onClose}>{t('details.close')}</button>
        </header>
        <p className="muted">{t('details.gone')}</p>
      </aside>
    );
  }
  const s = podSummary(pod);
  const clean = { ...pod, metadata: { ...pod.metadata, managedFields: undefined } };
  return (
    <aside className="details" data-testid="details">
      <header>
        <h3 title={name}>pod/{name}</h3>
        <button onClick={onClose} aria-label={t('details.close')}>
          ×
        </button>
      </header>
      <nav className="details-tabs" role="tablist">
        {(['overview', 'events', 'yaml'] as Tab[]).map((k) => (
          <button key={k} role="tab" aria-selected={tab === k} className={tab === k ? 'active' : ''} onClick={() => setTab(k)}>
            {t(`details.${k}`)}
            {k === 'events' && described ? ` (${described.events.length})` : ''}
          </button>
        ))}
      </nav>
      <div className="details-body">
        {tab === 'overview' && (
          <dl className="kv">
            <dt>{t('details.namespace')}</dt>
            <dd>{ns}</dd>
            <dt>{t('details.node')}</dt>
            <dd>{pod.spec?.nodeName ?? '<none>'}</dd>
            <dt>{t('details.status')}</dt>
            <dd className={`tone-text-${s.tone}`}>
              {s.status} ({s.ready}/{s.total})
            </dd>
            <dt>{t('details.podIP')}</dt>
            <dd>{pod.status?.podIP ?? '<none>'}</dd>
            <dt>{t('details.created')}</dt>
            <dd>{age(pod.metadata?.creationTimestamp, now)}</dd>
            <dt>{t('details.owners')}</dt>
            <dd>{described?.owners.length ? [...described.owners].reverse().map((o) => `${shortKind(o.kind)}/${o.name}`).join(' › ') : '<none>'}</dd>
            <dt>{t('details.labels')}</dt>
            <dd>
              {Object.entries(pod.metadata?.labels ?? {}).map(([k, v]) => (
                <code key={k} className="label">
                  {k}={v}
                </code>
              ))}
            </dd>
            <dt>{t('details.containers')}</dt>
            <dd>
              {(pod.spec?.containers ?? []).map((c) => {
                const cs = pod.status?.containerStatuses?.find((x) => x.name === c.name);
                const state = cs?.state?.running ? 'Running' : (cs?.state?.waiting?.reason ?? cs?.state?.terminated?.reason ?? 'Waiting');
                return (
                  <div key={c.name} className="container-row">
                    <strong>{c.name}</strong> <code>{c.image}</code> — {state}
                    {cs && cs.restartCount > 0 ? ` · ${t('details.restarts')} ${cs.restartCount}` : ''}
                  </div>
                );
              })}
            </dd>
            <dt>{t('details.conditions')}</dt>
            <dd>
              {(pod.status?.conditions ?? []).map((c) => (
                <code key={c.type} className={`label cond-${c.status}`}>
                  {c.type}={c.status}
                </code>
              ))}
            </dd>
          </dl>
        )}
        {tab === 'events' &&
          (described === undefined ? (
            <p className="muted">{t('details.loading')}</p>
          ) : described.events.length === 0 ? (
            <p className="muted">{t('details.noEvents')}</p>
          ) : (
            <table className="events-table">
              <tbody>
                {described.events.map((e) => (
                  <tr key={e.metadata.uid} className={e.type === 'Warning' ? 'warning' : ''}>
                    <td>{e.type}</td>
                    <td>{e.reason}</td>
                    <td>{age(e.lastTimestamp ?? e.eventTime ?? e.firstTimestamp, now)}</td>
                    <td>{e.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
        {tab === 'yaml' && <pre className="yaml" data-testid="yaml">{stringify(clean)}</pre>}
      </div>
    </aside>
  );
}
