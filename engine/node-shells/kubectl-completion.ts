// Tab completion for kubectl in a node shell, as kubectl's cobra completion does it: verbs and
// subcommands from kubectl's own command tree, flags of the command being typed, resource types
// from discovery (`kubectl api-resources -o name`), object names of the typed type (also in
// TYPE/NAME form), namespaces after -n, output formats after -o, files after -f, contexts after
// `config use-context`. Works for `k` too when it is an alias of kubectl. The cluster is asked
// through the same sandboxed transport as the in-shell kubectl; discovery is cached for the
// session, names are always fresh. Anything else falls back to the shell's default completer.
// Upstream: kubectl pkg/cmd/util/completion/completion.go (ResourceTypeAndNameCompletionFunc,
// CompGetResource, CompGetContainers), spf13/cobra completions.go (__complete).
import type { Interpreter } from '../shell/interpreter';
import type { Completer, Completion } from '../shell/line-editor';
import { currentWord } from '../shell/completion';
import { resolvePath } from '../shell/virtual-fs';
import type { HttpTransport, KubectlFS, KubectlIO } from '../kubectl/io';
import { Command } from '../kubectl/cli/command';
import type { FlagSpec } from '../kubectl/cli/flags';
import { rootSpec } from '../kubectl/cmd/root';
import { loadKubeconfig, resolveClientConfig } from '../kubectl/kubeconfig';
import { RestClient } from '../kubectl/client/rest-client';
import { Discovery, type ApiResource, type DiscoveryResult } from '../kubectl/client/discovery';
import { RestMapper, resourcePath } from '../kubectl/client/rest-mapper';

export interface KubectlCompletionOptions {
  interpreter: () => Interpreter;
  fallback: Completer;
  transport: HttpTransport;
}

/** Verbs whose first argument is a resource type and the next ones names of that type. */
const TYPE_THEN_NAMES = new Set(['get', 'describe', 'delete', 'edit', 'label', 'annotate', 'patch', 'explain', 'wait']);
/** Commands whose arguments are pods. */
const POD_COMMANDS = new Set(['logs', 'exec', 'attach', 'port-forward', 'cp']);
/** Commands whose arguments are nodes. */
const NODE_COMMANDS = new Set(['cordon', 'uncordon', 'drain', 'taint']);
/** Commands taking TYPE NAME of a workload; the types kubectl offers for them. */
const WORKLOAD_TYPES: Record<string, string[]> = {
  scale: ['deployment', 'replicaset', 'replicationcontroller', 'statefulset'],
  autoscale: ['deployment', 'replicaset', 'replicationcontroller', 'statefulset'],
  expose: ['deployment', 'pod', 'replicaset', 'replicationcontroller', 'service'],
  'rollout history': ['deployment', 'daemonset', 'statefulset'],
  'rollout pause': ['deployment'],
  'rollout restart': ['deployment', 'daemonset', 'statefulset'],
  'rollout resume': ['deployment'],
  'rollout status': ['deployment', 'daemonset', 'statefulset'],
  'rollout undo': ['deployment', 'daemonset', 'statefulset'],
  'set image': ['pod', 'replicationcontroller', 'deployment', 'daemonset', 'statefulset', 'cronjob', 'replicaset'],
  'set env': ['pod', 'replicationcontroller', 'deployment', 'daemonset', 'statefulset', 'cronjob', 'replicaset'],
  'set resources': ['pod', 'replicationcontroller', 'deployment', 'daemonset', 'statefulset', 'cronjob', 'replicaset'],
};
const OUTPUT_FORMATS = ['custom-columns=', 'custom-columns-file=', 'go-template=', 'go-template-file=', 'json', 'jsonpath=', 'jsonpath-as-json=', 'jsonpath-file=', 'name', 'template=', 'templatefile=', 'wide', 'yaml'];

/** Splits the command line before the cursor into the words of its last simple command. */
export function commandWords(line: string, cursor: number): { words: string[]; current: string; start: number } {
  const { start, word } = currentWord(line, cursor);
  const before = line.slice(0, start);
  // The last simple command: after the last unquoted | ; & ( or a `$(`.
  let from = 0;
  let quote: string | undefined;
  for (let i = 0; i < before.length; i++) {
    const c = before[i];
    if (quote) {
      if (c === quote) quote = undefined;
      continue;
    }
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if ('|;&(`'.includes(c)) from = i + 1;
  }
  const words = (before.slice(from).match(/(?:[^\s"'\\]+|"[^"]*"|'[^']*'|\\.)+/g) ?? []).map(unquote);
  return { words, current: unquote(word), start };
}

function unquote(w: string): string {
  return w.replace(/"([^"]*)"|'([^']*)'|\\(.)/g, (_, a, b, c) => a ?? b ?? c ?? '');
}

function kubectlFs(sh: Interpreter): KubectlFS {
  const fs = sh.shared.fs;
  const abs = (p: string) => resolvePath(sh.state.cwd, p);
  return {
    readFile: async (p) => new Uint8Array(fs.readFileBuffer(abs(p))),
    writeFile: async () => {
      throw new Error('read-only');
    },
    exists: async (p) => fs.exists(abs(p)),
    readdir: async (p) => fs.readdir(abs(p)),
    stat: async (p) => {
      const s = fs.stat(abs(p));
      return { isFile: s.type === 'file', isDirectory: s.type === 'dir', mode: s.mode, size: s.size };
    },
    mkdir: async () => {},
  };
}

interface Parsed {
  command: Command;
  /** Positional arguments after the command path. */
  args: string[];
  flags: Map<string, string>;
  /** The flag whose value is being typed (`-n <TAB>`). */
  valueOf?: FlagSpec;
  /** `--flag=` prefix of the current word when completing `--output=ya`. */
  inlineFlag?: FlagSpec;
}

function findFlag(cmd: Command, word: string): FlagSpec | undefined {
  const specs = cmd.allFlagSpecs();
  if (word.startsWith('--')) return specs.find((f) => f.name === word.slice(2).split('=')[0]);
  if (word.startsWith('-') && word.length >= 2) return specs.find((f) => f.shorthand === word[1]);
  return undefined;
}

/** Walks the words like cobra: the command path, then flags (with values) and positionals. */
export function parseKubectlWords(root: Command, words: string[]): Parsed {
  let command = root;
  const args: string[] = [];
  const flags = new Map<string, string>();
  let valueOf: FlagSpec | undefined;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (valueOf) {
      flags.set(valueOf.name, w);
      valueOf = undefined;
      continue;
    }
    if (w === '--') {
      args.push(...words.slice(i + 1));
      break;
    }
    if (w.startsWith('-') && w.length > 1) {
      const f = findFlag(command, w);
      if (!f) continue;
      const inline = w.startsWith('--') ? w.includes('=') : w.length > 2;
      if (f.type === 'bool' || inline) flags.set(f.name, inline ? (w.startsWith('--') ? w.slice(w.indexOf('=') + 1) : w.slice(2)) : 'true');
      else valueOf = f;
      continue;
    }
    const child = args.length === 0 ? command.findChild(w) : undefined;
    if (child) command = child;
    else args.push(w);
  }
  return { command, args, flags, valueOf };
}

export function kubectlCompleter(opts: KubectlCompletionOptions): Completer {
  let discovery: { server: string; result: Promise<DiscoveryResult> } | undefined;
  let root: Command | undefined;

  const context = async (sh: Interpreter, flags: Map<string, string>) => {
    const env = sh.state.environment();
    const io: KubectlIO = {
      stdin: async () => new Uint8Array(),
      stdout: { write: () => {} },
      stderr: { write: () => {} },
      env,
      cwd: sh.state.cwd,
      fs: kubectlFs(sh),
      now: () => sh.shared.clock.now(),
      transport: opts.transport,
    };
    const cfg = await resolveClientConfig(io, await loadKubeconfig(io, { explicitPath: flags.get('kubeconfig') }), {
      namespace: flags.get('namespace') || undefined,
      context: flags.get('context') || undefined,
    });
    const client = new RestClient(cfg, io, { timeoutMs: 3000 });
    if (!discovery || discovery.server !== cfg.server) {
      const result = new Discovery(client).get();
      discovery = { server: cfg.server, result };
      result.catch(() => (discovery = undefined));
    }
    return { client, namespace: cfg.namespace, resources: await discovery.result, io };
  };

  const names = async (sh: Interpreter, flags: Map<string, string>, type: string): Promise<string[]> => {
    const c = await context(sh, flags);
    let mapping: ApiResource;
    try {
      mapping = new RestMapper(c.resources).mappingFor(type);
    } catch {
      return [];
    }
    const allNs = flags.get('all-namespaces') === 'true';
    const list = await c.client.json<{ items?: { metadata?: { name?: string } }[] }>({ path: resourcePath(mapping, allNs ? undefined : c.namespace) });
    return (list.items ?? []).map((i) => i.metadata?.name ?? '').filter(Boolean).sort();
  };

  const resourceTypes = async (sh: Interpreter, flags: Map<string, string>, verb = 'list'): Promise<string[]> => {
    const c = await context(sh, flags);
    // `kubectl api-resources -o name`: preferred versions, core types bare, others TYPE.GROUP.
    const out = c.resources.resources.filter((r) => r.preferred && r.verbs.includes(verb)).map((r) => (r.group ? `${r.resource}.${r.group}` : r.resource));
    return [...new Set(out)].sort();
  };

  const contexts = async (sh: Interpreter, flags: Map<string, string>): Promise<string[]> => {
    const io = { env: sh.state.environment(), cwd: sh.state.cwd, fs: kubectlFs(sh) } as KubectlIO;
    const cfg = await loadKubeconfig(io, { explicitPath: flags.get('kubeconfig') });
    return [...cfg.contexts.keys()].sort();
  };

  return async (line, cursor): Promise<Completion> => {
    const sh = opts.interpreter();
    const { words, current, start } = commandWords(line, cursor);
    if (!words.length || !isKubectl(sh, words[0])) return opts.fallback(line, cursor);
    root ??= new Command(rootSpec(sh.get('HOME') ?? '/root'));
    const expanded = expandAlias(sh, words);
    const p = parseKubectlWords(root, expanded.slice(1));
    const match = (list: string[], prefix = current): Completion => ({ candidates: list.filter((c) => c.startsWith(prefix)), replaceFrom: start });
    try {
      // A flag's value.
      const inline = /^(--[\w-]+=)(.*)$/.exec(current);
      const flagForValue = inline ? findFlag(p.command, inline[1].slice(0, -1)) : p.valueOf;
      if (flagForValue) {
        const prefix = inline ? inline[2] : current;
        const wrap = (list: string[]): Completion => ({ candidates: list.filter((c) => c.startsWith(prefix)).map((c) => (inline ? inline[1] + c : c)), replaceFrom: start, noSpace: list.some((c) => c.endsWith('=')) });
        switch (flagForValue.name) {
          case 'namespace':
            return wrap(await names(sh, p.flags, 'namespaces'));
          case 'filename':
          case 'kubeconfig':
          case 'kustomize':
            return inline ? { candidates: [], replaceFrom: start } : opts.fallback(line, cursor);
          case 'output':
            return wrap(OUTPUT_FORMATS);
          case 'context':
            return wrap(await contexts(sh, p.flags));
          case 'container':
            return wrap([]);
          default:
            return { candidates: [], replaceFrom: start };
        }
      }
      if (current.startsWith('-')) {
        const specs = p.command.allFlagSpecs().filter((f) => !f.hidden && !f.deprecated);
        const list = specs.map((f) => `--${f.name}`);
        if (current.length <= 2 && !current.startsWith('--')) list.push(...specs.filter((f) => f.shorthand).map((f) => `-${f.shorthand}`));
        return match([...list, ...(current.startsWith('--h') ? ['--help'] : [])].sort());
      }
      const path = p.command.path.split(' ').slice(1).join(' ');
      const children = p.command.availableChildren().map((c) => c.name);
      if (p.args.length === 0 && children.length) return match(children.sort());
      const verb = path.split(' ')[0];
      if (TYPE_THEN_NAMES.has(path) || (path === 'top pod' || path === 'top node')) {
        if (path.startsWith('top ')) return match(await names(sh, p.flags, path === 'top pod' ? 'pods' : 'nodes'));
        // TYPE/NAME form: `kubectl get deploy/ng<TAB>`.
        const slash = current.indexOf('/');
        if (slash > 0) {
          const type = current.slice(0, slash);
          return match((await names(sh, p.flags, type)).map((n) => `${type}/${n}`));
        }
        if (p.args.length === 0) {
          if (path === 'explain') return match(await resourceTypes(sh, p.flags));
          return match(await resourceTypes(sh, p.flags, 'list'));
        }
        if (p.args[0].includes('/') || path === 'explain') return { candidates: [], replaceFrom: start };
        // `kubectl get pods,svc <TAB>` has no single type to name.
        if (p.args[0].includes(',')) return { candidates: [], replaceFrom: start };
        const already = new Set(p.args.slice(1));
        return match((await names(sh, p.flags, p.args[0])).filter((n) => !already.has(n)));
      }
      if (WORKLOAD_TYPES[path]) {
        if (p.args.length === 0) {
          const slash = current.indexOf('/');
          if (slash > 0) {
            const type = current.slice(0, slash);
            return match((await names(sh, p.flags, type)).map((n) => `${type}/${n}`));
          }
          return match(WORKLOAD_TYPES[path]);
        }
        if (p.args.length === 1 && !p.args[0].includes('/')) return match(await names(sh, p.flags, p.args[0]));
        return { candidates: [], replaceFrom: start };
      }
      if (POD_COMMANDS.has(verb)) {
        if (p.args.length === 0) return match(await names(sh, p.flags, 'pods'));
        return { candidates: [], replaceFrom: start };
      }
      if (NODE_COMMANDS.has(verb)) {
        if (p.args.length === 0 || verb === 'cordon' || verb === 'uncordon') return match(await names(sh, p.flags, 'nodes'));
        return { candidates: [], replaceFrom: start };
      }
      if (path === 'config use-context' || path === 'config delete-context' || path === 'config rename-context' || path === 'config set-context') {
        if (p.args.length === 0) return match(await contexts(sh, p.flags));
        return { candidates: [], replaceFrom: start };
      }
      if (verb === 'apply' || verb === 'create' || verb === 'replace') return opts.fallback(line, cursor);
      return { candidates: [], replaceFrom: start };
    } catch {
      // An unreachable server completes nothing, as kubectl's completion does.
      return { candidates: [], replaceFrom: start };
    }
  };
}

function isKubectl(sh: Interpreter, word: string): boolean {
  if (word === 'kubectl' || word.endsWith('/kubectl')) return true;
  const alias = sh.state.aliases.get(word);
  return alias !== undefined && /^\s*kubectl(\s|$)/.test(alias);
}

/** `k get po` with `alias k=kubectl` (or `alias kn='kubectl -n kube-system'`) → kubectl words. */
function expandAlias(sh: Interpreter, words: string[]): string[] {
  const alias = sh.state.aliases.get(words[0]);
  if (words[0] === 'kubectl' || alias === undefined) return words;
  return [...alias.trim().split(/\s+/), ...words.slice(1)];
}
