// The standard commands of a node's shell, and the registry the engine extends with its own
// (kubectl, curl, ssh, vi...) through `registry.registerCommand(name, fn)`.
import type { Command } from '../command-context';
import { CommandRegistry } from '../command-registry';
import { base64 } from './base64';
import { cat } from './cat';
import { chmod } from './chmod';
import { cp, mv } from './cp';
import { cut } from './cut';
import { date } from './date';
import { echo } from './echo';
import { env, printenv } from './env';
import { grep } from './grep';
import { head, tail } from './head-tail';
import { ls } from './ls';
import { mkdir, rmdir } from './mkdir';
import { offlinePackageManager } from './offline';
import { printf } from './printf';
import { rm } from './rm';
import { seq } from './seq';
import { shellCommand } from './shell-invocation';
import { sleep } from './sleep';
import { sort } from './sort';
import { clear, falseCommand, hostname, id, pwd, trueCommand, uname, whoami, yes } from './system-info';
import { tee } from './tee';
import { touch } from './touch';
import { tr } from './tr';
import { uniq } from './uniq';
import { wc } from './wc';
import { xargs } from './xargs';
import { sed } from './sed';
import { awk } from './awk';
import { basename, dirname, readlink } from './path-names';
import { diff } from './diff';
import { find } from './find';
import { nl } from './nl';
import { less, more } from './pager';
import { df, free, ps, uptime } from './system-status';
import { journalctl, systemctl } from './systemd';
import { timeout } from './timeout';
import { watch } from './watch';
import { vi } from '../vi/vi-command';

/** Name → implementation of every standard command, installed under /usr/bin. */
export const STANDARD_COMMANDS: Record<string, Command> = {
  awk,
  gawk: awk,
  base64,
  basename,
  bash: shellCommand,
  cat,
  chmod,
  clear,
  cp,
  cut,
  date,
  df,
  diff,
  dirname,
  echo,
  egrep: grep,
  env,
  false: falseCommand,
  fgrep: grep,
  find,
  free,
  grep,
  head,
  hostname,
  id,
  journalctl,
  less,
  ls,
  mkdir,
  more,
  mv,
  nl,
  printenv,
  printf,
  ps,
  pwd,
  readlink,
  realpath: readlink,
  rm,
  rmdir,
  sed,
  seq,
  sh: shellCommand,
  sleep,
  sort,
  systemctl,
  tail,
  tee,
  timeout,
  touch,
  tr,
  true: trueCommand,
  uname,
  uniq,
  uptime,
  vi,
  vim: vi,
  watch,
  wc,
  whoami,
  xargs,
  yes,
  yum: offlinePackageManager,
  dnf: offlinePackageManager,
  apt: offlinePackageManager,
  'apt-get': offlinePackageManager,
  git: offlinePackageManager,
  pip: offlinePackageManager,
  pip3: offlinePackageManager,
};


/** A registry holding the standard commands; extend it with `registerCommand`. */
export function createCommandRegistry(): CommandRegistry {
  const registry = new CommandRegistry();
  for (const [name, run] of Object.entries(STANDARD_COMMANDS)) registry.registerCommand(name, run);
  return registry;
}

export { CommandRegistry };
