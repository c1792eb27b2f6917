// A pod as a tile: coloured by phase and readiness, with its owner and status as kubectl prints it.
import type { Pod } from 'kubernetes-types/core/v1';
import { useTranslation } from 'react-i18next';
import type { OwnerChain } from './owners';
import { colourIndex } from './owners';
import { podSummary } from './pod-status';

export function PodTile({ pod, owners, selected, onSelect }: { pod: Pod; owners: OwnerChain; selected: boolean; onSelect(): void }) {
  const { t } = useTranslation();
  const s = podSummary(pod);
  const owner = owners.chain[owners.chain.length - 1];
  const top = owners.chain[0];
  const colour = colourIndex(owners.topKey);
  const phaseLabel = t(`phase.${s.status}`, { defaultValue: s.status });
  return (
    <button
      className={`pod-tile tone-${s.tone}${selected ? ' selected' : ''}`}
      data-testid="pod-tile"
      data-pod={pod.metadata?.name}
      data-namespace={pod.metadata?.namespace}
      data-status={s.status}
      data-ready={`${s.ready}/${s.total}`}
      onClick={onSelect}
      title={`${pod.metadata?.namespace}/${pod.metadata?.name}\n${s.status} ${s.ready}/${s.total}`}
    >
      <span className={`owner-stripe owner-${colour}`} aria-hidden />
      <span className="pod-name">{pod.metadata?.name}</span>
      <span className="pod-line">
        <span className="pod-status">{phaseLabel}</span>
        <span className="pod-ready">
          {s.ready}/{s.total}
        </span>
        {s.restarts > 0 && <span className="pod-restarts">↻{s.restarts}</span>}
      </span>
      {owner && (
        <span className="pod-owner">
          {top && top !== owner ? `${shortKind(top.kind)}/${top.name} › ` : ''}
          {shortKind(owner.kind)}/{owner.name}
        </span>
      )}
    </button>
  );
}

const SHORT: Record<string, string> = { Deployment: 'deploy', ReplicaSet: 'rs', DaemonSet: 'ds', StatefulSet: 'sts', Job: 'job', CronJob: 'cj', Node: 'node' };
export function shortKind(kind: string): string {
  return SHORT[kind] ?? kind.toLowerCase();
}
