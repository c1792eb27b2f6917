// timeout [-s SIG] [-k DUR] [--preserve-status] [--foreground] DURATION COMMAND [ARG]...: runs the
// command and stops it when the duration (on the shell clock) runs out, exiting 124 as GNU does.
// Upstream: coreutils src/timeout.c.
import type { Command } from '../command-context';
import { InterruptSignal } from '../control-flow';
import { isAbortError } from '../shell-clock';

const TRY = "Try 'timeout --help' for more information.\n";

export function parseDuration(text: string): number | undefined {
  const m = /^(\d+\.?\d*|\.\d+)([smhd]?)$/.exec(text);
  if (!m) return undefined;
  return Number(m[1]) * { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2]]! * 1000;
}

export const timeout: Command = async (ctx, argv) => {
  let i = 1;
  let preserve = false;
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      i++;
      break;
    }
    if (a === '--preserve-status') preserve = true;
    else if (a === '--foreground' || a === '-v' || a === '--verbose') continue;
    else if (a === '-s' || a === '-k' || a === '--signal' || a === '--kill-after') i++;
    else if (/^(-s|-k).+|^--(signal|kill-after)=/.test(a)) continue;
    else if (a === '--help') {
      await ctx.stdout.write('Usage: timeout [OPTION] DURATION COMMAND [ARG]...\n  or:  timeout [OPTION]\nStart COMMAND, and kill it if still running after DURATION.\n');
      return 0;
    } else if (a.startsWith('-') && a !== '-') {
      await ctx.stderr.write(`timeout: invalid option -- '${a.replace(/^-+/, '')[0]}'\n${TRY}`);
      return 125;
    } else break;
  }
  const dur = argv[i];
  const command = argv.slice(i + 1);
  if (dur === undefined || !command.length) {
    await ctx.stderr.write(`timeout: missing operand\n${TRY}`);
    return 125;
  }
  const ms = parseDuration(dur);
  if (ms === undefined) {
    await ctx.stderr.write(`timeout: invalid time interval '${dur}'\n${TRY}`);
    return 125;
  }
  const expired = new AbortController();
  const done = new AbortController();
  // A zero duration disables the timeout, as in GNU timeout.
  if (ms > 0)
    void ctx.clock.sleep(ms, AbortSignal.any([done.signal, ctx.signal])).then(
      () => expired.abort(),
      (err) => {
        if (!isAbortError(err)) throw err;
      },
    );
  try {
    let code: number;
    try {
      code = await ctx.runScript('"$@"', undefined, ['timeout', ...command], { signal: expired.signal });
    } catch (err) {
      // The command was stopped by our own deadline, not by Ctrl-C: that is the normal way out.
      if (!((isAbortError(err) || err instanceof InterruptSignal) && expired.signal.aborted && !ctx.signal.aborted)) throw err;
      code = 143;
    }
    if (expired.signal.aborted && !ctx.signal.aborted) return preserve ? 143 : 124;
    return code;
  } finally {
    done.abort();
  }
};
