// The TTL-after-finished controller: deletes a finished Job (and, in the foreground, its pods)
// ttlSecondsAfterFinished after it completed or failed.
// Upstream: pkg/controller/ttlafterfinished/ttlafterfinished_controller.go (processJob,
// processTTL, needsCleanup, jobFinishTime, timeLeft).
import type { KubeObject } from '../../api/object';
import type { StoreEvent } from '../../store/object-store';
import { Controller, keyOf, splitKey, type ReconcileResult } from '../runtime/controller';
import { timeOf } from '../replicaset/pod-util';
import { findCondition } from './util';

const JOBS = 'batch/jobs';

/** When the job finished (its Complete/Failed condition's transition), or undefined. */
export function jobFinishTime(job: KubeObject): number | undefined {
  for (const type of ['Complete', 'Failed']) {
    const c = findCondition(job.status?.conditions, type);
    if (c?.status === 'True') return timeOf(c.lastTransitionTime);
  }
  return undefined;
}

/** When a finished job with a TTL expires (ms), or undefined when it never does. */
export function ttlExpiry(job: KubeObject): number | undefined {
  const ttl = job.spec?.ttlSecondsAfterFinished;
  if (ttl == null || job.metadata.deletionTimestamp) return undefined;
  const finished = jobFinishTime(job);
  return finished === undefined ? undefined : finished + ttl * 1000;
}

export class TtlAfterFinishedController extends Controller {
  readonly name = 'ttl-after-finished-controller';

  protected initialKeys(): string[] {
    return this.ctx.client.list(JOBS).filter((j) => ttlExpiry(j) !== undefined).map((j) => keyOf(j.metadata.namespace, j.metadata.name));
  }

  protected keysFor(e: StoreEvent): string[] {
    if (e.resource !== JOBS || e.type === 'DELETED' || ttlExpiry(e.object) === undefined) return [];
    return [keyOf(e.object.metadata.namespace, e.object.metadata.name)];
  }

  reconcile(key: string): ReconcileResult {
    const { namespace, name } = splitKey(key);
    const job = this.ctx.client.get(JOBS, namespace, name);
    if (!job) return;
    const expireAt = ttlExpiry(job);
    if (expireAt === undefined) return;
    const now = this.ctx.clock.now();
    if (now < expireAt) return { requeueAfterMs: expireAt - now };
    try {
      // Foreground: the job stays until its pods are gone, as upstream deletes it.
      this.ctx.client.delete(JOBS, namespace, name, { propagationPolicy: 'Foreground', preconditions: { uid: job.metadata.uid } });
    } catch (err) {
      if ((err as { status?: { reason?: string } })?.status?.reason !== 'NotFound') throw err;
    }
  }
}
