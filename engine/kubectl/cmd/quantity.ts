// resource.Quantity's canonical text, as kubectl prints a quantity it parsed (`set resources
// --limits=cpu=0.5` stores `500m`, `1024Mi` becomes `1Gi`).
// Upstream: apimachinery pkg/api/resource/quantity.go (ParseQuantity, CanonicalizeBytes),
// suffix.go. Values are kept as exact rationals n/10^9 (nano units) with BigInt.

const binary: Record<string, bigint> = { Ki: 1n << 10n, Mi: 1n << 20n, Gi: 1n << 30n, Ti: 1n << 40n, Pi: 1n << 50n, Ei: 1n << 60n };
const decimalExp: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const re = /^([+-]?)(\d*)(?:\.(\d*))?(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?\d+)?$/;

/** The canonical form, or undefined when Go would reject the text. */
export function canonicalQuantity(text: string): string | undefined {
  const m = re.exec(text.trim());
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
  const sign = m[1] === '-' ? -1n : 1n;
  const frac = (m[3] ?? '').slice(0, 9).padEnd(9, '0');
  let nano = (BigInt(m[2] || '0') * 1_000_000_000n + BigInt(frac)) * sign; // value * 1e9
  const suffix = m[4] ?? '';
  let format: 'BinarySI' | 'DecimalSI' | 'DecimalExponent' = 'DecimalSI';
  if (binary[suffix]) {
    nano *= binary[suffix];
    format = 'BinarySI';
  } else if (/^[eE]/.test(suffix)) {
    const e = Number(suffix.slice(1));
    nano = e >= 0 ? nano * 10n ** BigInt(e) : nano / 10n ** BigInt(-e);
    format = 'DecimalExponent';
  } else {
    const e = decimalExp[suffix];
    nano = e >= 0 ? nano * 10n ** BigInt(e) : nano / 10n ** BigInt(-e);
  }
  if (nano === 0n) return '0';
  const neg = nano < 0n;
  const abs = neg ? -nano : nano;
  const s = neg ? '-' : '';
  // Binary is only kept for whole values of at least 1024 that a power of 1024 divides.
  if (format === 'BinarySI' && abs % 1_000_000_000n === 0n) {
    const whole = abs / 1_000_000_000n;
    if (whole >= 1024n) {
      for (const suf of ['Ei', 'Pi', 'Ti', 'Gi', 'Mi', 'Ki']) {
        if (whole % binary[suf] === 0n) return `${s}${whole / binary[suf]}${suf}`;
      }
    }
    if (whole < 1024n) return `${s}${whole}`;
    format = 'DecimalSI';
  }
  // Decimal: the largest exponent (a multiple of 3) that leaves an integer mantissa.
  const sufs: [number, string][] = [[18, 'E'], [15, 'P'], [12, 'T'], [9, 'G'], [6, 'M'], [3, 'k'], [0, ''], [-3, 'm'], [-6, 'u'], [-9, 'n']];
  for (const [e, suf] of sufs) {
    const unit = 10n ** BigInt(e + 9);
    if (abs % unit === 0n) {
      const mant = abs / unit;
      if (format === 'DecimalExponent') return `${s}${mant}${e === 0 ? '' : `e${e}`}`;
      return `${s}${mant}${suf}`;
    }
  }
  return `${s}${abs}n`;
}
