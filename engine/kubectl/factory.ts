// What commands get from the global flags, built lazily and cached for one run:
// the merged kubeconfig, the resolved client configuration and namespace, the REST
// client, discovery and the REST mapper. Upstream: kubernetes/kubectl pkg/cmd/util/factory.go,
// cli-runtime pkg/genericclioptions/config_flags.go.

import type { ParsedFlags } from './cli/command';
import type { KubectlIO } from './io';
import { loadKubeconfig, resolveClientConfig, type ClientConfig, type Kubeconfig, type LoadOptions } from './kubeconfig';
import { KubectlError, UrlError } from './errors';
import { RestClient } from './client/rest-client';
import { Discovery } from './client/discovery';
import { NoResourceMatchError, RestMapper } from './client/rest-mapper';
import { discoveryCacheDir } from './client/discovery-cache';
import { parseGoDuration } from './cli/flags';
import { klogStructured, klogf } from './klog';

export class Factory {
  private raw?: Promise<Kubeconfig>;
  private strictRaw?: Promise<Kubeconfig>;
  private resolved?: Promise<ClientConfig>;
  private restClient?: Promise<RestClient>;
  private disco?: Promise<Discovery>;

  constructor(
    readonly io: KubectlIO,
    readonly flags: ParsedFlags,
  ) {}

  private flag(name: string): string {
    return this.flags.has(name) ? this.flags.string(name) : '';
  }

  /** -v: klog's verbosity (6 logs each request's line, 7 its headers, 8 bodies, 9 curl lines). */
  verbosity(): number {
    return this.flags.has('v') ? this.flags.number('v') : 0;
  }

  loadOptions(): LoadOptions {
    return { explicitPath: this.flag('kubeconfig') || undefined };
  }

  /** The merged kubeconfig as `kubectl config` reads it (a missing --kubeconfig file is empty). */
  rawConfig(): Promise<Kubeconfig> {
    return (this.raw ??= loadKubeconfig(this.io, this.loadOptions()));
  }

  clientConfig(): Promise<ClientConfig> {
    this.strictRaw ??= loadKubeconfig(this.io, { ...this.loadOptions(), explicitMustExist: true }).then((cfg) => {
      // Upstream: clientcmd loader.go LoadFromFile, klog.V(6).Infoln (two operands, two spaces).
      if (this.verbosity() >= 6) for (const f of cfg.files) klogf(this.io, 'I', 'loader.go:402', `Config loaded from file:  ${f}`);
      return cfg;
    });
    return (this.resolved ??= this.strictRaw.then((cfg) =>
      resolveClientConfig(this.io, cfg, {
        context: this.flag('context') || undefined,
        cluster: this.flag('cluster') || undefined,
        user: this.flag('user') || undefined,
        namespace: this.flag('namespace') || undefined,
        server: this.flag('server') || undefined,
        token: this.flag('token') || undefined,
        certificateAuthority: this.flag('certificate-authority') || undefined,
        clientCertificate: this.flag('client-certificate') || undefined,
        clientKey: this.flag('client-key') || undefined,
        insecureSkipTLSVerify: this.flags.has('insecure-skip-tls-verify') && this.flags.bool('insecure-skip-tls-verify'),
        tlsServerName: this.flag('tls-server-name') || undefined,
      }),
    ));
  }

  /** The namespace for this request, and whether it was asked for (`-n` or the context). */
  async namespace(): Promise<{ namespace: string; explicit: boolean }> {
    const c = await this.clientConfig();
    return { namespace: c.namespace, explicit: this.flags.changed('namespace') && this.flag('namespace') !== '' };
  }

  // Upstream: cmdutil.GetFlagDuration / config_flags.go: "0" or an integer means seconds.
  requestTimeoutMs(): number {
    const v = this.flag('request-timeout') || '0';
    if (/^\d+$/.test(v)) return Number(v) * 1000;
    try {
      return parseGoDuration(v);
    } catch {
      throw new KubectlError(
        'Invalid timeout value. Timeout must be a single integer in seconds, or an integer followed by a corresponding time unit (e.g. 1s | 2m | 3h)',
      );
    }
  }

  client(): Promise<RestClient> {
    return (this.restClient ??= (async () => {
      const timeoutMs = this.requestTimeoutMs();
      const cfg = await this.clientConfig();
      return new RestClient(cfg, this.io, {
        timeoutMs,
        warningsAsErrors: this.flags.has('warnings-as-errors') && this.flags.bool('warnings-as-errors'),
        verbosity: this.verbosity(),
      });
    })());
  }

  discovery(): Promise<Discovery> {
    return (this.disco ??= this.client().then((c) => {
      const d = new Discovery(c, this.io.diskCache ? { dir: discoveryCacheDir(this.cacheDir(), c.config.server), fs: this.io.fs, now: () => this.io.now() } : undefined);
      // Upstream: cached_discovery.go Invalidate, klog.V(6).
      if (this.verbosity() >= 6) d.onInvalidate = () => klogf(this.io, 'I', 'discovery.go:214', 'Invalidating discovery information');
      return d;
    }));
  }

  // Upstream: config_flags.go getDefaultCacheDir — --cache-dir, else $KUBECACHEDIR, else ~/.kube/cache.
  private cacheDir(): string {
    if (this.flags.changed('cache-dir')) return this.flag('cache-dir');
    return this.io.env.KUBECACHEDIR || this.flag('cache-dir');
  }

  /**
   * Runs lookups against the REST mapper; when one finds nothing and discovery came from the
   * disk cache, discovery is fetched afresh and the lookups run once more (a CRD created since).
   */
  async withMapper<T>(lookup: (mapper: RestMapper) => T | Promise<T>, attempts = 1): Promise<T> {
    const mapper = await this.mapper(attempts);
    try {
      return await lookup(mapper);
    } catch (e) {
      if (!(e instanceof NoResourceMatchError) || !(await this.discovery()).refreshIfStale()) throw e;
      return lookup(await this.mapper(attempts));
    }
  }

  /** After a lookup missed: fresh discovery when the cached one may be stale, else undefined. */
  async freshMapper(attempts = 1): Promise<RestMapper | undefined> {
    return (await this.discovery()).refreshIfStale() ? this.mapper(attempts) : undefined;
  }

  /**
   * The REST mapper. When the server cannot be reached, kubectl's memcached discovery logs
   * one klog error per attempt before the command fails; `attempts` reproduces how many a
   * command makes (5 for `get`).
   */
  async mapper(attempts = 1): Promise<RestMapper> {
    const d = await this.discovery();
    for (let i = 1; ; i++) {
      try {
        return new RestMapper(await d.get());
      } catch (e) {
        if (!(e instanceof UrlError)) throw e;
        klogStructured(this.io, 'E', 'memcache.go:265', 'Unhandled Error', {
          err: `couldn't get current server API group list: ${e.message}`,
        });
        if (i >= attempts) throw e;
      }
    }
  }
}
