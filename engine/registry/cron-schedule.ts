// Standard 5-field cron schedules as Kubernetes CronJobs read them: robfig/cron v3's
// ParseStandard (minute hour day-of-month month day-of-week, names, ranges, steps, `?`,
// @descriptors, @every, a TZ=/CRON_TZ= prefix), with its error texts, and Next().
// Upstream: github.com/robfig/cron/v3 parser.go (Parse, getRange, normalizeFields), spec.go (Next)

export class CronParseError extends Error {}

interface Bounds {
  min: number;
  max: number;
  names?: Record<string, number>;
}

const MINUTES: Bounds = { min: 0, max: 59 };
const HOURS: Bounds = { min: 0, max: 23 };
const DOM: Bounds = { min: 1, max: 31 };
const MONTHS: Bounds = { min: 1, max: 12, names: { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 } };
const DOW: Bounds = { min: 0, max: 6, names: { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 } };

/** A field: which values match, and whether it was written as `*`/`?` (matters for day matching). */
interface Field {
  values: Set<number>;
  star: boolean;
}

export interface CronSchedule {
  /** The first activation strictly after `afterMs` (whole seconds), or undefined when none within five years. */
  next(afterMs: number, timeZone?: string): number | undefined;
  /** The TZ=/CRON_TZ= location written in the schedule, if any. */
  readonly location?: string;
}

/** Go's strconv.Atoi with its error text. */
function atoi(s: string): number {
  if (!/^[+-]?\d+$/.test(s)) throw new CronParseError(`strconv.Atoi: parsing ${JSON.stringify(s)}: invalid syntax`);
  const n = Number(s);
  if (!Number.isSafeInteger(n) || Math.abs(n) > 9223372036854775807) throw new CronParseError(`strconv.Atoi: parsing ${JSON.stringify(s)}: value out of range`);
  return n;
}

function mustParseInt(expr: string): number {
  let num: number;
  try {
    num = atoi(expr);
  } catch (e) {
    throw new CronParseError(`failed to parse int from ${expr}: ${(e as Error).message}`);
  }
  if (num < 0) throw new CronParseError(`negative number (${num}) not allowed: ${expr}`);
  return num;
}

function parseIntOrName(expr: string, names?: Record<string, number>): number {
  const named = names?.[expr.toLowerCase()];
  return named !== undefined ? named : mustParseInt(expr);
}

function getRange(expr: string, r: Bounds, into: Field): void {
  const rangeAndStep = expr.split('/');
  const lowAndHigh = rangeAndStep[0].split('-');
  const single = lowAndHigh.length === 1;
  let start: number;
  let end: number;
  let star = false;
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    start = r.min;
    end = r.max;
    star = true;
  } else {
    start = parseIntOrName(lowAndHigh[0], r.names);
    if (lowAndHigh.length === 1) end = start;
    else if (lowAndHigh.length === 2) end = parseIntOrName(lowAndHigh[1], r.names);
    else throw new CronParseError(`too many hyphens: ${expr}`);
  }
  let step: number;
  if (rangeAndStep.length === 1) step = 1;
  else if (rangeAndStep.length === 2) {
    step = mustParseInt(rangeAndStep[1]);
    if (single) end = r.max; // "N/step" means "N-max/step"
    if (step > 1) star = false;
  } else throw new CronParseError(`too many slashes: ${expr}`);
  if (start < r.min) throw new CronParseError(`beginning of range (${start}) below minimum (${r.min}): ${expr}`);
  if (end > r.max) throw new CronParseError(`end of range (${end}) above maximum (${r.max}): ${expr}`);
  if (start > end) throw new CronParseError(`beginning of range (${start}) beyond end of range (${end}): ${expr}`);
  if (step === 0) throw new CronParseError(`step of range should be a positive number: ${expr}`);
  for (let v = start; v <= end; v += step) into.values.add(v);
  if (star) into.star = true;
}

function getField(text: string, r: Bounds): Field {
  const f: Field = { values: new Set(), star: false };
  for (const expr of text.split(',').filter((x) => x !== '')) getRange(expr, r, f);
  return f;
}

/** Go's time.ParseDuration for @every (units h, m, s, ms, us/µs, ns), in milliseconds. */
export function parseGoDuration(s: string): number {
  const orig = s;
  const bad = () => new CronParseError(`time: invalid duration ${JSON.stringify(orig)}`);
  let sign = 1;
  if (s.startsWith('-') || s.startsWith('+')) {
    if (s[0] === '-') sign = -1;
    s = s.slice(1);
  }
  if (s === '0') return 0;
  if (s === '') throw bad();
  const units: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1000, m: 60000, h: 3600000 };
  let total = 0;
  const re = /^([0-9]*(?:\.[0-9]*)?)(ns|us|µs|μs|ms|s|m|h)/;
  while (s.length) {
    const m = re.exec(s);
    if (!m || m[1] === '' || m[1] === '.') {
      if (/^[0-9.]+$/.test(s)) throw new CronParseError(`time: missing unit in duration ${JSON.stringify(orig)}`);
      const u = /^[0-9.]+([^0-9.]+)/.exec(s);
      if (u) throw new CronParseError(`time: unknown unit ${JSON.stringify(u[1].replace(/[0-9.].*$/, ''))} in duration ${JSON.stringify(orig)}`);
      throw bad();
    }
    total += Number(m[1]) * units[m[2]];
    s = s.slice(m[0].length);
  }
  return sign * total;
}

function validTimeZone(tz: string): boolean {
  if (tz === 'UTC' || tz === 'Local' || tz === '') return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Go's time.LoadLocation error for a name the tz database does not have. */
export function loadLocationError(tz: string): string | undefined {
  return validTimeZone(tz) ? undefined : `unknown time zone ${tz}`;
}

/** UTC offset (ms) of a time zone at an instant. */
function offsetAt(tz: string | undefined, instant: number): number {
  if (!tz || tz === 'UTC' || tz === 'Local') return 0;
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' }).formatToParts(instant);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(instant / 1000) * 1000;
}

/** A wall-clock time (as UTC fields) in a zone back to an instant. */
function wallToInstant(tz: string | undefined, wall: number): number {
  let instant = wall - offsetAt(tz, wall);
  instant = wall - offsetAt(tz, instant);
  return instant;
}

class SpecSchedule implements CronSchedule {
  constructor(
    private readonly minute: Field,
    private readonly hour: Field,
    private readonly dom: Field,
    private readonly month: Field,
    private readonly dow: Field,
    readonly location?: string,
  ) {}

  private dayMatches(d: Date): boolean {
    const domMatch = this.dom.values.has(d.getUTCDate());
    const dowMatch = this.dow.values.has(d.getUTCDay());
    if (this.dom.star || this.dow.star) return domMatch && dowMatch;
    return domMatch || dowMatch;
  }

  // Upstream: spec.go SpecSchedule.Next, stepping a wall clock held in UTC fields.
  next(afterMs: number, timeZone?: string): number | undefined {
    const tz = this.location ?? timeZone;
    let t = new Date(Math.floor((afterMs + offsetAt(tz, afterMs)) / 1000) * 1000 + 1000);
    let added = false;
    const yearLimit = t.getUTCFullYear() + 5;
    for (;;) {
      if (t.getUTCFullYear() > yearLimit) return undefined;
      let wrapped = false;
      while (!this.month.values.has(t.getUTCMonth() + 1)) {
        if (!added) {
          added = true;
          t = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), 1));
        }
        t = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + 1, 1));
        if (t.getUTCMonth() === 0) {
          wrapped = true;
          break;
        }
      }
      if (wrapped) continue;
      while (!this.dayMatches(t)) {
        if (!added) {
          added = true;
          t = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate()));
        }
        t = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate() + 1));
        if (t.getUTCDate() === 1) {
          wrapped = true;
          break;
        }
      }
      if (wrapped) continue;
      while (!this.hour.values.has(t.getUTCHours())) {
        if (!added) {
          added = true;
          t = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate(), t.getUTCHours()));
        }
        t = new Date(t.getTime() + 3600_000);
        if (t.getUTCHours() === 0) {
          wrapped = true;
          break;
        }
      }
      if (wrapped) continue;
      while (!this.minute.values.has(t.getUTCMinutes())) {
        if (!added) {
          added = true;
          t = new Date(Math.floor(t.getTime() / 60_000) * 60_000);
        }
        t = new Date(t.getTime() + 60_000);
        if (t.getUTCMinutes() === 0) {
          wrapped = true;
          break;
        }
      }
      if (wrapped) continue;
      // The seconds field of a standard schedule is 0.
      while (t.getUTCSeconds() !== 0) {
        if (!added) added = true;
        t = new Date(t.getTime() + 1000);
        if (t.getUTCSeconds() === 0) {
          wrapped = true;
          break;
        }
      }
      if (wrapped) continue;
      return wallToInstant(tz, t.getTime());
    }
  }
}

class EverySchedule implements CronSchedule {
  constructor(private readonly delayMs: number) {}
  next(afterMs: number): number {
    return Math.floor(afterMs / 1000) * 1000 + this.delayMs;
  }
}

function descriptor(spec: string, location?: string): CronSchedule {
  const mk = (m: string, h: string, dom: string, mon: string, dow: string) =>
    new SpecSchedule(getField(m, MINUTES), getField(h, HOURS), getField(dom, DOM), getField(mon, MONTHS), getField(dow, DOW), location);
  switch (spec) {
    case '@yearly':
    case '@annually':
      return mk('0', '0', '1', '1', '*');
    case '@monthly':
      return mk('0', '0', '1', '*', '*');
    case '@weekly':
      return mk('0', '0', '*', '*', '0');
    case '@daily':
    case '@midnight':
      return mk('0', '0', '*', '*', '*');
    case '@hourly':
      return mk('0', '*', '*', '*', '*');
  }
  const every = '@every ';
  if (spec.startsWith(every)) {
    let d: number;
    try {
      d = parseGoDuration(spec.slice(every.length));
    } catch (e) {
      throw new CronParseError(`failed to parse duration ${spec}: ${(e as Error).message}`);
    }
    // Every(): at least one second, whole seconds.
    return new EverySchedule(d < 1000 ? 1000 : Math.floor(d / 1000) * 1000);
  }
  throw new CronParseError(`unrecognized descriptor: ${spec}`);
}

/** cron.ParseStandard: throws CronParseError with robfig's message. */
export function parseStandard(spec: string): CronSchedule {
  if (spec.length === 0) throw new CronParseError('empty spec string');
  let location: string | undefined;
  if (spec.startsWith('TZ=') || spec.startsWith('CRON_TZ=')) {
    const i = spec.indexOf(' ');
    const eq = spec.indexOf('=');
    const name = i < 0 ? spec.slice(eq + 1) : spec.slice(eq + 1, i);
    const err = loadLocationError(name);
    if (err) throw new CronParseError(`provided bad location ${name}: ${err}`);
    location = name;
    spec = i < 0 ? '' : spec.slice(i).trim();
  }
  if (spec.startsWith('@')) return descriptor(spec, location);
  const fields = spec.split(/\s+/).filter((f) => f !== '');
  if (fields.length !== 5) throw new CronParseError(`expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`);
  return new SpecSchedule(getField(fields[0], MINUTES), getField(fields[1], HOURS), getField(fields[2], DOM), getField(fields[3], MONTHS), getField(fields[4], DOW), location);
}

/** The parse error message, or undefined for a valid schedule. */
export function cronScheduleError(spec: string): string | undefined {
  try {
    parseStandard(spec);
    return undefined;
  } catch (e) {
    if (e instanceof CronParseError) return e.message;
    throw e;
  }
}

