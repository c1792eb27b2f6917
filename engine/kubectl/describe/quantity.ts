// resource.Quantity as kubectl prints it: parse a quantity string, add quantities, and print
// the canonical form (`100m`, `1536Mi`, `2`, `1k`). Values are exact: a bigint mantissa times a
// power of ten, with the suffix family (binary, decimal SI, exponent) kept for printing.
// Upstream: kubernetes/apimachinery pkg/api/resource/quantity.go (ParseQuantity, CanonicalizeBytes,
// String), amount.go (AsCanonicalBytes, AsCanonicalBase1024Bytes), suffix.go.

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

export interface Quantity {
  /** value = mantissa * 10^exp */
  mantissa: bigint;
  exp: number;
  format: QuantityFormat;
}

const binary: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const decimal: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };

export const zeroQuantity = (): Quantity => ({ mantissa: 0n, exp: 0, format: 'DecimalSI' });

export function parseQuantity(input: string | number | undefined | null): Quantity {
  if (input === undefined || input === null) return zeroQuantity();
  const s = String(input).trim();
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(.*)$/.exec(s);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return zeroQuantity();
  const sign = m[1] === '-' ? -1n : 1n;
  const frac = m[3] ?? '';
  let mantissa = BigInt((m[2] || '0') + frac) * sign;
  let exp = -frac.length;
  const suffix = m[4];
  let format: QuantityFormat = 'DecimalSI';
  if (suffix in binary) {
    mantissa *= 1n << BigInt(binary[suffix]);
    format = 'BinarySI';
  } else if (suffix in decimal) {
    exp += decimal[suffix];
  } else if (/^[eE][+-]?\d+$/.test(suffix)) {
    exp += Number(suffix.slice(1));
    format = 'DecimalExponent';
  }
  const q = normalize({ mantissa, exp, format });
  // Quantities finer than nano are rounded up to nano (ParseQuantity's precision limit).
  if (q.exp < -9) {
    const div = 10n ** BigInt(-9 - q.exp);
    let v = q.mantissa / div;
    if (q.mantissa % div !== 0n && q.mantissa > 0n) v += 1n;
    return normalize({ mantissa: v, exp: -9, format: q.format });
  }
  return q;
}

function normalize(q: Quantity): Quantity {
  let { mantissa, exp } = q;
  if (mantissa === 0n) return { mantissa: 0n, exp: 0, format: q.format };
  while (mantissa % 10n === 0n) {
    mantissa /= 10n;
    exp++;
  }
  return { mantissa, exp, format: q.format };
}

/** Exact scaled integer value at the given power of ten (may truncate). */
function atScale(q: Quantity, scale: number): { v: bigint; exact: boolean } {
  if (q.exp >= scale) return { v: q.mantissa * 10n ** BigInt(q.exp - scale), exact: true };
  const div = 10n ** BigInt(scale - q.exp);
  return { v: q.mantissa / div, exact: q.mantissa % div === 0n };
}

export function addQuantity(a: Quantity, b: Quantity): Quantity {
  const exp = Math.min(a.exp, b.exp);
  const v = atScale(a, exp).v + atScale(b, exp).v;
  return normalize({ mantissa: v, exp, format: a.mantissa === 0n && a.format === 'DecimalSI' && b.mantissa !== 0n ? b.format : a.format });
}

export function cmpQuantity(a: Quantity, b: Quantity): number {
  const exp = Math.min(a.exp, b.exp);
  const x = atScale(a, exp).v;
  const y = atScale(b, exp).v;
  return x < y ? -1 : x > y ? 1 : 0;
}

function ceilAt(q: Quantity, scale: number): number {
  const { v, exact } = atScale(q, scale);
  return Number(!exact && q.mantissa > 0n ? v + 1n : v);
}

/** Quantity.MilliValue (rounded up). */
export const milliValue = (q: Quantity): number => ceilAt(q, -3);
/** Quantity.Value (rounded up). */
export const quantityValue = (q: Quantity): number => ceilAt(q, 0);

// Upstream: quantity.go CanonicalizeBytes + String.
export function formatQuantity(q: Quantity): string {
  if (q.mantissa === 0n) return '0';
  let format = q.format;
  if (format === 'BinarySI') {
    const { v, exact } = atScale(q, 0);
    if ((v > -1024n && v < 1024n) || !exact) format = 'DecimalSI';
  }
  if (format === 'BinarySI') {
    let v = atScale(q, 0).v;
    let times = 0;
    while (times < 6 && v % 1024n === 0n && v !== 0n) {
      v /= 1024n;
      times++;
    }
    const suffix = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'][times];
    return v.toString() + suffix;
  }
  let { mantissa, exp } = normalize(q);
  const r = ((exp % 3) + 3) % 3;
  if (r !== 0) {
    mantissa *= 10n ** BigInt(r);
    exp -= r;
  }
  if (format === 'DecimalExponent') return mantissa.toString() + (exp === 0 ? '' : `e${exp}`);
  const suffix = Object.entries(decimal).find(([, e]) => e === exp)?.[0];
  if (suffix !== undefined) return mantissa.toString() + suffix;
  // Out of the SI range: print in the largest suffix.
  if (exp > 18) return (mantissa * 10n ** BigInt(exp - 18)).toString() + 'E';
  return mantissa.toString() + `e${exp}`;
}

export const canonicalQuantity = (s: string | number | undefined | null): string => formatQuantity(parseQuantity(s));
