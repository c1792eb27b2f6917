// Test helper: runs kubectl against an in-memory kubeconfig at /home/k/kc (KUBECONFIG), cwd /home/k.

import { run } from '../../run';
import { MemoryFS, memoryIO } from '../../testing/memory-fs';

export interface ConfigRun {
  code: number;
  out: string;
  err: string;
  /** The kubeconfig file afterwards (undefined: not written). */
  file: string | undefined;
  fs: MemoryFS;
}

export const kubeconfigPath = '/home/k/kc';

export async function kubectl(argv: string[], opts: { kubeconfig?: string; files?: Record<string, string>; env?: Record<string, string> } = {}): Promise<ConfigRun> {
  const fs = new MemoryFS({ ...(opts.kubeconfig !== undefined ? { [kubeconfigPath]: opts.kubeconfig } : {}), ...opts.files });
  fs.dirs.add('/home/k');
  const io = memoryIO({ fs, env: { HOME: '/home/k', KUBECONFIG: kubeconfigPath, ...opts.env }, cwd: '/home/k' });
  const code = await run(argv, io);
  return { code, out: io.out(), err: io.err(), file: fs.text(kubeconfigPath), fs };
}

/** A kubeconfig as kubectl writes it, from its stanza lines. */
export function written(parts: { clusters?: string; contexts?: string; current?: string; preferences?: string; users?: string }): string {
  return (
    'apiVersion: v1\n' +
    `clusters:${parts.clusters ? '\n' + parts.clusters : ' null\n'}` +
    `contexts:${parts.contexts ? '\n' + parts.contexts : ' null\n'}` +
    `current-context: ${parts.current ?? '""'}\n` +
    'kind: Config\n' +
    `preferences:${parts.preferences ? '\n' + parts.preferences : ' {}\n'}` +
    `users:${parts.users ? '\n' + parts.users : ' null\n'}`
  );
}
