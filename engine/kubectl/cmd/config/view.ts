// `kubectl config view`: the merged (or --minify'd) kubeconfig, secrets shortened unless --raw.
// Upstream: kubernetes/kubectl pkg/cmd/config/view.go; client-go tools/clientcmd/api/helpers.go
// (MinifyConfig, ShortenConfig, FlattenConfig).

import type { CommandSpec } from '../../cli/command';
import { KubectlError, UsageError } from '../../errors';
import { bytesToBase64, toV1, type Kubeconfig, type JsonObject, type NamedStanza } from '../../kubeconfig';
import { resolvePath } from '../../io';
import { makePrinter, PrinterError } from '../../printers/print-flags';
import { configViewDocs } from '../docs/config-view';

const flattenFields: Record<string, [string, string][]> = {
  clusters: [['certificate-authority', 'certificate-authority-data']],
  users: [['client-certificate', 'client-certificate-data'], ['client-key', 'client-key-data']],
};

export const viewCommand: CommandSpec = {
  ...configViewDocs,
  short: 'Display merged kubeconfig settings or a specified kubeconfig file',
  run: async (ctx) => {
    const { flags, io } = ctx;
    if (ctx.args.length > 0) throw new UsageError(ctx.command.path, `unexpected arguments: [${ctx.args.join(' ')}]`);
    let printer;
    try {
      printer = makePrinter({
        output: flags.string('output'),
        template: flags.string('template'),
        allowMissingTemplateKeys: flags.bool('allow-missing-template-keys'),
        showManagedFields: true,
        readFile: () => '',
      });
    } catch (e) {
      if (e instanceof PrinterError) throw new KubectlError(e.message);
      throw e;
    }
    // `kubectl config` loads without resolving paths (DoNotResolvePaths): they print as written.
    const cfg = cloneConfig(await ctx.factory.rawConfig());
    if (flags.bool('minify')) {
      if (flags.string('context')) cfg.currentContext = flags.string('context');
      minify(cfg);
    }
    if (flags.bool('flatten')) {
      for (const kind of ['clusters', 'users'] as const) {
        for (const st of cfg[kind].values()) {
          for (const [pathKey, dataKey] of flattenFields[kind]) {
            const p = st.body[pathKey];
            if (typeof p === 'string' && p) {
              // FlattenConfig reads relative paths against the directory of the file that named them.
              const dir = st.origin.includes('/') ? st.origin.slice(0, st.origin.lastIndexOf('/') + 1) : '';
              st.body[dataKey] = bytesToBase64(await io.fs.readFile(resolvePath(io, p.startsWith('/') ? p : dir + p)));
              delete st.body[pathKey];
            }
          }
        }
      }
    }
    // Upstream: a flattened config is never shortened (it exists to be copied whole).
    if (!flags.bool('raw') && !flags.bool('flatten')) shorten(cfg);
    try {
      io.stdout.write(printer.print(toV1(cfg) as never, { typed: true }));
    } catch (e) {
      if (e instanceof PrinterError) throw new KubectlError(e.message);
      throw e;
    }
    return 0;
  },
};

function cloneConfig(cfg: Kubeconfig): Kubeconfig {
  const copy = (m: Map<string, NamedStanza>) => new Map([...m].map(([k, v]) => [k, { ...v, body: { ...v.body } as JsonObject }]));
  return { ...cfg, clusters: copy(cfg.clusters), users: copy(cfg.users), contexts: copy(cfg.contexts), preferences: { ...cfg.preferences } };
}

// Upstream: MinifyConfig.
function minify(cfg: Kubeconfig): void {
  if (!cfg.currentContext) throw new KubectlError('current-context must exist in order to minify');
  const ctx = cfg.contexts.get(cfg.currentContext);
  if (!ctx) throw new KubectlError(`cannot locate context ${cfg.currentContext}`);
  const cluster = String(ctx.body.cluster ?? '');
  const user = String(ctx.body.user ?? '');
  if (cluster && !cfg.clusters.has(cluster)) throw new KubectlError(`cannot locate cluster ${cluster}`);
  if (user && !cfg.users.has(user)) throw new KubectlError(`cannot locate user ${user}`);
  cfg.contexts = new Map([[cfg.currentContext, ctx]]);
  cfg.clusters = cluster ? new Map([[cluster, cfg.clusters.get(cluster)!]]) : new Map();
  cfg.users = user ? new Map([[user, cfg.users.get(user)!]]) : new Map();
}

// Upstream: ShortenConfig — certificate data becomes DATA+OMITTED, tokens and passwords REDACTED.
function shorten(cfg: Kubeconfig): void {
  for (const st of cfg.users.values()) {
    for (const k of ['client-key-data', 'client-certificate-data']) if (st.body[k]) st.body[k] = 'DATA+OMITTED';
    for (const k of ['token', 'password']) if (st.body[k]) st.body[k] = 'REDACTED';
  }
  for (const st of cfg.clusters.values()) if (st.body['certificate-authority-data']) st.body['certificate-authority-data'] = 'DATA+OMITTED';
}
