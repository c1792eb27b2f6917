// Events expire an hour after they were last seen, as kube-apiserver's --event-ttl does, so a
// long-running lab cluster does not accumulate them forever.
import type { StoreEvent } from '../store/object-store';
import { Controller, keyOf, splitKey, type ControllerContext, type ReconcileResult } from './runtime/controller';

export const EVENT_TTL_MS = 60 * 60 * 1000;

export class EventTtlController extends Controller {
  readonly name = 'event-ttl';

  constructor(ctx: ControllerContext) {
    super(ctx);
  }

  protected keysFor(e: StoreEvent): string[] {
    return e.resource === 'events' && e.type !== 'DELETED' ? [keyOf(e.object.metadata.namespace, e.object.metadata.name)] : [];
  }

  protected initialKeys(): string[] {
    return this.ctx.client.list('events').map((e) => keyOf(e.metadata.namespace, e.metadata.name));
  }

  reconcile(key: string): ReconcileResult {
    const { namespace, name } = splitKey(key);
    const ev = this.ctx.client.get('events', namespace, name);
    if (!ev) return;
    const last = Date.parse(ev.lastTimestamp ?? ev.eventTime ?? ev.metadata.creationTimestamp ?? '');
    const expires = (Number.isNaN(last) ? this.ctx.clock.now() : last) + EVENT_TTL_MS;
    const left = expires - this.ctx.clock.now();
    if (left > 0) return { requeueAfterMs: left };
    this.ctx.client.delete('events', namespace, name);
  }
}
