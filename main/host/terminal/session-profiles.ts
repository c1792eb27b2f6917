// What each kind of terminal tab runs. A node tab is `kubelab shell --node <name>` (the sandboxed
// login on the simulated node); the "host terminal" is the user's own shell with our kubectl first
// on PATH and KUBECONFIG pointing at the engine. The node-shell command is configurable because
// tests and packaged builds launch it differently (see app-paths.ts).
import { homedir } from 'node:os';
import type { SessionProfile } from '../protocol';
import type { PtyCommand } from './pty-session';

export interface ProfileContext {
  /** argv prefix of `kubelab shell`; `--node N --kubeconfig F` are appended. */
  shellCommand: string[];
  /** The engine's kubeconfig (owner-only file holding the token). */
  kubeconfig: string;
  /** Our bin/ (kubectl, kubelab), put first on the host terminal's PATH. */
  binDir: string;
  /** A bash rc file (bashRcText) that re-puts binDir first after the user's own ~/.bashrc. */
  bashRcFile?: string;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
}

const NODE_NAME = /^[a-z0-9]([-a-z0-9.]{0,61}[a-z0-9])?$/;

/** Parses an untrusted profile from the renderer; undefined when it is not one we run. */
export function parseProfile(value: unknown): SessionProfile | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  if (v.kind === 'host') return { kind: 'host' };
  if (v.kind === 'node' && typeof v.node === 'string' && NODE_NAME.test(v.node)) return { kind: 'node', node: v.node };
  return undefined;
}

export function profileTitle(profile: SessionProfile): string {
  return profile.kind === 'node' ? profile.node : 'host';
}

/** Environment variables the host sets for itself that must not leak into a user's shell. */
const PRIVATE_ENV = ['ELECTRON_RUN_AS_NODE', 'ELECTRON_NO_ATTACH_CONSOLE', 'KUBELAB_HOST_TOKEN', 'NODE_OPTIONS'];

function stringEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined) out[k] = v;
  return out;
}

export function userShell(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): { file: string; args: string[] } {
  if (platform === 'win32') return { file: env.COMSPEC || 'powershell.exe', args: [] };
  // Not a login shell: Debian's /etc/profile and macOS's path_helper rewrite PATH and would push
  // our kubectl behind the system one.
  const file = env.SHELL || (platform === 'darwin' ? '/bin/zsh' : '/bin/bash');
  return { file, args: [] };
}

export function commandFor(profile: SessionProfile, ctx: ProfileContext): PtyCommand {
  const env = ctx.env ?? process.env;
  const platform = ctx.platform ?? process.platform;
  const base = stringEnv(env);
  base.TERM = 'xterm-256color';
  base.COLORTERM = 'truecolor';
  if (profile.kind === 'node') {
    const [file, ...args] = ctx.shellCommand;
    return { file, args: [...args, '--node', profile.node, '--kubeconfig', ctx.kubeconfig], env: base, cwd: homedir() };
  }
  for (const k of PRIVATE_ENV) delete base[k];
  const pathKey = Object.keys(base).find((k) => k.toUpperCase() === 'PATH') ?? 'PATH';
  base[pathKey] = [ctx.binDir, base[pathKey]].filter(Boolean).join(platform === 'win32' ? ';' : ':');
  base.KUBECONFIG = ctx.kubeconfig;
  base.KUBELAB_BIN = ctx.binDir;
  const shell = userShell(env, platform);
  const args = ctx.bashRcFile && /(^|[/\\])bash(\.exe)?$/.test(shell.file) ? ['--rcfile', ctx.bashRcFile] : shell.args;
  return { file: shell.file, args, env: base, cwd: homedir() };
}

/**
 * ~/.bashrc commonly prepends to PATH (pyenv, cargo, nvm), which would put another kubectl before
 * ours: source it, then put our bin/ first again.
 */
export function bashRcText(): string {
  return ['# Written by Kubelab for its "host terminal" tab.', '[ -f ~/.bashrc ] && . ~/.bashrc', 'export PATH="$KUBELAB_BIN:$PATH"', ''].join('\n');
}
