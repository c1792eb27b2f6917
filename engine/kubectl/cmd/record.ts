// `--record` (deprecated, still honoured): the kubernetes.io/change-cause annotation that
// `rollout history` shows, holding the command line.
// Upstream: kubernetes/kubectl pkg/cmd/util/record_flags.go (RecordFlags, ChangeCauseRecorder,
// parseCommandArguments: command path, positional args, then each flag as --name=value).
// kubectl lists flags in command-line order; the parsed flags here no longer carry that order,
// so global flags come first and then the command's own (the usual `--record` alone matches).

import type { CommandContext } from '../cli/command';
import type { KubeObject } from '../printers/name-printer';
import { formatGoDuration } from '../cli/flags';

export const changeCauseAnnotation = 'kubernetes.io/change-cause';

export function changeCause(ctx: CommandContext): string {
  const flags: string[] = [];
  const own = new Set((ctx.command.spec.flags ?? []).map((f) => f.name));
  const specs = ctx.command.allFlagSpecs();
  const ordered = [...specs.filter((s) => !own.has(s.name)), ...specs.filter((s) => own.has(s.name))];
  for (const s of ordered) {
    if (!ctx.flags.has(s.name) || !ctx.flags.changed(s.name)) continue;
    const v = ctx.flags.value(s.name);
    flags.push(` --${s.name}=${Array.isArray(v) ? v.join(',') : s.type === 'duration' ? formatGoDuration(Number(v)) : String(v)}`);
  }
  return [ctx.command.path, ...ctx.args].join(' ') + flags.join('');
}

/** Sets the change-cause annotation when --record was given as true. */
export function recordChangeCause(ctx: CommandContext, obj: KubeObject): void {
  if (!ctx.flags.has('record') || !ctx.flags.bool('record')) return;
  const meta = (obj.metadata ??= {}) as { annotations?: Record<string, string> };
  meta.annotations = { ...(meta.annotations ?? {}), [changeCauseAnnotation]: changeCause(ctx) };
}
