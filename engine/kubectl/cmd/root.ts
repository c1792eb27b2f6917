// The `kubectl` root command: global options, the grouped command list of `kubectl --help`,
// and every top-level command (placeholders for those Kubelab has not implemented).
// Upstream: kubernetes/kubectl pkg/cmd/cmd.go (NewKubectlCommand, command groups).

import type { CommandSpec } from '../cli/command';
import { renderHelp, renderOptions } from '../cli/help';
import { globalFlags } from './global-flags';
import { placeholder } from './not-implemented';
import { versionCommand } from './version';
import { configCommand } from './config/config';
import { createCommand } from './create/create';
import { getCommand } from './get';
import { applyCommand } from './apply';
import { deleteCommand } from './delete';
import { describeCommand } from './describe';
import { helpCommand } from './help';
import { explainCommand } from './explain';
import { apiResourcesCommand, apiVersionsCommand } from './api-resources';
import { clusterInfoCommand } from './cluster-info';
import { logsCommand } from './logs';
import { attachCommand, execCommand } from './exec';
import { portForwardCommand } from './port-forward';
import { topCommand } from './top';
import { completeCommand, completionCommand } from './completion';
import { labelCommand } from './label';
import { annotateCommand } from './annotate';
import { scaleCommand } from './scale';
import { patchCommand } from './patch';
import { setCommand } from './set';
import { rolloutCommand } from './rollout';
import { exposeCommand, runCommand } from './run-cmd';
import { cordonCommand, drainCommand, taintCommand, uncordonCommand } from './node-cmds';
import { editCommand } from './edit';
import { eventsCommand } from './events';
import { autoscaleCommand, replaceCommand, waitCommand } from './misc-cmds';

const groups = [
  { message: 'Basic Commands (Beginner):', commands: ['create', 'expose', 'run', 'set'] },
  { message: 'Basic Commands (Intermediate):', commands: ['explain', 'get', 'edit', 'delete'] },
  { message: 'Deploy Commands:', commands: ['rollout', 'scale', 'autoscale'] },
  { message: 'Cluster Management Commands:', commands: ['certificate', 'cluster-info', 'top', 'cordon', 'uncordon', 'drain', 'taint'] },
  {
    message: 'Troubleshooting and Debugging Commands:',
    commands: ['describe', 'logs', 'attach', 'exec', 'port-forward', 'proxy', 'cp', 'auth', 'debug', 'events'],
  },
  { message: 'Advanced Commands:', commands: ['diff', 'apply', 'patch', 'replace', 'wait', 'kustomize'] },
  { message: 'Settings Commands:', commands: ['label', 'annotate', 'completion'] },
  // kubectl always prints this heading, empty when no plugin is installed.
  { message: 'Subcommands provided by plugins:', commands: [] },
  { message: 'Other Commands:', commands: ['api-resources', 'api-versions', 'config', 'plugin', 'version'] },
];

export function rootSpec(home: string): CommandSpec {
  return {
    use: 'kubectl',
    short: 'kubectl controls the Kubernetes cluster manager',
    long: 'kubectl controls the Kubernetes cluster manager.\n\n Find more information at: https://kubernetes.io/docs/reference/kubectl/',
    persistentFlags: globalFlags(home),
    groups,
    run: async (ctx) => {
      ctx.io.stdout.write(renderHelp(ctx.command.root, ctx.io.terminal));
      return 0;
    },
    // Order matters: cobra suggests commands in the order they were added.
    subcommands: [
      createCommand,
      exposeCommand,
      runCommand,
      setCommand,
      explainCommand,
      getCommand,
      editCommand,
      deleteCommand,
      rolloutCommand,
      scaleCommand,
      autoscaleCommand,
      placeholder('certificate', 'Modify certificate resources'),
      clusterInfoCommand,
      topCommand,
      cordonCommand,
      uncordonCommand,
      drainCommand,
      taintCommand,
      describeCommand,
      logsCommand,
      attachCommand,
      execCommand,
      portForwardCommand,
      placeholder('proxy', 'Run a proxy to the Kubernetes API server'),
      placeholder('cp', 'Copy files and directories to and from containers'),
      placeholder('auth', 'Inspect authorization'),
      placeholder('debug', 'Create debugging sessions for troubleshooting workloads and nodes'),
      eventsCommand,
      placeholder('diff', 'Diff the live version against a would-be applied version'),
      applyCommand,
      patchCommand,
      replaceCommand,
      waitCommand,
      placeholder('kustomize', 'Build a kustomization target from a directory or URL'),
      labelCommand,
      annotateCommand,
      completionCommand,
      configCommand,
      placeholder('plugin', 'Provides utilities for interacting with plugins'),
      versionCommand,
      apiVersionsCommand,
      apiResourcesCommand,
      {
        use: 'options',
        short: 'Print the list of flags inherited by all commands',
        hidden: true,
        run: async (ctx) => {
          ctx.io.stdout.write(renderOptions(ctx.command.root, ctx.io.terminal));
          return 0;
        },
      },
      helpCommand,
      completeCommand,
    ],
  };
}
