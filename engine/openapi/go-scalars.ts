// The error texts kube-apiserver gives when a scalar with its own Go decoder is malformed:
// resource.Quantity, metav1.Time / MicroTime (Go time.Parse) and []byte (base64). Each function
// returns undefined when the value is accepted, or the exact error message.

// Upstream: kubernetes/apimachinery pkg/api/resource/quantity.go (ParseQuantity, parseQuantityString,
// quantitySuffixer.interpret).
export const QUANTITY_FORMAT_ERROR =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
export const QUANTITY_SUFFIX_ERROR = "unable to parse quantity's suffix";

const QUANTITY_SUFFIXES = new Set(['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei', 'n', 'u', 'm', 'k', 'M', 'G', 'T', 'P', 'E']);
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

export function quantityError(str: string): string | undefined {
  if (str.length === 0) return QUANTITY_FORMAT_ERROR;
  if (str === '0') return undefined;
  let pos = 0;
  const end = str.length;
  if (str[0] === '-' || str[0] === '+') pos++;
  while (pos < end && str[pos] === '0') pos++;
  if (pos >= end) return undefined;
  while (pos < end && isDigit(str[pos])) pos++;
  if (pos >= end) return undefined;
  if (str[pos] === '.') {
    pos++;
    while (pos < end && isDigit(str[pos])) pos++;
    if (pos >= end) return undefined;
  }
  const suffixStart = pos;
  while (pos < end && 'eEinumkKMGTP'.includes(str[pos])) pos++;
  if (pos < end) {
    if (str[pos] === '-' || str[pos] === '+') pos++;
    while (pos < end && isDigit(str[pos])) pos++;
    if (pos < end) return QUANTITY_FORMAT_ERROR;
  }
  const suffix = str.slice(suffixStart);
  if (QUANTITY_SUFFIXES.has(suffix)) return undefined;
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E') && /^[+-]?\d+$/.test(suffix.slice(1))) return undefined;
  return QUANTITY_SUFFIX_ERROR;
}

// Upstream: Go time.Parse (src/time/format.go) with the layouts metav1.Time (RFC3339) and
// metav1.MicroTime (RFC3339Micro) decode with.
export const RFC3339 = '2006-01-02T15:04:05Z07:00';
export const RFC3339_MICRO = '2006-01-02T15:04:05.000000Z07:00';

type Chunk = { literal: string } | { std: '2006' | '01' | '02' | '15' | '04' | '05' | '.000000' | 'Z07:00' };

const RFC3339_CHUNKS: Chunk[] = [
  { std: '2006' }, { literal: '-' }, { std: '01' }, { literal: '-' }, { std: '02' }, { literal: 'T' },
  { std: '15' }, { literal: ':' }, { std: '04' }, { literal: ':' }, { std: '05' }, { std: 'Z07:00' },
];
const RFC3339_MICRO_CHUNKS: Chunk[] = [...RFC3339_CHUNKS.slice(0, 11), { std: '.000000' }, { std: 'Z07:00' }];

export function timeError(value: string, micro = false): string | undefined {
  const layout = micro ? RFC3339_MICRO : RFC3339;
  const chunks = micro ? RFC3339_MICRO_CHUNKS : RFC3339_CHUNKS;
  const q = JSON.stringify;
  const cannot = (elemValue: string, elemLayout: string) =>
    `parsing time ${q(value)} as ${q(layout)}: cannot parse ${q(elemValue)} as ${q(elemLayout)}`;
  const outOfRange = (what: string) => `parsing time ${q(value)}: ${what} out of range`;
  let rest = value;
  let year = 0;
  let month = 0;
  let day = 0;
  for (let i = 0; i < chunks.length; i++) {
    const c = chunks[i];
    if ('literal' in c) {
      if (!rest.startsWith(c.literal)) return cannot(rest, c.literal);
      rest = rest.slice(c.literal.length);
      continue;
    }
    const hold = rest;
    const fixed = (n: number): number | undefined => {
      const p = rest.slice(0, n);
      if (p.length < n || !/^\d+$/.test(p)) return undefined;
      rest = rest.slice(n);
      return Number(p);
    };
    switch (c.std) {
      case '2006': {
        const v = fixed(4);
        if (v === undefined) return cannot(hold, c.std);
        year = v;
        break;
      }
      case '01': {
        const v = fixed(2);
        if (v === undefined) return cannot(hold, c.std);
        if (v < 1 || v > 12) return outOfRange('month');
        month = v;
        break;
      }
      case '02': {
        const v = fixed(2);
        if (v === undefined) return cannot(hold, c.std);
        if (v < 1 || v > 31) return outOfRange('day');
        day = v;
        break;
      }
      case '15': {
        // Go reads one or two digits for the hour.
        const m = /^\d\d?/.exec(rest);
        if (!m) return cannot(hold, c.std);
        rest = rest.slice(m[0].length);
        if (Number(m[0]) >= 24) return outOfRange('hour');
        break;
      }
      case '04':
      case '05': {
        const v = fixed(2);
        if (v === undefined) return cannot(hold, c.std);
        if (v >= 60) return outOfRange(c.std === '04' ? 'minute' : 'second');
        if (c.std === '05' && !micro && /^[.,]\d/.test(rest)) {
          // A fractional second the layout does not name is still accepted.
          const m = /^[.,]\d+/.exec(rest)!;
          rest = rest.slice(m[0].length);
        }
        break;
      }
      case '.000000': {
        if (!/^[.,]\d{6}/.test(rest)) return cannot(hold, c.std);
        rest = rest.slice(7);
        break;
      }
      case 'Z07:00': {
        if (rest.startsWith('Z')) {
          rest = rest.slice(1);
          break;
        }
        if (rest.length < 6 || rest[3] !== ':' || (rest[0] !== '+' && rest[0] !== '-') || !/^\d\d$/.test(rest.slice(1, 3)) || !/^\d\d$/.test(rest.slice(4, 6))) {
          return cannot(hold, c.std);
        }
        rest = rest.slice(6);
        break;
      }
    }
  }
  if (rest.length > 0) return `parsing time ${q(value)}: extra text: ${q(rest)}`;
  if (day > daysIn(month, year)) return `parsing time ${q(value)}: day out of range`;
  return undefined;
}

function daysIn(month: number, year: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

// Upstream: Go encoding/base64 (StdEncoding.Decode, decodeQuantum): CorruptInputError offsets.
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function base64Error(src: string): string | undefined {
  const bad = (at: number) => `illegal base64 data at input byte ${at}`;
  let si = 0;
  const n = src.length;
  while (si < n) {
    let j = 0;
    for (; j < 4; j++) {
      if (si === n) {
        if (j === 0) return undefined;
        return bad(si - j);
      }
      const ch = src[si++];
      if (B64.includes(ch)) continue;
      if (ch === '\n' || ch === '\r') {
        j--;
        continue;
      }
      if (ch !== '=') return bad(si - 1);
      // Padding: the quantum ends here.
      if (j === 0 || j === 1) return bad(si - 1);
      if (j === 2) {
        while (si < n && (src[si] === '\n' || src[si] === '\r')) si++;
        if (si === n) return bad(n);
        if (src[si] !== '=') return bad(si - 1);
        si++;
      }
      while (si < n && (src[si] === '\n' || src[si] === '\r')) si++;
      if (si < n) return bad(si);
      return undefined;
    }
  }
  return undefined;
}
