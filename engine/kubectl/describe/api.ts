// What a describer needs from the cluster: GET one object and LIST with selectors, following
// `continue` like runtimeresource.FollowContinue. A describer reaches the API only through this.
// Upstream: kubernetes/cli-runtime pkg/resource/helper.go (FollowContinue), client-go typed clients.

import type { RestClient } from '../client/rest-client';
import type { Obj } from './format';

export interface ListOptions {
  labelSelector?: string;
  fieldSelector?: string;
  /** The `--chunk-size` (0: no limit). */
  limit?: number;
}

export class DescribeApi {
  constructor(
    readonly rest: RestClient,
    /** `--chunk-size`, default 500. */
    readonly chunkSize: number,
    /** Wall clock (ms) for event ages. */
    readonly now: number,
  ) {}

  get(path: string): Promise<Obj> {
    return this.rest.json<Obj>({ path });
  }

  /** GET that returns the Status error instead of throwing it. */
  async tryGet(path: string): Promise<{ obj?: Obj; err?: unknown }> {
    try {
      return { obj: await this.get(path) };
    } catch (err) {
      return { err };
    }
  }

  async list(path: string, o: ListOptions = {}): Promise<Obj[]> {
    const items: Obj[] = [];
    let cont: string | undefined;
    const limit = o.limit ?? this.chunkSize;
    do {
      const res = await this.rest.json<Obj>({
        path,
        query: {
          labelSelector: o.labelSelector || undefined,
          fieldSelector: o.fieldSelector || undefined,
          limit: limit > 0 ? String(limit) : undefined,
          continue: cont,
        },
      });
      items.push(...(res.items ?? []));
      cont = res.metadata?.continue || undefined;
    } while (cont);
    return items;
  }
}

export const nsPath = (prefix: string, namespace: string, resource: string): string =>
  namespace ? `${prefix}/namespaces/${namespace}/${resource}` : `${prefix}/${resource}`;
