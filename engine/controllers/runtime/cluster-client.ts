// The in-process client controllers and the kubelet use: the same write path as the REST API
// (defaulting, validation, resourceVersions, watch events), addressed by store key such as
// `pods` or `apps/deployments`. Objects it returns are shared cache entries: read-only.
import type { KubeObject } from '../../api/object';
import type { DeleteOptions, DeleteResult, ResourceService } from '../../api/resource-service';
import { fromLabelSelector, matches, type Selector } from '../../api/label-selector';
import type { ResourceDefinition } from '../../registry/resource-definition';
import type { StoreListener } from '../../store/object-store';

export class ClusterClient {
  constructor(readonly service: ResourceService) {}

  def(resource: string): ResourceDefinition {
    const d = this.service.registry.byKey(resource);
    if (!d) throw new Error(`unknown resource ${resource}`);
    return d;
  }

  get(resource: string, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.service.find(this.def(resource), namespace, name);
  }

  list(resource: string, namespace?: string, selector?: Selector): KubeObject[] {
    const all = this.service.list(this.def(resource), namespace);
    return selector ? all.filter((o) => matches(selector, o.metadata.labels)) : all;
  }

  /** Objects whose labels match a LabelSelector object (matchLabels/matchExpressions). */
  listSelected(resource: string, namespace: string | undefined, labelSelector: unknown): KubeObject[] {
    return this.list(resource, namespace, fromLabelSelector(labelSelector as never));
  }

  create(resource: string, obj: KubeObject): KubeObject {
    const def = this.def(resource);
    return this.service.create(def, this.service.toStorage(def, undefined, obj));
  }

  update(resource: string, obj: KubeObject): KubeObject {
    return this.service.update(this.def(resource), obj);
  }

  updateStatus(resource: string, obj: KubeObject): KubeObject {
    return this.service.update(this.def(resource), obj, { subresource: 'status' });
  }

  delete(resource: string, namespace: string | undefined, name: string, opts: DeleteOptions = {}): DeleteResult {
    return this.service.delete(this.def(resource), namespace, name, opts);
  }

  removeFinalizer(resource: string, obj: KubeObject, finalizer: string): KubeObject {
    return this.service.removeFinalizer(this.def(resource), obj, finalizer);
  }

  subscribe(listener: StoreListener): () => void {
    return this.service.store.subscribe(listener);
  }

  now(): number {
    return this.service.clock.now();
  }
}
