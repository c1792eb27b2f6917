// date: print or format the clock's time (always UTC here), `+FORMAT`, -d, -u, -R, -I.
import type { Command } from '../command-context';

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const pad = (n: number, w = 2, c = '0') => String(n).padStart(w, c);

/** strftime for the conversions GNU date documents most. */
export function strftime(format: string, ms: number): string {
  const d = new Date(ms);
  const Y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  const day = d.getUTCDate();
  const H = d.getUTCHours();
  const M = d.getUTCMinutes();
  const S = d.getUTCSeconds();
  const wd = d.getUTCDay();
  const yday = Math.floor((Date.UTC(Y, m, day) - Date.UTC(Y, 0, 1)) / 86400000) + 1;
  let out = '';
  for (let i = 0; i < format.length; i++) {
    const c = format[i];
    if (c !== '%' || i + 1 >= format.length) {
      out += c;
      continue;
    }
    let f = format[++i];
    let padChar: string | undefined;
    if (f === '-' || f === '_' || f === '0') {
      padChar = f === '-' ? '' : f === '_' ? ' ' : '0';
      f = format[++i];
    }
    const num = (n: number, w = 2, def = '0') => (padChar === '' ? String(n) : pad(n, w, padChar ?? def));
    switch (f) {
      case 'a': out += DAYS[wd].slice(0, 3); break;
      case 'A': out += DAYS[wd]; break;
      case 'b':
      case 'h': out += MONTHS[m].slice(0, 3); break;
      case 'B': out += MONTHS[m]; break;
      case 'c': out += strftime('%a %d %b %Y %r UTC', ms); break;
      case 'C': out += num(Math.floor(Y / 100)); break;
      case 'd': out += num(day); break;
      case 'D': out += strftime('%m/%d/%y', ms); break;
      case 'e': out += num(day, 2, ' '); break;
      case 'F': out += strftime('%Y-%m-%d', ms); break;
      case 'H': out += num(H); break;
      case 'I': out += num(H % 12 || 12); break;
      case 'j': out += num(yday, 3); break;
      case 'k': out += num(H, 2, ' '); break;
      case 'l': out += num(H % 12 || 12, 2, ' '); break;
      case 'm': out += num(m + 1); break;
      case 'M': out += num(M); break;
      case 'n': out += '\n'; break;
      case 'N': out += pad((ms % 1000) * 1000000, 9); break;
      case 'p': out += H < 12 ? 'AM' : 'PM'; break;
      case 'P': out += H < 12 ? 'am' : 'pm'; break;
      case 'r': out += strftime('%I:%M:%S %p', ms); break;
      case 'R': out += strftime('%H:%M', ms); break;
      case 's': out += String(Math.floor(ms / 1000)); break;
      case 'S': out += num(S); break;
      case 't': out += '\t'; break;
      case 'T': out += strftime('%H:%M:%S', ms); break;
      case 'u': out += String(wd || 7); break;
      case 'w': out += String(wd); break;
      case 'x': out += strftime('%m/%d/%Y', ms); break;
      case 'X': out += strftime('%H:%M:%S', ms); break;
      case 'y': out += num(Y % 100); break;
      case 'Y': out += String(Y); break;
      case 'z': out += '+0000'; break;
      case ':': if (format[i + 1] === 'z') { i++; out += '+00:00'; } else out += '%:'; break;
      case 'Z': out += 'UTC'; break;
      case '%': out += '%'; break;
      default: out += '%' + f;
    }
  }
  return out;
}

/** GNU date's default output: `Sun Nov 22 01:52:38 UTC 2026`. */
export function defaultDate(ms: number): string {
  return strftime('%a %b %e %H:%M:%S %Z %Y', ms);
}

/** The -d strings people type: @epoch, ISO dates, `now`, `yesterday`, `N days ago`, `+N hours`. */
export function parseDateString(s: string, now: number): number | undefined {
  const t = s.trim().toLowerCase();
  if (t === '' || t === 'now' || t === 'today') return now;
  if (t === 'yesterday') return now - 86400000;
  if (t === 'tomorrow') return now + 86400000;
  const epoch = /^@(-?\d+(?:\.\d+)?)$/.exec(t);
  if (epoch) return Math.round(Number(epoch[1]) * 1000);
  const rel = /^([+-]?\d+)\s*(second|sec|minute|min|hour|day|week|month|year)s?(\s+ago)?$/.exec(t);
  if (rel) {
    const unit = { second: 1e3, sec: 1e3, minute: 6e4, min: 6e4, hour: 3.6e6, day: 8.64e7, week: 6.048e8, month: 2.592e9, year: 3.1536e10 }[rel[2]]!;
    const n = Number(rel[1]) * (rel[3] ? -1 : 1);
    return now + n * unit;
  }
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[ t](\d{2}):(\d{2})(?::(\d{2}))?)?(?:z|utc|\+00:?00)?$/.exec(t);
  if (iso) return Date.UTC(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3]), Number(iso[4] ?? 0), Number(iso[5] ?? 0), Number(iso[6] ?? 0));
  return undefined;
}

export const date: Command = async (ctx, argv) => {
  let when = ctx.clock.now();
  let format: string | undefined;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('+')) format = a.slice(1);
    else if (a === '-u' || a === '--utc' || a === '--universal') continue;
    else if (a === '-d' || a === '--date' || a.startsWith('--date=') || (a.startsWith('-d') && a.length > 2)) {
      const v = a === '-d' || a === '--date' ? argv[++i] : a.startsWith('--date=') ? a.slice(7) : a.slice(2);
      const t = v === undefined ? undefined : parseDateString(v, ctx.clock.now());
      if (t === undefined) {
        await ctx.stderr.write(v === undefined ? "date: option requires an argument -- 'd'\nTry 'date --help' for more information.\n" : `date: invalid date '${v}'\n`);
        return 1;
      }
      when = t;
    } else if (a === '-R' || a === '--rfc-2822' || a === '--rfc-email') format = '%a, %d %b %Y %H:%M:%S %z';
    else if (a === '-I' || a.startsWith('--iso-8601')) {
      const spec = a.includes('=') ? a.slice(a.indexOf('=') + 1) : 'date';
      format = spec.startsWith('s') ? '%Y-%m-%dT%H:%M:%S%:z' : spec.startsWith('m') ? '%Y-%m-%dT%H:%M%:z' : spec.startsWith('h') ? '%Y-%m-%dT%H%:z' : '%Y-%m-%d';
    } else if (/^-I[a-z]+$/.test(a)) format = '%Y-%m-%dT%H:%M:%S%:z';
    else if (a.startsWith('-')) {
      await ctx.stderr.write(`date: invalid option -- '${a[1]}'\nTry 'date --help' for more information.\n`);
      return 1;
    } else {
      await ctx.stderr.write(`date: invalid date '${a}'\n`);
      return 1;
    }
  }
  await ctx.stdout.write((format === undefined ? defaultDate(when) : strftime(format, when)) + '\n');
  return 0;
};
