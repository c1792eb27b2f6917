// Go's time.Duration.String() for durations truncated to milliseconds, as kubelet messages print
// them: 874ms, 1.663s, 30.68s, 2m5.1s, 1h0m0s.
// Upstream: go src/time/time.go (Duration.String)
export function goDuration(ms: number): string {
  ms = Math.trunc(ms);
  if (ms === 0) return '0s';
  const neg = ms < 0;
  let v = Math.abs(ms);
  let out: string;
  if (v < 1000) out = `${v}ms`;
  else {
    const h = Math.floor(v / 3600000);
    v -= h * 3600000;
    const m = Math.floor(v / 60000);
    v -= m * 60000;
    const s = v / 1000;
    const secs = `${s.toFixed(3).replace(/\.?0+$/, '')}s`;
    out = h > 0 ? `${h}h${m}m${secs}` : m > 0 ? `${m}m${secs}` : secs;
  }
  return neg ? `-${out}` : out;
}
