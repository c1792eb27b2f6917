// Per-namespace defaults: the `default` ServiceAccount (serviceaccounts controller) and the
// `kube-root-ca.crt` ConfigMap with the cluster CA (root-ca-cert-publisher), in every active
// namespace, recreated when deleted and corrected when edited.
// Upstream: pkg/controller/serviceaccount/serviceaccounts_controller.go (syncNamespace),
// pkg/controller/certificates/rootcacertpublisher/publisher.go (syncNamespace).
import { createHash } from 'node:crypto';
import { clone, type KubeObject } from '../api/object';
import { deepEqual } from '../api/deep-equal';
import type { StoreEvent } from '../store/object-store';
import { Controller, type ControllerContext, type ReconcileResult } from './runtime/controller';

const NAMESPACES = 'namespaces';
const SERVICE_ACCOUNTS = 'serviceaccounts';
const CONFIGMAPS = 'configmaps';
export const DEFAULT_SERVICE_ACCOUNT = 'default';
export const ROOT_CA_CONFIGMAP = 'kube-root-ca.crt';
const DESCRIPTION_ANNOTATION = 'kubernetes.io/description';
const DESCRIPTION =
  'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.';

/** A PEM-shaped stand-in when the engine did not hand over its CA (tests, bare controllers). */
export function placeholderCa(seed = 'kubelab'): string {
  const body = Buffer.from(createHash('sha512').update(`kubelab-root-ca:${seed}`).digest()).toString('base64');
  return `-----BEGIN CERTIFICATE-----\n${body.match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----\n`;
}

function isConflictOrExists(err: unknown): boolean {
  const reason = (err as { status?: { reason?: string } })?.status?.reason;
  return reason === 'AlreadyExists' || reason === 'Conflict' || reason === 'NotFound' || reason === 'Forbidden';
}

export class ServiceAccountController extends Controller {
  readonly name = 'serviceaccount-controller';
  private readonly caCert: string;

  constructor(ctx: ControllerContext, caCert?: string) {
    super(ctx);
    // node-forge writes PEM with CRLF; the kube-apiserver's CA file (and so the ConfigMap) uses LF.
    this.caCert = (caCert ?? placeholderCa()).replace(/\r\n/g, '\n');
  }

  protected initialKeys(): string[] {
    return this.ctx.client.list(NAMESPACES).map((ns) => ns.metadata.name);
  }

  protected keysFor(e: StoreEvent): string[] {
    const o = e.object;
    if (e.resource === NAMESPACES) return e.type === 'DELETED' ? [] : [o.metadata.name];
    if (e.resource === SERVICE_ACCOUNTS && o.metadata.name === DEFAULT_SERVICE_ACCOUNT && e.type === 'DELETED') return [o.metadata.namespace!];
    if (e.resource === CONFIGMAPS && o.metadata.name === ROOT_CA_CONFIGMAP && e.type !== 'ADDED') return [o.metadata.namespace!];
    return [];
  }

  reconcile(namespace: string): ReconcileResult {
    const { client } = this.ctx;
    const ns = client.get(NAMESPACES, undefined, namespace);
    if (!ns || ns.metadata.deletionTimestamp || ns.status?.phase !== 'Active') return;
    this.ensureServiceAccount(namespace);
    this.ensureRootCa(namespace);
  }

  // Upstream: serviceaccounts_controller.go syncNamespace
  private ensureServiceAccount(namespace: string): void {
    const { client } = this.ctx;
    if (client.get(SERVICE_ACCOUNTS, namespace, DEFAULT_SERVICE_ACCOUNT)) return;
    try {
      client.create(SERVICE_ACCOUNTS, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: DEFAULT_SERVICE_ACCOUNT, namespace } });
    } catch (err) {
      if (!isConflictOrExists(err)) throw err;
    }
  }

  // Upstream: rootcacertpublisher/publisher.go syncNamespace
  private ensureRootCa(namespace: string): void {
    const { client } = this.ctx;
    const data = { 'ca.crt': this.caCert };
    const annotations = { [DESCRIPTION_ANNOTATION]: DESCRIPTION };
    const cm = client.get(CONFIGMAPS, namespace, ROOT_CA_CONFIGMAP);
    try {
      if (!cm) {
        client.create(CONFIGMAPS, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: ROOT_CA_CONFIGMAP, namespace, annotations }, data });
        return;
      }
      if (deepEqual(cm.data, data) && cm.metadata.annotations?.[DESCRIPTION_ANNOTATION] === DESCRIPTION) return;
      const next = clone(cm) as KubeObject;
      next.data = data;
      delete next.binaryData;
      next.metadata.annotations = { ...(next.metadata.annotations ?? {}), ...annotations };
      client.update(CONFIGMAPS, next);
    } catch (err) {
      if (!isConflictOrExists(err)) throw err;
    }
  }
}
