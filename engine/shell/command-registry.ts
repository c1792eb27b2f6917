// The commands a shell can run besides its builtins and functions. One registry per node or
// container image; the engine adds kubectl, curl, ssh, vi... with `registerCommand`.
import type { Command } from './command-context';

export interface CommandEntry {
  name: string;
  run: Command;
  /** Where `which` says it lives, e.g. /usr/bin/kubectl. */
  path: string;
}

export interface RegisterOptions {
  /** Defaults to /usr/bin/<name>. */
  path?: string;
}

export class CommandRegistry {
  private readonly entries = new Map<string, CommandEntry>();

  /**
   * Adds (or replaces) a command. Returns the cleanup that removes it again, restoring what it
   * replaced.
   */
  registerCommand(name: string, run: Command, opts: RegisterOptions = {}): () => void {
    const previous = this.entries.get(name);
    const entry: CommandEntry = { name, run, path: opts.path ?? `/usr/bin/${name}` };
    this.entries.set(name, entry);
    return () => {
      if (this.entries.get(name) !== entry) return;
      if (previous) this.entries.set(name, previous);
      else this.entries.delete(name);
    };
  }

  get(name: string): CommandEntry | undefined {
    return this.entries.get(name);
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The command installed at an absolute path (`/usr/bin/ls`, `/bin/ls`). */
  byPath(path: string): CommandEntry | undefined {
    for (const e of this.entries.values()) {
      if (e.path === path) return e;
      if (path === `/bin/${e.name}` && e.path === `/usr/bin/${e.name}`) return e;
    }
    return undefined;
  }

  names(): string[] {
    return [...this.entries.keys()].sort();
  }

  /** A copy that can be extended without touching this one (per-node registries). */
  clone(): CommandRegistry {
    const copy = new CommandRegistry();
    for (const [k, v] of this.entries) copy.entries.set(k, v);
    return copy;
  }
}
