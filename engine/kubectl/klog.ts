// klog's text header, for the few lines kubectl logs on stderr even at -v=0
// (e.g. `E1122 01:58:49.659968    5416 run.go:72] "command failed" err="…"`).
// Upstream: k8s.io/klog/v2 klog.go (formatHeader) and internal/serialize (KVListFormat).

import { goQuote } from './cli/flags';
import type { KubectlIO } from './io';

export type Severity = 'I' | 'W' | 'E' | 'F';

export function klogHeader(io: KubectlIO, severity: Severity, source: string): string {
  const d = new Date(io.now());
  const p2 = (n: number) => String(n).padStart(2, '0');
  const micros = String(d.getMilliseconds() * 1000).padStart(6, '0');
  const pid = String(io.pid ?? 1).padStart(7, ' ');
  return `${severity}${p2(d.getMonth() + 1)}${p2(d.getDate())} ${p2(d.getHours())}:${p2(d.getMinutes())}:${p2(d.getSeconds())}.${micros} ${pid} ${source}] `;
}

/** A structured log line: `msg` quoted, then key="value" pairs quoted Go-style. */
export function klogStructured(io: KubectlIO, severity: Severity, source: string, msg: string, kv: Record<string, string>): void {
  const pairs = Object.entries(kv)
    .map(([k, v]) => ` ${k}=${goQuote(v)}`)
    .join('');
  io.stderr.write(klogHeader(io, severity, source) + goQuote(msg) + pairs + '\n');
}

/** A printf-style log line (klog.Warningf and friends). */
export function klogf(io: KubectlIO, severity: Severity, source: string, text: string): void {
  io.stderr.write(klogHeader(io, severity, source) + text + (text.endsWith('\n') ? '' : '\n'));
}

/** Matches a klog header, so tests can compare output whose time and pid differ. */
export const klogHeaderPattern = /^[IWEF]\d{4} \d{2}:\d{2}:\d{2}\.\d{6} +\d+ [^\]]+\] /gm;
