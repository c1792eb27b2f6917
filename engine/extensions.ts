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
import { setSchemaChecker } from './api/decoder';
import { DEFAULT_VERBS } from './api/discovery';
import { openAPIV3Route } from './openapi/openapi-documents';
import { schemaChecker } from './openapi/schema-decode';
import { installPatchEngine } from './api/patch-engine';

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

/** OpenAPI v3 documents (kubectl validation, apply's patch metadata, explain) and strict decoding. */
const openapi: Extension = ({ api, registry }) => {
  setSchemaChecker(schemaChecker);
  const served = registry.definitions.flatMap((def) =>
    def.versions.map((v) => ({
      group: def.group,
      version: v.version,
      kind: def.kind,
      plural: def.plural,
      namespaced: def.namespaced,
      verbs: def.verbs ?? DEFAULT_VERBS,
      subresources: [...(def.hasStatus ? ['status'] : []), ...(def.scale ? ['scale'] : [])],
      schema: v.schema,
    })),
  );
  api.addRoute(openAPIV3Route(() => served));
  installPatchEngine();
};

const extensions: Extension[] = [openapi];

export function installExtensions(ctx: ExtensionContext): void {
  for (const e of extensions) e(ctx);
}
