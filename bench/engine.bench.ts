// Engine benchmarks (issue: engine). Prints figures; asserts nothing.
//   start to ready · create 1,000 pods · list 1,000 pods as a Table · watch event latency ·
//   resident memory with 1,000 pods
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine } from '../engine/engine';
import { ApiClient } from '../test/support/api-client';

const TABLE_ACCEPT = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';

function ms(t0: bigint): number {
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/** Starts `bin/kubelab engine` as its own process, creates 1,000 pods, lets the controllers settle, reads VmRSS. */
async function engineProcessRss(data: string): Promise<number> {
  const { spawn } = await import('node:child_process');
  const { readFileSync } = await import('node:fs');
  const child = spawn(process.execPath, [join(import.meta.dirname, '..', 'bin', 'kubelab'), 'engine', '--data', data], { stdio: ['ignore', 'pipe', 'inherit'] });
  const kubeconfig = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /kubeconfig=(\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.on('exit', () => reject(new Error('engine exited')));
  });
  const api = new ApiClient(kubeconfig);
  await api.call('POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'bench' } });
  for (let i = 0; i < 1000; i += 8) {
    await Promise.all(
      Array.from({ length: 8 }, (_, k) =>
        api.call('POST', '/api/v1/namespaces/bench/pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name: `p-${i + k}` }, spec: { containers: [{ name: 'c', image: 'nginx:1.17.1' }] } }),
      ),
    );
  }
  await new Promise((r) => setTimeout(r, 5000));
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  api.close();
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  return kb / 1024;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'kubelab-bench-'));
  try {
    // Cold start: first start creates the CA and bootstraps the cluster; warm start resumes it.
    let t0 = process.hrtime.bigint();
    let engine = await Engine.start({ dataDir: join(dir, 'data') });
    const cold = ms(t0);
    await engine.stop();
    t0 = process.hrtime.bigint();
    engine = await Engine.start({ dataDir: join(dir, 'data') });
    const warm = ms(t0);
    console.log(`engine start to ready: first start ${cold.toFixed(0)} ms, restart ${warm.toFixed(0)} ms (target < 500 ms)`);

    const api = new ApiClient(engine.kubeconfigPath);
    await api.call('POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'bench' } });
    const pod = (i: number) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: `p-${i}`, labels: { app: 'bench' } }, spec: { containers: [{ name: 'c', image: 'nginx:1.17.1' }] } });
    t0 = process.hrtime.bigint();
    const concurrency = 8;
    for (let i = 0; i < 1000; i += concurrency) {
      await Promise.all(Array.from({ length: Math.min(concurrency, 1000 - i) }, (_, k) => api.call('POST', '/api/v1/namespaces/bench/pods', pod(i + k))));
    }
    const create = ms(t0);
    console.log(`create 1,000 pods over HTTPS (8 in flight): ${create.toFixed(0)} ms (${(create / 1000).toFixed(2)} ms/pod)`);

    const lists: number[] = [];
    let bytes = 0;
    let rows = 0;
    for (let i = 0; i < 10; i++) {
      t0 = process.hrtime.bigint();
      const r = await api.call('GET', '/api/v1/namespaces/bench/pods', undefined, { Accept: TABLE_ACCEPT });
      lists.push(ms(t0));
      bytes = r.body.length;
      rows = r.json<{ rows: unknown[] }>().rows.length;
    }
    console.log(`list ${rows} pods as one Table: median ${median(lists).toFixed(1)} ms, ${(bytes / 1024).toFixed(0)} KiB (target < 50 ms)`);
    // What kubectl get does: pages of 500 following the continue token.
    const paged: number[] = [];
    for (let i = 0; i < 10; i++) {
      t0 = process.hrtime.bigint();
      let token = '';
      do {
        const r = await api.call('GET', `/api/v1/namespaces/bench/pods?limit=500${token ? `&continue=${token}` : ''}`, undefined, { Accept: TABLE_ACCEPT });
        token = r.json<{ metadata: { continue?: string } }>().metadata.continue ?? '';
      } while (token);
      paged.push(ms(t0));
    }
    console.log(`list 1,000 pods as a Table in kubectl's pages of 500: median ${median(paged).toFixed(1)} ms`);

    const latencies: number[] = [];
    for (let i = 0; i < 20; i++) {
      const name = `w-${i}`;
      let start = 0n;
      const seen = new Promise<void>((resolve) => {
        const stop = api.watch(`/api/v1/namespaces/bench/configmaps?watch=true&fieldSelector=metadata.name%3D${name}`, (e) => {
          if (e.type === 'ADDED') {
            latencies.push(ms(start));
            stop();
            resolve();
          }
        });
      });
      await new Promise((r) => setTimeout(r, 20));
      start = process.hrtime.bigint();
      await api.call('POST', '/api/v1/namespaces/bench/configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name } });
      await seen;
    }
    console.log(`watch event latency (create sent -> event received): median ${median(latencies).toFixed(1)} ms`);

    api.close();
    await engine.stop();
    console.log(`engine process resident memory with 1,000 pods: ${(await engineProcessRss(join(dir, 'rss'))).toFixed(0)} MiB (target < 150 MB)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
