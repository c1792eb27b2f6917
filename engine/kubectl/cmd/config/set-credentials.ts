// `kubectl config set-credentials NAME`: merges the flags given into the user stanza; setting a
// token clears basic auth and the other way round. Upstream: kubernetes/kubectl
// pkg/cmd/config/create_authinfo.go (complete errors print the help first; validate errors do not).

import type { CommandContext, CommandSpec } from '../../cli/command';
import { goQuote } from '../../cli/flags';
import { renderHelp } from '../../cli/help';
import { KubectlError } from '../../errors';
import { absPath, modifyConfig, type Json, type JsonObject } from '../../kubeconfig';
import { configSetCredentialsDocs } from '../docs/config-set-credentials';
import { startingConfig } from './helpers';
import { checkEmbeddable, readForEmbedding } from './set-cluster';

const interactiveModes = ['IfAvailable', 'Never', 'Always'];

interface Pairs {
  set: Map<string, string>;
  remove: string[];
}

// Upstream: cmdutil.ParsePairs with supportRemove: `k=v` sets, `k-` removes.
function parsePairs(args: string[], flag: string): Pairs {
  const pairs: Pairs = { set: new Map(), remove: [] };
  const invalid: string[] = [];
  for (const arg of args) {
    if (arg.includes('=') && arg[0] !== '=') {
      const i = arg.indexOf('=');
      pairs.set.set(arg.slice(0, i), arg.slice(i + 1));
    } else if (arg.endsWith('-') && arg !== '-') pairs.remove.push(arg.slice(0, -1));
    else invalid.push(arg);
  }
  if (invalid.length) throw new KubectlError(`invalid ${flag} format: ${invalid.join(', ')}`);
  return pairs;
}

function complete(ctx: CommandContext): { authProviderArgs?: Pairs; execArgs?: string[]; execEnv?: Pairs } {
  if (ctx.args.length !== 1) throw new KubectlError(`unexpected args: [${ctx.args.join(' ')}]`);
  const providerArgs = ctx.flags.strings('auth-provider-arg');
  const execArgs = ctx.flags.strings('exec-arg');
  const execEnv = ctx.flags.strings('exec-env');
  return {
    authProviderArgs: providerArgs.length ? parsePairs(providerArgs, 'auth-provider-arg') : undefined,
    execArgs: execArgs.length ? execArgs : undefined,
    execEnv: execEnv.length ? parsePairs(execEnv, 'exec-env') : undefined,
  };
}

async function validate(ctx: CommandContext, name: string): Promise<void> {
  const { flags } = ctx;
  if (!name) throw new KubectlError('you must specify a non-empty user name');
  const methods: string[] = [];
  if (flags.string('token')) methods.push('--token');
  if (flags.string('username') || flags.string('password')) methods.push('--username/--password');
  if (methods.length > 1) throw new KubectlError(`you cannot specify more than one authentication method at the same time: ${methods.join(', ')}`);
  if (flags.bool('embed-certs')) {
    const cert = flags.string('client-certificate');
    const key = flags.string('client-key');
    if (!cert && !key) throw new KubectlError('you must specify a --client-certificate or --client-key to embed');
    if (cert) await checkEmbeddable(ctx, 'client-certificate', cert);
    if (key) await checkEmbeddable(ctx, 'client-key', key);
  }
  if (flags.changed('exec-interactive-mode') && !interactiveModes.includes(flags.string('exec-interactive-mode'))) {
    throw new KubectlError('invalid interactive mode type, can be only IfAvailable, Never, Always');
  }
}

const isObject = (v: Json | undefined): v is JsonObject => !!v && typeof v === 'object' && !Array.isArray(v);

export const setCredentialsCommand: CommandSpec = {
  ...configSetCredentialsDocs,
  short: 'Set a user entry in kubeconfig',
  run: async (ctx) => {
    const { flags } = ctx;
    let parsed: ReturnType<typeof complete>;
    try {
      parsed = complete(ctx);
    } catch (e) {
      ctx.io.stdout.write(renderHelp(ctx.command, ctx.io.terminal));
      throw e;
    }
    const name = ctx.args[0];
    await validate(ctx, name);

    const { starting, next } = await startingConfig(ctx);
    const stanza = next.users.get(name) ?? { name, body: {}, origin: '' };
    const body: JsonObject = stanza.body;
    const embed = flags.bool('embed-certs');
    for (const [flag, pathKey, dataKey] of [
      ['client-certificate', 'client-certificate', 'client-certificate-data'],
      ['client-key', 'client-key', 'client-key-data'],
    ] as const) {
      if (!flags.changed(flag)) continue;
      if (embed) {
        const data = await readForEmbedding(ctx, flags.string(flag));
        if (data === undefined) delete body[dataKey];
        else body[dataKey] = data;
        delete body[pathKey];
      } else {
        body[pathKey] = absPath(ctx.io, flags.string(flag));
        delete body[dataKey];
      }
    }
    let setToken = false;
    let setBasic = false;
    if (flags.changed('token')) {
      body.token = flags.string('token');
      setToken = body.token !== '';
    }
    for (const f of ['username', 'password'] as const) {
      if (!flags.changed(f)) continue;
      body[f] = flags.string(f);
      setBasic ||= body[f] !== '';
    }
    if (flags.changed('auth-provider')) {
      const provider = flags.string('auth-provider');
      const current = body['auth-provider'];
      if (!isObject(current) || current.name !== provider) body['auth-provider'] = { name: provider, config: null };
    }
    const provider = body['auth-provider'];
    if (isObject(provider)) {
      const config: JsonObject = isObject(provider.config) ? provider.config : {};
      for (const k of parsed.authProviderArgs?.remove ?? []) delete config[k];
      for (const [k, v] of parsed.authProviderArgs?.set ?? []) config[k] = v;
      // A Go map: encoders print its keys sorted.
      provider.config = Object.fromEntries(Object.entries(config).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    if (flags.changed('exec-command')) {
      const command = flags.string('exec-command');
      if (isObject(body.exec)) {
        body.exec.command = command;
        // A new command drops the old arguments.
        body.exec.args = null;
      } else body.exec = { command, args: null, env: null, provideClusterInfo: false };
    }
    const exec = body.exec;
    // The other exec flags only change an exec config that exists.
    if (isObject(exec)) {
      if (flags.changed('exec-api-version')) exec.apiVersion = flags.string('exec-api-version');
      if (parsed.execArgs) exec.args = parsed.execArgs;
      if (parsed.execEnv) {
        const { set, remove } = parsed.execEnv;
        const env = (Array.isArray(exec.env) ? exec.env : []).filter((e) => !(isObject(e) && remove.includes(String(e.name)))) as JsonObject[];
        for (const [k, v] of set) {
          const existing = env.find((e) => e.name === k);
          if (existing) existing.value = v;
          else env.push({ name: k, value: v });
        }
        exec.env = env;
      }
      if (flags.changed('exec-interactive-mode')) exec.interactiveMode = flags.string('exec-interactive-mode');
      if (flags.changed('exec-provide-cluster-info')) exec.provideClusterInfo = flags.bool('exec-provide-cluster-info');
    }
    if (setToken || setBasic) {
      if (!setToken) delete body.token;
      if (!setBasic) {
        delete body.username;
        delete body.password;
      }
    }
    next.users.set(name, stanza);
    await modifyConfig(ctx.io, ctx.factory.loadOptions(), starting, next, true);
    ctx.io.stdout.write(`User ${goQuote(name)} set.\n`);
    return 0;
  },
};
