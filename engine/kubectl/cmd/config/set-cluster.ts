// `kubectl config set-cluster NAME`: only the flags given change the stanza, except
// --insecure-skip-tls-verify, which kubectl always applies (its tristate has a default, so it
// counts as given: an omitted flag turns insecure mode off). Upstream: kubernetes/kubectl
// pkg/cmd/config/create_cluster.go.

import type { CommandContext, CommandSpec } from '../../cli/command';
import { goQuote } from '../../cli/flags';
import { KubectlError } from '../../errors';
import { resolvePath } from '../../io';
import { absPath, bytesToBase64, modifyConfig, type JsonObject } from '../../kubeconfig';
import { configSetClusterDocs } from '../docs/config-set-cluster';
import { goStrings, helpError, startingConfig } from './helpers';

/** os.Stat before embedding: a missing file is an error; other files are read (unreadable: no data). */
export async function checkEmbeddable(ctx: CommandContext, flag: string, path: string): Promise<void> {
  if (!(await ctx.io.fs.exists(resolvePath(ctx.io, path)))) {
    throw new KubectlError(`could not stat ${flag} file ${path}: stat ${path}: no such file or directory`);
  }
}

/** ioutil.ReadFile with the error ignored, base64 for the v1 `*-data` field. */
export async function readForEmbedding(ctx: CommandContext, path: string): Promise<string | undefined> {
  try {
    return bytesToBase64(await ctx.io.fs.readFile(resolvePath(ctx.io, path)));
  } catch {
    return undefined;
  }
}

export const setClusterCommand: CommandSpec = {
  ...configSetClusterDocs,
  short: 'Set a cluster entry in kubeconfig',
  run: async (ctx) => {
    const { flags } = ctx;
    if (ctx.args.length !== 1) helpError(ctx, `Unexpected args: ${goStrings(ctx.args)}`);
    const name = ctx.args[0];
    const insecure = flags.bool('insecure-skip-tls-verify');
    const caPath = flags.string('certificate-authority');
    const embed = flags.bool('embed-certs');
    if (!name) throw new KubectlError('you must specify a non-empty cluster name');
    if (insecure && caPath !== '') throw new KubectlError('you cannot specify a certificate authority and insecure mode at the same time');
    if (embed) {
      if (caPath === '') throw new KubectlError('you must specify a --certificate-authority to embed');
      await checkEmbeddable(ctx, 'certificate-authority', caPath);
    }

    const { starting, next } = await startingConfig(ctx);
    const stanza = next.clusters.get(name) ?? { name, body: {}, origin: '' };
    const body: JsonObject = stanza.body;
    if (flags.changed('server')) {
      body.server = flags.string('server');
      // A new server invalidates the TLS server name; a --tls-server-name given too wins below.
      delete body['tls-server-name'];
    }
    if (flags.changed('tls-server-name')) body['tls-server-name'] = flags.string('tls-server-name');
    body['insecure-skip-tls-verify'] = insecure;
    if (insecure) {
      delete body['certificate-authority'];
      delete body['certificate-authority-data'];
    }
    if (flags.changed('proxy-url')) body['proxy-url'] = flags.string('proxy-url');
    if (flags.changed('certificate-authority')) {
      if (embed) {
        const data = await readForEmbedding(ctx, caPath);
        if (data === undefined) delete body['certificate-authority-data'];
        else body['certificate-authority-data'] = data;
        body['insecure-skip-tls-verify'] = false;
        delete body['certificate-authority'];
      } else {
        // filepath.Abs (so never empty); written relative to the kubeconfig file when beneath it.
        body['certificate-authority'] = absPath(ctx.io, caPath);
        body['insecure-skip-tls-verify'] = false;
        delete body['certificate-authority-data'];
      }
    }
    next.clusters.set(name, stanza);
    await modifyConfig(ctx.io, ctx.factory.loadOptions(), starting, next, true);
    ctx.io.stdout.write(`Cluster ${goQuote(name)} set.\n`);
    return 0;
  },
};
