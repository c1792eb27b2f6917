// Waiting until objects are gone, as `delete` (and `wait --for=delete`) do: a GET (404 or a new
// UID means done), then a list+watch on `metadata.name` until a DELETED event, bounded by a
// timeout (a week when none was given) and Ctrl-C.
// Upstream: kubernetes/kubectl pkg/cmd/wait/delete.go (IsDeleted), wait.go (extendErrWaitTimeout);
// client-go tools/watch UntilWithSync.

import type { CommandContext } from '../cli/command';
import { KubectlError } from '../errors';
import { RestClient } from '../client/rest-client';
import { resourcePath } from '../client/rest-mapper';
import type { KubeObject } from '../printers/name-printer';
import { isNotFoundError, type Info } from './builder';

export class WaitTimeoutError extends KubectlError {}

/** A client whose requests stop when `signal` aborts (the timeout) or the user interrupts. */
export async function clientWithSignal(ctx: CommandContext, signal: AbortSignal): Promise<RestClient> {
  const base = await ctx.factory.client();
  const io = { ...ctx.io, signal: ctx.io.signal ? anySignal([ctx.io.signal, signal]) : signal };
  return new RestClient(base.config, io, {});
}

function anySignal(signals: AbortSignal[]): AbortSignal {
  const c = new AbortController();
  for (const s of signals) {
    if (s.aborted) c.abort();
    else s.addEventListener('abort', () => c.abort(), { once: true });
  }
  return c.signal;
}

/** Resolves when the watch sees `done(event)` true; rejects with the timeout error. */
export async function watchUntil(
  ctx: CommandContext,
  info: Info,
  timeoutMs: number,
  timeoutError: () => Error,
  done: (type: string, obj: KubeObject | undefined) => boolean,
): Promise<void> {
  const ac = new AbortController();
  let timedOut = false;
  // The engine clock rule covers engine/ code that simulates time; this is a client-side
  // deadline on the user's wall clock, like kubectl's context timeout.
  const timer = setTimeout(() => {
    timedOut = true;
    ac.abort();
  }, Math.min(timeoutMs, 2 ** 31 - 1));
  try {
    const client = await clientWithSignal(ctx, ac.signal);
    const path = resourcePath(info.mapping, info.namespace);
    const fieldSelector = `metadata.name=${info.name}`;
    for (;;) {
      const list = await client.json<KubeObject>({ path, query: { fieldSelector, limit: '500', resourceVersion: '0' } });
      const item = (list.items ?? [])[0];
      if (done('SYNC', item)) return;
      const rv = String((list.metadata as { resourceVersion?: string } | undefined)?.resourceVersion ?? '');
      let finished = false;
      await client.watch(
        { path, query: { allowWatchBookmarks: 'true', fieldSelector, resourceVersion: rv, timeoutSeconds: String(300 + Math.floor(Math.random() * 300)), watch: 'true' } },
        (ev) => {
          if (finished) return;
          if (done(ev.type, ev.object as KubeObject)) {
            finished = true;
            ac.abort();
          }
        },
      ).catch((e) => {
        if (!finished && !timedOut) throw e;
      });
      if (finished) return;
      if (timedOut) throw timeoutError();
      if (ctx.io.signal?.aborted) return;
    }
  } finally {
    clearTimeout(timer);
  }
}

// Upstream: delete.go IsDeleted for each deleted object.
export async function waitForDeletion(ctx: CommandContext, items: { info: Info; uid?: string }[], timeoutMs: number, _fmt?: unknown): Promise<void> {
  const client = await ctx.factory.client();
  for (const { info, uid } of items) {
    let current: KubeObject;
    try {
      current = await client.json<KubeObject>({ path: resourcePath(info.mapping, info.namespace, info.name) });
    } catch (e) {
      if (isNotFoundError(e)) continue;
      throw e;
    }
    if (uid && current.metadata?.uid !== uid) continue;
    await watchUntil(
      ctx,
      info,
      timeoutMs,
      () => new WaitTimeoutError(`timed out waiting for the condition on ${info.mapping.resource}/${info.name}`),
      (type, obj) => type === 'DELETED' || (type === 'SYNC' && !obj),
    );
  }
}
