// `kubectl create configmap NAME [--from-literal|--from-file|--from-env-file]`.
// Upstream: kubernetes/kubectl pkg/cmd/create/create_configmap.go (createConfigMap,
// addKeyFromLiteralToConfigMap: UTF-8 values go to data, the rest to binaryData).

import type { CommandContext, CommandSpec } from '../../cli/command';
import { goQuote } from '../../cli/flags';
import { KubectlError } from '../../errors';
import { bytesToBase64 } from '../../kubeconfig';
import type { KubeObject } from '../../printers/name-printer';
import { createConfigmapDocs } from '../docs/create-configmap';
import { createAndPrint, dryRunStrategy, enforcedNamespace, requireName } from './create-util';
import { configMapKeyErrors, isValidUtf8, parseLiteralSource, readEnvFileSources, readFileSources, sortedRecord } from './from-sources';

async function runCreateConfigMap(ctx: CommandContext): Promise<number> {
  const name = requireName(ctx, ctx.args);
  const dryRun = dryRunStrategy(ctx);
  const fromFile = ctx.flags.strings('from-file');
  const fromEnv = ctx.flags.strings('from-env-file');
  if (fromFile.length > 0 && fromEnv.length > 0) throw new KubectlError('from-env-file cannot be combined with from-file or from-literal');
  const data = new Map<string, string>();
  const binary = new Map<string, string>();
  const add = (key: string, value: Uint8Array | string) => {
    const errs = configMapKeyErrors(key);
    if (errs.length) throw new KubectlError(`${goQuote(key)} is not a valid key name for a ConfigMap: ${errs.join('; ')}`);
    if (data.has(key) || binary.has(key)) {
      throw new KubectlError(`cannot add key ${goQuote(key)}, another key by that name already exists in Data for ConfigMap ${goQuote(name)}`);
    }
    if (typeof value === 'string') data.set(key, value);
    else if (isValidUtf8(value)) data.set(key, new TextDecoder().decode(value));
    else binary.set(key, bytesToBase64(value));
  };
  for (const f of await readFileSources(ctx.io, fromFile)) add(f.key, f.content);
  for (const lit of ctx.flags.strings('from-literal')) add(...parseLiteralSource(lit));
  for (const [k, v] of await readEnvFileSources(ctx.io, fromEnv)) add(k, v);
  const namespace = await enforcedNamespace(ctx);
  const obj: KubeObject = {
    kind: 'ConfigMap',
    apiVersion: 'v1',
    metadata: { name, ...(namespace ? { namespace } : {}), creationTimestamp: null },
    ...(data.size ? { data: sortedRecord(data) } : {}),
    ...(binary.size ? { binaryData: sortedRecord(binary) } : {}),
  };
  return createAndPrint(ctx, obj, { group: '', version: 'v1', resource: 'configmaps', what: 'configmap' }, dryRun);
}

export const createConfigMapCommand: CommandSpec = {
  ...createConfigmapDocs,
  short: 'Create a config map from a local file, directory or literal value',
  run: runCreateConfigMap,
};
