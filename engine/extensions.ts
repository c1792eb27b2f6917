// Parts of the engine that mount routes or hooks on the API server beyond the registry's REST
// resources: OpenAPI documents, strict schema decoding, patch engines, pod subresources
// (log, exec, eviction), metrics. Each part adds one line here.
import type { ApiServer } from './api/server';
import type { ResourceService } from './api/resource-service';
import type { Clock } from './clock';
import type { ClusterClient } from './controllers/runtime/cluster-client';
import type { EventRecorder } from './controllers/runtime/event-recorder';
import type { Registry } from './registry/registry';
import type { Topology } from './topology/topology';

export interface ExtensionContext {
  api: ApiServer;
  registry: Registry;
  service: ResourceService;
  client: ClusterClient;
  clock: Clock;
  events: EventRecorder;
  topology: Topology;
}

type Extension = (ctx: ExtensionContext) => void;

const extensions: Extension[] = [];

export function installExtensions(ctx: ExtensionContext): void {
  for (const e of extensions) e(ctx);
}
