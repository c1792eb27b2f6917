// `kubectl create secret` (group) and `create secret generic`. Upstream: kubernetes/kubectl
// pkg/cmd/create/create_secret.go (createSecret, addKeyFromLiteralToSecret).

import type { CommandContext, CommandSpec } from '../../cli/command';
import { goQuote } from '../../cli/flags';
import { KubectlError } from '../../errors';
import { bytesToBase64 } from '../../kubeconfig';
import type { KubeObject } from '../../printers/name-printer';
import { createSecretDocs } from '../docs/create-secret';
import { createSecretGenericDocs } from '../docs/create-secret-generic';
import { defaultSubCommandRun } from '../config/config';
import { createSecretDockerRegistryCommand, createSecretTlsCommand } from './create-generators';
import { createAndPrint, dryRunStrategy, enforcedNamespace, requireName } from './create-util';
import { configMapKeyErrors, parseLiteralSource, readEnvFileSources, readFileSources, sortedRecord } from './from-sources';

async function runCreateSecretGeneric(ctx: CommandContext): Promise<number> {
  const name = requireName(ctx, ctx.args);
  const dryRun = dryRunStrategy(ctx);
  const fromFile = ctx.flags.strings('from-file');
  const fromEnv = ctx.flags.strings('from-env-file');
  if (fromFile.length > 0 && fromEnv.length > 0) throw new KubectlError('from-env-file cannot be combined with from-file or from-literal');
  const data = new Map<string, string>();
  const add = (key: string, value: Uint8Array | string) => {
    const errs = configMapKeyErrors(key);
    if (errs.length) throw new KubectlError(`${goQuote(key)} is not valid key name for a Secret ${errs.join(';')}`);
    if (data.has(key)) throw new KubectlError(`cannot add key ${key}, another key by that name already exists`);
    data.set(key, bytesToBase64(typeof value === 'string' ? new TextEncoder().encode(value) : value));
  };
  for (const f of await readFileSources(ctx.io, fromFile)) add(f.key, f.content);
  for (const lit of ctx.flags.strings('from-literal')) add(...parseLiteralSource(lit));
  for (const [k, v] of await readEnvFileSources(ctx.io, fromEnv)) add(k, v);
  const namespace = await enforcedNamespace(ctx);
  const type = ctx.flags.string('type');
  const obj: KubeObject = {
    kind: 'Secret',
    apiVersion: 'v1',
    metadata: { name, ...(namespace ? { namespace } : {}), creationTimestamp: null },
    ...(data.size ? { data: sortedRecord(data) } : {}),
    ...(type ? { type } : {}),
  };
  return createAndPrint(ctx, obj, { group: '', version: 'v1', resource: 'secrets', what: 'secret' }, dryRun);
}

export const createSecretGenericCommand: CommandSpec = {
  ...createSecretGenericDocs,
  short: 'Create a secret from a local file, directory, or literal value',
  run: runCreateSecretGeneric,
};

export const createSecretCommand: CommandSpec = {
  ...createSecretDocs,
  short: 'Create a secret using a specified subcommand',
  run: defaultSubCommandRun,
  subcommands: [
    createSecretDockerRegistryCommand,
    createSecretGenericCommand,
    createSecretTlsCommand,
  ],
};
