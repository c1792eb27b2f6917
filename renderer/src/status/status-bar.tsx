// The bottom bar: the engine's state (starting, running, restarting, not responding, failed),
// restarts, and a running-pods count.
import { useTranslation } from 'react-i18next';
import { hostApi, type EngineStatus } from '../host-api';

export function StatusBar({ status, hostReachable, podsRunning, podsTotal }: { status: EngineStatus | undefined; hostReachable: boolean; podsRunning: number; podsTotal: number }) {
  const { t } = useTranslation();
  const state = !hostReachable ? 'lost' : (status?.state ?? 'starting');
  const canRestart = status && (status.state === 'failed' || status.state === 'unresponsive');
  return (
    <footer className="status-bar" data-testid="status-bar" data-engine-state={state} data-generation={status?.generation ?? 0}>
      <span className={`engine-dot state-${state}`} aria-hidden />
      <span data-testid="engine-status">
        {t('status.engine')}: {state === 'lost' ? t('status.hostLost') : t(`status.${state}`)}
      </span>
      {status && status.restarts > 0 && <span className="muted">· {t('status.restarts', { count: status.restarts })}</span>}
      {status?.message && state !== 'ready' && (
        <span className="muted status-message" title={status.message}>
          · {status.message.split('\n')[0]}
        </span>
      )}
      {canRestart && (
        <button className="link" onClick={() => void hostApi.restartEngine()}>
          {t('status.restart')}
        </button>
      )}
      <span className="spacer" />
      {state === 'ready' && <span className="muted">{t('status.pods', { running: podsRunning, total: podsTotal })}</span>}
      {status?.server && <span className="muted mono">{status.server}</span>}
    </footer>
  );
}
