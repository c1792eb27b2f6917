// `kubectl create deployment NAME --image=...`. Upstream: kubernetes/kubectl
// pkg/cmd/create/create_deployment.go (generate, buildPodSpec, sanitizeAndUniquify).
// Objects are built with keys in Go struct order so `-o json` matches.

import type { CommandContext, CommandSpec } from '../../cli/command';
import { KubectlError } from '../../errors';
import type { KubeObject } from '../../printers/name-printer';
import { createDeploymentDocs } from '../docs/create-deployment';
import { createAndPrint, dryRunStrategy, enforcedNamespace, requireName } from './create-util';

const randAlphabet = 'bcdfghjklmnpqrstvwxz2456789';

// Upstream: create_deployment.go sanitizeAndUniquify (utilrand.String(5)).
export function containerNameFor(image: string, random: () => number = Math.random): string {
  let name = image.split('/').pop()!;
  if (name.includes(':')) name = name.split(':')[0];
  if (name.includes('@')) name = name.split('@')[0];
  if (/[_.]/.test(name)) {
    const suffix = Array.from({ length: 5 }, () => randAlphabet[Math.floor(random() * randAlphabet.length)]).join('');
    name = `${name.replace(/[_.]/g, '-')}-${suffix}`;
  }
  return name;
}

export function buildDeployment(o: { name: string; namespace?: string; images: string[]; command: string[]; replicas: number; port: number }): KubeObject {
  const labels = { app: o.name };
  const containers = o.images.map((image) => ({
    name: containerNameFor(image),
    image,
    ...(o.command.length ? { command: o.command } : {}),
    resources: {},
  })) as Record<string, unknown>[];
  if (o.port >= 0 && containers.length > 0) {
    const { resources, ...rest } = containers[0];
    containers[0] = { ...rest, ports: [{ containerPort: o.port }], resources };
  }
  return {
    kind: 'Deployment',
    apiVersion: 'apps/v1',
    metadata: { name: o.name, ...(o.namespace ? { namespace: o.namespace } : {}), creationTimestamp: null, labels },
    spec: {
      replicas: o.replicas,
      selector: { matchLabels: labels },
      template: { metadata: { creationTimestamp: null, labels }, spec: { containers } },
      strategy: {},
    },
    status: {},
  };
}

async function runCreateDeployment(ctx: CommandContext): Promise<number> {
  const dash = ctx.argsLenAtDash;
  const names = dash >= 0 ? ctx.args.slice(0, dash) : ctx.args;
  const command = dash >= 0 ? ctx.args.slice(dash) : [];
  const name = requireName(ctx, names);
  const images = ctx.flags.strings('image');
  if (images.length > 1 && command.length > 0) throw new KubectlError('cannot specify multiple --image options and command');
  const dryRun = dryRunStrategy(ctx);
  const obj = buildDeployment({
    name,
    namespace: await enforcedNamespace(ctx),
    images,
    command,
    replicas: ctx.flags.number('replicas'),
    port: ctx.flags.number('port'),
  });
  return createAndPrint(ctx, obj, { group: 'apps', version: 'v1', resource: 'deployments', what: 'deployment' }, dryRun);
}

export const createDeploymentCommand: CommandSpec = {
  ...createDeploymentDocs,
  short: 'Create a deployment with the specified name',
  requiredFlags: ['image'],
  run: runCreateDeployment,
};
