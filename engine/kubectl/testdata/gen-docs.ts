// Dev tool: captures a command's help text and flags from the reference kubectl into
// cmd/docs/<command-path>.ts (user-visible output we must match). Run where /usr/bin/kubectl exists:
//   node --import tsx engine/kubectl/testdata/gen-docs.ts "rollout status" label ...
// Help never shows a flag's pflag type or NoOptDefVal, nor hidden (deprecated) flags, so those
// come from the tables below (read from upstream kubectl v1.32 flag definitions).

import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

// pflag types that cannot be told from the default shown in help.
const stringArrayFlags = new Set(['env', 'annotations', 'labels-array', 'from-literal', 'from-file', 'from-env-file', 'overrides-array', 'rule', 'resource', 'verb', 'resource-name', 'non-resource-url', 'user', 'group', 'serviceaccount', 'aggregation-rule', 'default-backend-array', 'annotation', 'selector-array', 'tcp', 'docker-server-array', 'for', 'prune-allowlist']);
const stringSliceOverrides: Record<string, Set<string>> = {
  // `create role --verb` is a stringSlice; `create clusterrole --verb` too (split on commas).
};
// NoOptDefVal per flag name (upstream: cmdutil.AddDryRunFlag, delete_flags.go, AddValidateFlags ...).
const noOptDefVal: Record<string, string> = { 'dry-run': 'unchanged', cascade: 'background', validate: 'strict' };
// Hidden deprecated flags (pflag MarkDeprecated hides them from help).
const recordFlag = { name: 'record', type: 'bool', usage: 'Record current kubectl command in the resource annotation. If set to false, do not record the command. If set to true, record the command. If not set, default to updating the existing annotation value only if one already exists.', deprecated: '--record will be removed in the future', hidden: true };
const hiddenFlags: Record<string, object[]> = {
  apply: [recordFlag],
  create: [recordFlag],
  label: [recordFlag],
  annotate: [recordFlag],
  scale: [recordFlag],
  patch: [recordFlag],
  'set image': [recordFlag],
  'set resources': [recordFlag],
  edit: [recordFlag],
  expose: [recordFlag],
  run: [recordFlag],
  autoscale: [recordFlag],
};

interface Flag {
  name: string;
  shorthand?: string;
  type: string;
  default?: string;
  noOptDefVal?: string;
  usage: string;
}

function inferType(cmd: string, name: string, def: string): { type: string; default?: string } {
  if (def === 'false' || def === 'true') return { type: 'bool', default: def === 'true' ? 'true' : undefined };
  if (def.startsWith("'")) {
    const v = def.slice(1, -1);
    return { type: 'string', default: v === '' ? undefined : v };
  }
  if (def.startsWith('[')) {
    const array = stringArrayFlags.has(name) && !stringSliceOverrides[cmd]?.has(name);
    return { type: array ? 'stringArray' : 'stringSlice', default: def === '[]' ? undefined : def };
  }
  if (/^-?\d+$/.test(def)) return { type: 'int', default: def === '0' ? undefined : def };
  if (/^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/.test(def)) return { type: 'duration', default: def === '0s' ? undefined : def };
  return { type: 'string', default: def };
}

function parseHelp(cmdPath: string, text: string) {
  const sections = ['Aliases:', 'Examples:', 'Available Commands:', 'Options:', 'Usage:'];
  const idx = (h: string) => text.indexOf(`\n\n${h}\n`);
  const firstSection = Math.min(...sections.map(idx).filter((i) => i >= 0));
  const long = text.slice(0, firstSection);
  const section = (h: string): string | undefined => {
    const i = idx(h);
    if (i < 0) return undefined;
    const start = i + h.length + 3;
    const ends = [...sections.map(idx).filter((j) => j > i), text.indexOf('\n\nUse "', i)].filter((j) => j > i);
    return text.slice(start, Math.min(...ends));
  };
  const aliasesText = section('Aliases:');
  const aliases = aliasesText ? aliasesText.trim().split(', ').slice(1) : undefined;
  const exampleText = section('Examples:');
  const example = exampleText
    ?.split('\n')
    .map((l) => l.replace(/^ {2}/, ''))
    .join('\n')
    .replace(/\s+$/, '');
  const usageText = section('Usage:')?.trim() ?? '';
  const prefix = `kubectl ${cmdPath.split(' ').slice(0, -1).join(' ')}`.trim() + ' ';
  let use = usageText.startsWith(prefix) ? usageText.slice(prefix.length) : usageText;
  use = use.replace(/ \[options\]$/, '');
  let disableFlagsInUseLine = true;
  if (use.endsWith(' [flags]')) {
    use = use.slice(0, -' [flags]'.length);
    disableFlagsInUseLine = false;
  }
  const flags: Flag[] = [];
  const optionsText = section('Options:');
  if (optionsText) {
    const re = /^ {4}(?:-(\S), )?--([\w-]+)=(.*):\n\t(.*)$/gm;
    let m: RegExpExecArray | null;
    while ((m = re.exec(optionsText))) {
      const [, short, name, def, usage] = m;
      const t = inferType(cmdPath, name, def);
      const f: Flag = { name, ...(short ? { shorthand: short } : {}), type: t.type, ...(t.default !== undefined ? { default: t.default } : {}), usage };
      if (noOptDefVal[name]) f.noOptDefVal = noOptDefVal[name];
      flags.push(f);
    }
  }
  return { use, aliases, long, example, disableFlagsInUseLine, flags };
}

function camel(path: string): string {
  return path
    .split(/[\s-]+/)
    .map((w, i) => (i === 0 ? w : w[0].toUpperCase() + w.slice(1)))
    .join('');
}

function flagLiteral(f: Record<string, unknown>): string {
  const order = ['name', 'shorthand', 'type', 'default', 'noOptDefVal', 'usage', 'deprecated', 'hidden'];
  return '{ ' + order.filter((k) => f[k] !== undefined).map((k) => `${k}: ${JSON.stringify(f[k])}`).join(', ') + ' }';
}

for (const cmdPath of process.argv.slice(2)) {
  const r = spawnSync('/usr/bin/kubectl', [...cmdPath.split(' '), '--help'], { encoding: 'utf8', env: { PATH: '/usr/bin:/bin', HOME: '/tmp/kubelab-docs-home', KUBECONFIG: '/dev/null' } });
  const d = parseHelp(cmdPath, r.stdout);
  const file = cmdPath.replace(/ /g, '-');
  const name = camel(file) + 'Docs';
  const flags = [...d.flags, ...(hiddenFlags[cmdPath] ?? [])] as Record<string, unknown>[];
  let out = `// Help text and flags of \`kubectl ${cmdPath}\`, exactly as kubectl v1.32 prints them (user-visible\n`;
  out += `// output we must match; captured from the reference binary by testdata/gen-docs.ts).\n\n`;
  out += `import type { CommandDocs } from '../../cli/command';\n\n`;
  out += `export const ${name}: CommandDocs = {\n`;
  out += `  use: ${JSON.stringify(d.use)},\n`;
  if (d.aliases?.length) out += `  aliases: ${JSON.stringify(d.aliases)},\n`;
  out += `  long: ${JSON.stringify(d.long)},\n`;
  if (d.example) out += `  example: ${JSON.stringify(d.example)},\n`;
  if (d.disableFlagsInUseLine) out += `  disableFlagsInUseLine: true,\n`;
  if (flags.length) out += `  flags: [\n${flags.map((f) => `    ${flagLiteral(f)},\n`).join('')}  ],\n`;
  out += `};\n`;
  writeFileSync(join(here, '..', 'cmd', 'docs', `${file}.ts`), out);
  console.log(`${file}.ts`);
}
