// kubectl's help layout (not cobra's default): long text, Aliases, Examples, command
// groups, Options (one flag per paragraph), Usage, and the two "Use ..." tips.
// Upstream: kubernetes/kubectl pkg/util/templates/templates.go, templater.go,
// help_flags_printer.go.

import type { TerminalInfo } from '../io';
import type { Command } from './command';
import { defaultText, type FlagSpec } from './flags';

export function renderHelp(cmd: Command, terminal?: TerminalInfo): string {
  return (cmd.spec.long ?? cmd.spec.short ?? '').trim() + renderUsage(cmd, terminal);
}

/** cobra's UsageString under kubectl's template: everything but the long text. */
export function renderUsage(cmd: Command, terminal?: TerminalInfo): string {
  let out = '\n\n';
  if (cmd.spec.aliases?.length) out += `Aliases:\n${[cmd.name, ...cmd.spec.aliases].join(', ')}\n\n`;
  if (cmd.spec.example) out += `Examples:\n${indentLines(cmd.spec.example.replace(/\s+$/, ''), 2)}\n\n`;
  if (cmd.availableChildren().length > 0) out += commandGroups(cmd) + '\n\n';
  const visible = (cmd.spec.flags ?? []).filter((f) => !f.hidden && f.name !== 'help');
  if (visible.length > 0) out += 'Options:\n' + flagsUsages(visible, terminal);
  if (cmd.runnable) out += `Usage:\n  ${usageLine(cmd)}\n\n`;
  if (cmd.children.length > 0) out += `Use "${cmd.path} <command> --help" for more information about a given command.\n`;
  out += `Use "${cmd.root.name} options" for a list of global command-line options (applies to all commands).\n`;
  return out;
}

/** `kubectl options`: every global flag. */
export function renderOptions(root: Command, terminal?: TerminalInfo): string {
  const flags = (root.spec.persistentFlags ?? []).filter((f) => !f.hidden);
  return 'The following options can be passed to any command:\n\n' + flagsUsages(flags, terminal);
}

function indentLines(text: string, n: number): string {
  const pad = ' '.repeat(n);
  return text
    .split('\n')
    .map((l) => pad + l)
    .join('\n');
}

// Upstream: templater.go cmdGroupsString; names padded to the longest visible name + 3.
function commandGroups(cmd: Command): string {
  const visible = cmd.availableChildren();
  // cobra's NamePadding never goes below minNamePadding (11).
  const width = Math.max(11, ...visible.map((c) => c.name.length)) + 2;
  const line = (c: Command) => '  ' + c.name.padEnd(width) + ' ' + (c.spec.short ?? '');
  const groups = cmd.spec.groups;
  if (!groups) return ['Available Commands:', ...visible.map(line)].join('\n');
  const grouped = new Set(groups.flatMap((g) => g.commands));
  const blocks = groups.map((g) =>
    [g.message, ...g.commands.map((n) => visible.find((c) => c.name === n)).filter((c): c is Command => !!c).map(line)].join('\n'),
  );
  const others = visible.filter((c) => !grouped.has(c.name));
  if (others.length > 0) blocks.push(['Other Commands:', ...others.map(line)].join('\n'));
  return blocks.join('\n\n');
}

// Upstream: cobra UseLine + kubectl templater usageLine.
export function usageLine(cmd: Command): string {
  let use = cmd.parent ? `${cmd.parent.path} ${cmd.spec.use}` : cmd.spec.use;
  if (!cmd.spec.disableFlagsInUseLine && !use.includes('[flags]')) use += ' [flags]';
  if (!use.includes('[options]')) use += ' [options]';
  return use;
}

// Upstream: help_flags_printer.go PrintHelpFlag. On a terminal the usage is word-wrapped
// at the width minus 10; elsewhere the limit underflows (uint) and nothing wraps.
export function flagsUsages(flags: FlagSpec[], terminal?: TerminalInfo): string {
  const sorted = [...flags].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const limit = terminal?.isTTY && terminal.columns > 10 ? terminal.columns - 10 : Infinity;
  let out = '';
  for (const f of sorted) {
    const name = f.shorthand ? `-${f.shorthand}, --${f.name}` : `--${f.name}`;
    const def = f.type === 'string' ? `'${defaultText(f)}'` : defaultText(f);
    const deprecated = f.deprecated ? ` (DEPRECATED: ${f.deprecated})` : '';
    const usage = (f.usage + deprecated).split('\n').join(' ');
    out += `    ${name}=${def}:\n` + wrapString(usage, limit).replace(/\n/g, '\n\t').replace(/^/, '\t') + '\n\n';
  }
  return out;
}

// Upstream: github.com/mitchellh/go-wordwrap WrapString (breaks at spaces, never inside words).
export function wrapString(s: string, limit: number): string {
  if (!Number.isFinite(limit)) return s;
  const words = s.split(' ');
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line === '') line = w;
    else if (line.length + 1 + w.length <= limit) line += ' ' + w;
    else {
      lines.push(line);
      line = w;
    }
  }
  lines.push(line);
  return lines.join('\n');
}
