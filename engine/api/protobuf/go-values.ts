// JSON forms of the apimachinery value types whose protobuf form is a small message.
import { rfc3339 } from '../../clock';

// Upstream: apimachinery pkg/apis/meta/v1/time.go (Time.MarshalJSON: UTC, RFC3339, whole seconds;
// time_proto.go Time.Unmarshal drops the nanos a protobuf client sent).
export function timeJson(seconds: number): string {
  return rfc3339(seconds * 1000);
}

// Upstream: apimachinery pkg/apis/meta/v1/micro_time.go (MarshalJSON with RFC3339Micro, UTC).
export function microTimeJson(seconds: number, nanos: number): string {
  const micros = String(Math.floor(nanos / 1000)).padStart(6, '0');
  return rfc3339(seconds * 1000).replace(/Z$/, `.${micros}Z`);
}

// Upstream: go src/time/time.go Duration.String ("1h0m0s", "1.5s", "300ms", "0s").
export function goDuration(ns: number): string {
  if (ns === 0) return '0s';
  const sign = ns < 0 ? '-' : '';
  let u = Math.abs(ns);
  if (u < 1e9) {
    if (u < 1e3) return `${sign}${u}ns`;
    if (u < 1e6) return `${sign}${fracDigits(u, 3)}µs`;
    return `${sign}${fracDigits(u, 6)}ms`;
  }
  let out = `${fracDigits(u % 60e9, 9)}s`;
  u = Math.floor(u / 60e9);
  if (u > 0) {
    out = `${u % 60}m${out}`;
    u = Math.floor(u / 60);
    if (u > 0) out = `${u}h${out}`;
  }
  return sign + out;
}

/** v / 10^prec with the fraction's trailing zeros (and a bare point) dropped, as Go's fmtFrac. */
function fracDigits(v: number, prec: number): string {
  const scale = 10 ** prec;
  const whole = Math.floor(v / scale);
  const frac = String(v % scale).padStart(prec, '0').replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : String(whole);
}
