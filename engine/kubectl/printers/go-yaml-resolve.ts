// Which plain scalars go-yaml v2 would read back as something other than a string.
// The YAML printer must quote those, exactly as go-yaml's encoder does.
// Upstream: gopkg.in/yaml.v2 resolve.go (resolve, resolveTable, resolveMap, parseTimestamp)
// and encode.go (isBase60Float).

const mapped = new Set([
  'y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON',
  'n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF',
  '', '~', 'null', 'Null', 'NULL',
  '.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF',
  '<<',
]);

const yamlStyleFloat = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const base60Float = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

function hint(s: string): string | undefined {
  if (s === '') return 'N';
  const c = s[0];
  if (c === '+' || c === '-') return 'S';
  if (c >= '0' && c <= '9') return 'D';
  if ('yYnNtTfFoO~'.includes(c)) return 'M';
  if (c === '.') return '.';
  return undefined;
}

/** True when go-yaml v2 resolves the plain scalar `s` to the str tag. */
export function resolvesToString(s: string): boolean {
  const h = hint(s);
  if (h === undefined) return true;
  if (mapped.has(s)) return false;
  switch (h) {
    case 'M':
      return true;
    case '.':
      return !isGoFloat(s);
    case 'D':
    case 'S': {
      if (isYamlTimestamp(s)) return false;
      const plain = s.replace(/_/g, '');
      if (isGoInt(plain)) return false;
      if (yamlStyleFloat.test(plain) && isGoFloat(plain)) return false;
      if (plain.startsWith('0b') && /^[01]+$/.test(plain.slice(2))) return false;
      if (plain.startsWith('-0b') && /^[01]+$/.test(plain.slice(3))) return false;
      return true;
    }
    default:
      return true;
  }
}

/** go-yaml's encoder refuses plain style for strings that YAML 1.1 reads as sexagesimal. */
export function isBase60Float(s: string): boolean {
  if (s === '') return false;
  const c = s[0];
  if (!(c === '+' || c === '-' || (c >= '0' && c <= '9')) || !s.includes(':')) return false;
  return base60Float.test(s);
}

// strconv.ParseInt(s, 0, 64) or ParseUint(s, 0, 64) succeeding.
function isGoInt(s: string): boolean {
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO][0-7]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (!m) return false;
  let digits = m[2];
  let base = 10n;
  if (/^0[xX]/.test(digits)) (base = 16n), (digits = digits.slice(2));
  else if (/^0[bB]/.test(digits)) (base = 2n), (digits = digits.slice(2));
  else if (/^0[oO]/.test(digits)) (base = 8n), (digits = digits.slice(2));
  else if (digits.length > 1 && digits[0] === '0') (base = 8n), (digits = digits.slice(1));
  let v = 0n;
  for (const d of digits) v = v * base + BigInt(parseInt(d, Number(base)));
  if (m[1] === '-') return v <= 1n << 63n;
  return v < 1n << 64n; // ParseUint accepts up to 2^64-1 (and ParseInt the signed part)
}

// strconv.ParseFloat(s, 64) succeeding for the decimal forms YAML lets through.
function isGoFloat(s: string): boolean {
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s) || /^[+-]?(inf|infinity|nan)$/i.test(s);
}

// Upstream: resolve.go parseTimestamp with the four allowed layouts
// ("2006-1-2T15:4:5.999999999Z07:00", its lower-case t variant, "2006-1-2 15:4:5.999999999", "2006-1-2").
export function isYamlTimestamp(s: string): boolean {
  if (!/^\d{4}-/.test(s)) return false;
  const m =
    /^(\d{4})-(\d{1,2})-(\d{1,2})(?:([Tt ])(\d{1,2}):(\d{1,2}):(\d{1,2})(\.\d+)?(Z|[+-]\d{2}:\d{2})?)?$/.exec(s);
  if (!m) return false;
  const [, y, mo, d, sep, hh, mm, ss, , zone] = m;
  if (sep !== undefined) {
    if (sep === ' ' ? zone !== undefined : zone === undefined) return false;
    if (Number(hh) > 23 || Number(mm) > 59 || Number(ss) > 59) return false;
    if (zone && zone !== 'Z' && (Number(zone.slice(1, 3)) > 23 || Number(zone.slice(4)) > 59)) return false;
  }
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1) return false;
  const year = Number(y);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return day <= days;
}
