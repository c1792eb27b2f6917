// watch [-n SECS] [-t] [-g] [-x] COMMAND: runs the command through `sh -c` every interval and shows
// its output full screen under procps-ng's `Every 1.0s: CMD     DATE` header, until Ctrl-C.
// Upstream: procps-ng watch.c (3.3.10, as on CentOS 7).
import type { Command, CommandContext } from '../command-context';
import { BufferOutput, emptyInput, type OutputStream } from '../streams';
import { textWidth } from '../text-width';
import { strftime } from './date';

const USAGE = `
Usage:
 watch [options] command

Options:
  -b, --beep             beep if command has a non-zero exit
  -c, --color            interpret ANSI color and style sequences
  -d, --differences[=<permanent>]
                         highlight changes between updates
  -e, --errexit          exit if command has a non-zero exit
  -g, --chgexit          exit when output from command changes
  -n, --interval <secs>  seconds to wait between updates
  -p, --precise          attempt run command in precise intervals
  -t, --no-title         turn off header
  -x, --exec             pass command to exec instead of "sh -c"

 -h, --help     display this help and exit
 -v, --version  output version information and exit

For more details see watch(1).
`;

interface WatchOptions {
  interval: number;
  title: boolean;
  exitOnChange: boolean;
  exitOnError: boolean;
  exec: boolean;
  command: string[];
}

function parse(argv: string[]): WatchOptions | string {
  const o: WatchOptions = { interval: 2, title: true, exitOnChange: false, exitOnError: false, exec: false, command: [] };
  let i = 1;
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      i++;
      break;
    }
    if (!a.startsWith('-') || a === '-') break;
    const long = /^--(\w[\w-]*)(?:=(.*))?$/.exec(a);
    if (long) {
      const [, name, value] = long;
      if (name === 'interval') {
        const v = value ?? argv[++i];
        if (v === undefined) return "watch: option '--interval' requires an argument";
        o.interval = Number(v.replace(',', '.'));
        if (!Number.isFinite(o.interval)) return `watch: failed to parse argument: '${v}'`;
      } else if (name === 'no-title') o.title = false;
      else if (name === 'chgexit') o.exitOnChange = true;
      else if (name === 'errexit') o.exitOnError = true;
      else if (name === 'exec') o.exec = true;
      else if (!['differences', 'beep', 'color', 'precise'].includes(name)) return `watch: unrecognized option '${a}'`;
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const c = a[j];
      if (c === 'n') {
        const v = a.slice(j + 1) || argv[++i];
        if (v === undefined) return "watch: option requires an argument -- 'n'";
        o.interval = Number(v.replace(',', '.'));
        if (!Number.isFinite(o.interval)) return `watch: failed to parse argument: '${v}'`;
        break;
      }
      if (c === 't') o.title = false;
      else if (c === 'g') o.exitOnChange = true;
      else if (c === 'e') o.exitOnError = true;
      else if (c === 'x') o.exec = true;
      else if (!'dbcp'.includes(c)) return `watch: invalid option -- '${c}'`;
    }
  }
  // procps clamps the interval to at least 0.1 s.
  o.interval = Math.max(0.1, o.interval);
  o.command = argv.slice(i);
  return o;
}

/** The screen: header, a blank line, then as much output as fits, each line clipped to the width. */
export function watchScreen(header: { interval: number; command: string; now: number } | undefined, output: string, cols: number, rows: number): string {
  const out: string[] = [];
  if (header) {
    const left = `Every ${header.interval.toFixed(1)}s: ${header.command}`;
    const right = strftime('%a %b %e %H:%M:%S %Y', header.now);
    const room = cols - right.length - 1;
    const l = textWidth(left) > room ? left.slice(0, Math.max(0, room - 3)) + '...' : left;
    out.push(l + ' '.repeat(Math.max(1, cols - textWidth(l) - right.length)) + right, '');
  }
  const lines = output.replace(/\r?\n$/, '').split(/\r?\n/);
  for (const line of lines) {
    if (out.length >= rows) break;
    out.push(clipToWidth(line.replace(/\t/g, (_, off: number) => ' '.repeat(8 - (off % 8))), cols));
  }
  return '\x1b[H\x1b[2J' + out.join('\r\n');
}

function clipToWidth(line: string, cols: number): string {
  let w = 0;
  let end = 0;
  for (const ch of line) {
    const cw = textWidth(ch);
    if (w + cw > cols) break;
    w += cw;
    end += ch.length;
  }
  return line.slice(0, end);
}

export const watch: Command = async (ctx, argv) => {
  if (argv[1] === '-h' || argv[1] === '--help') {
    await ctx.stdout.write(USAGE);
    return 0;
  }
  if (argv[1] === '-v' || argv[1] === '--version') {
    await ctx.stdout.write('watch from procps-ng 3.3.10\n');
    return 0;
  }
  const o = parse(argv);
  if (typeof o === 'string') {
    await ctx.stderr.write(`${o}\n${USAGE}`);
    return 1;
  }
  if (!o.command.length) {
    await ctx.stderr.write(USAGE);
    return 1;
  }
  const source = o.exec ? o.command.map(shellQuote).join(' ') : o.command.join(' ');
  const tty = ctx.stdout;
  // Keystrokes are read (not echoed) so Ctrl-C can end the loop as SIGINT ends real watch.
  ctx.terminal.setRawMode(true);
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  ctx.signal.addEventListener('abort', onAbort, { once: true });
  const keys = readInterrupts(ctx, stop);
  let previous: string | undefined;
  let status = 0;
  await tty.write('\x1b[?1049h\x1b[?25l');
  try {
    while (!stop.signal.aborted) {
      const buf = new BufferOutput();
      const code = await ctx.runScript(source, { stdin: emptyInput(), stdout: buf, stderr: buf as OutputStream }, ['sh']);
      if (stop.signal.aborted) break;
      const text = buf.text();
      await tty.write(watchScreen(o.title ? { interval: o.interval, command: o.command.join(' '), now: ctx.clock.now() } : undefined, text, ctx.terminal.cols, ctx.terminal.rows));
      if (o.exitOnError && code !== 0) {
        status = 8;
        break;
      }
      if (o.exitOnChange && previous !== undefined && previous !== text) break;
      previous = text;
      try {
        await ctx.clock.sleep(o.interval * 1000, stop.signal);
      } catch {
        break;
      }
    }
  } finally {
    ctx.signal.removeEventListener('abort', onAbort);
    stop.abort();
    await keys;
    await tty.write('\x1b[?25h\x1b[?1049l');
    ctx.terminal.setRawMode(false);
  }
  if (ctx.signal.aborted) return 130;
  // A Ctrl-C typed at the keyboard ends watch the way SIGINT does: the shell sees 130.
  return status || (interrupted.has(stop) ? 130 : 0);
};

const interrupted = new WeakSet<AbortController>();

async function readInterrupts(ctx: CommandContext, stop: AbortController): Promise<void> {
  while (!stop.signal.aborted) {
    const chunk = await Promise.race([ctx.stdin.read().catch(() => null), new Promise<null>((r) => stop.signal.addEventListener('abort', () => r(null), { once: true }))]);
    if (chunk === null) return;
    if (chunk.includes('\x03') || chunk.includes('\x1c')) {
      interrupted.add(stop);
      stop.abort();
      return;
    }
  }
}

function shellQuote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
