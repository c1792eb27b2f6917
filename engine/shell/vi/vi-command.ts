// `vi` / `vim` as a shell command: the editor on the alternate screen, in raw mode, reading
// keystrokes from stdin and redrawing after each batch. It is also what `kubectl edit` runs as
// its EDITOR inside a node shell (through the shell's ctx.exec; see engine/shell/README.md).
import type { Command, CommandContext } from '../command-context';
import { isAbortError } from '../shell-clock';
import { isVfsError } from '../virtual-fs';
import { ViEditor, type ViHost } from './editor';
import { renderScreen } from './screen';
import { ViKeyReader } from './vi-keys';

const ENTER_SCREEN = '\x1b[?1049h\x1b[H\x1b[2J';
const LEAVE_SCREEN = '\x1b[2J\x1b[?1049l';

function hostFor(ctx: CommandContext): ViHost {
  const abs = (name: string) => ctx.resolvePath(name);
  return {
    readFile: (name) => {
      const p = abs(name);
      if (!ctx.fs.exists(p)) return undefined;
      try {
        return ctx.fs.readFile(p);
      } catch (err) {
        if (isVfsError(err, 'EACCES')) throw new Error('[Permission Denied]');
        throw err;
      }
    },
    writeFile: (name, text) => {
      try {
        ctx.fs.writeFile(abs(name), text);
      } catch (err) {
        if (isVfsError(err, 'EISDIR')) throw new Error(`E502: "${name}" is a directory`);
        if (isVfsError(err)) throw new Error("E212: Can't open file for writing");
        throw err;
      }
    },
    exists: (name) => ctx.fs.exists(abs(name)),
    isDirectory: (name) => ctx.fs.isDirectory(abs(name)),
    now: () => ctx.clock.now(),
  };
}

/** Options vim takes that matter here: `+N` / `+` (start line), `+/pat`, `-c cmd`, file names. */
function parseArgs(argv: string[]): { files: string[]; start?: string; commands: string[]; error?: string } {
  const files: string[] = [];
  const commands: string[] = [];
  let start: string | undefined;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      files.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('+')) start = a.slice(1);
    else if (a === '-c') commands.push(argv[++i] ?? '');
    else if (a.startsWith('-') && a.length > 1) {
      if (!/^-[RnNbeEsZyXmMlAHFhv]$|^--(noplugin|clean)$/.test(a)) return { files, commands, error: `VIM - Vi IMproved 9.0 (2022 Jun 28)\nUnknown option argument: "${a}"\nMore info with: "vim -h"\n` };
    } else files.push(a);
  }
  return { files, start, commands };
}

export const vi: Command = async (ctx, argv) => {
  const args = parseArgs(argv);
  if (args.error) {
    await ctx.stderr.write(args.error);
    return 1;
  }
  if (argv.includes('--version')) {
    await ctx.stdout.write('VIM - Vi IMproved 9.0 (2022 Jun 28, compiled Jan 01 2024 00:00:00)\nIncluded patches: 1-2120\nHuge version without GUI.\n');
    return 0;
  }
  if (!ctx.isTTY) await ctx.stderr.write('Vim: Warning: Output is not to a terminal\n');
  if (!ctx.stdinIsTTY) await ctx.stderr.write('Vim: Warning: Input is not from a terminal\n');

  const editor = new ViEditor(hostFor(ctx), { cols: ctx.terminal.cols, rows: ctx.terminal.rows });
  editor.open(args.files[0]);
  if (args.files.length > 1) editor.setMessage(`${args.files.length} files to edit`);
  if (args.start !== undefined) {
    if (args.start === '') editor.handle('G');
    else if (/^\d+$/.test(args.start)) editor.handleAll([...args.start, 'G']);
    else if (args.start.startsWith('/')) editor.handleAll([...args.start, '<CR>']);
  }
  for (const c of args.commands) editor.handleAll([':', ...c, '<CR>']);

  const reader = new ViKeyReader();
  ctx.terminal.setRawMode(true);
  let redraw = true;
  const offResize = ctx.terminal.onResize((cols, rows) => {
    editor.resize(cols, rows);
    editor.scrollToCursor();
    void ctx.stdout.write('\x1b[H\x1b[2J' + renderScreen(editor.screenState()));
  });
  let status = 0;
  try {
    await ctx.stdout.write(ENTER_SCREEN);
    while (editor.exitStatus === undefined) {
      if (redraw) await ctx.stdout.write(renderScreen(editor.screenState()));
      const chunk = await ctx.stdin.read();
      if (chunk === null) {
        await ctx.stdout.write(LEAVE_SCREEN);
        await ctx.stderr.write('Vim: Error reading input, exiting...\nVim: Finished.\n');
        return 1;
      }
      editor.handleAll(reader.push(chunk));
      redraw = true;
    }
    status = editor.exitStatus;
    await ctx.stdout.write(LEAVE_SCREEN);
  } catch (err) {
    await ctx.stdout.write(LEAVE_SCREEN);
    if (isAbortError(err)) throw err;
    throw err;
  } finally {
    offResize();
    // Give the terminal back to the caller (a shell prompt, or `kubectl edit` waiting for us).
    ctx.terminal.setRawMode(false);
  }
  return status;
};
