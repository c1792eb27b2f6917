// The cluster's events, newest first, live from a watch: what the controllers and the kubelet did.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { KubeEvent } from '../host-api';
import { age } from './age';
import { shortKind } from './pod-tile';
import { useNow } from './use-now';

const MAX_ROWS = 200;

function when(e: KubeEvent): string {
  return e.lastTimestamp ?? e.eventTime ?? e.firstTimestamp ?? e.metadata.creationTimestamp ?? '';
}

export function EventsTimeline({ events, showSystem }: { events: KubeEvent[]; showSystem: boolean }) {
  const { t } = useTranslation();
  const now = useNow(5000);
  const rows = useMemo(
    () =>
      events
        .filter((e) => showSystem || e.metadata.namespace !== 'kube-system')
        .sort((a, b) => when(b).localeCompare(when(a)))
        .slice(0, MAX_ROWS),
    [events, showSystem],
  );
  return (
    <section className="events" data-testid="events">
      <h2>{t('events.title')}</h2>
      {rows.length === 0 ? (
        <p className="muted">{t('events.empty')}</p>
      ) : (
        <div className="events-scroll">
          <table className="events-table">
            <thead>
              <tr>
                <th>{t('events.age')}</th>
                <th>{t('events.type')}</th>
                <th>{t('events.reason')}</th>
                <th>{t('events.object')}</th>
                <th>{t('events.message')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((e) => (
                <tr key={e.metadata.uid} className={e.type === 'Warning' ? 'warning' : ''}>
                  <td>{age(when(e), now)}</td>
                  <td>{e.type}</td>
                  <td>{e.reason}</td>
                  <td>
                    {shortKind(e.involvedObject?.kind ?? '')}/{e.involvedObject?.name}
                  </td>
                  <td>{e.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
