// A non-interactive shell over a fresh node filesystem, for tests: run source, get output.
import { createCommandRegistry } from '../commands/index';
import type { CommandRegistry } from '../command-registry';
import type { Identity } from '../command-context';
import { Interpreter } from '../interpreter';
import { createNodeFs } from '../node-filesystem';
import { BufferOutput, emptyInput, textInput } from '../streams';
import type { VirtualFs } from '../virtual-fs';
import { FakeShellClock } from './fake-shell-clock';

export const ROOT: Identity = { user: 'root', uid: 0, gid: 0, group: 'root', hostname: 'master', home: '/root' };

export interface TestShell {
  fs: VirtualFs;
  clock: FakeShellClock;
  commands: CommandRegistry;
  interpreter: Interpreter;
  run(source: string, stdin?: string): Promise<{ stdout: string; stderr: string; status: number }>;
}

export function createTestShell(opts: { autoAdvance?: boolean; cols?: number } = {}): TestShell {
  const clock = new FakeShellClock(undefined, opts.autoAdvance ?? true);
  const fs = createNodeFs({ hostname: 'master', clock });
  const commands = createCommandRegistry();
  const interpreter = Interpreter.create({ fs, clock, commands, identity: ROOT, terminal: opts.cols ? { cols: opts.cols, rows: 24, setRawMode: () => {}, onResize: () => () => {} } : undefined });
  return {
    fs,
    clock,
    commands,
    interpreter,
    async run(source, stdin) {
      const stdout = new BufferOutput();
      const stderr = new BufferOutput();
      const status = await interpreter.runSource(source, { stdin: stdin === undefined ? emptyInput() : textInput(stdin), stdout, stderr }, undefined, { script: true });
      return { stdout: stdout.text(), stderr: stderr.text(), status };
    },
  };
}
