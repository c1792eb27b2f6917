// `kubelab lab list|show|start|check` as a user runs them: the built launcher, a broken pack
// beside good ones, and a lab cluster checked from its engine's recorded history.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, test } from 'node:test';
import { REAL_KUBECTL, runProcess } from '../support/engine-fixture';

const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const KUBELAB = join(ROOT, 'bin', 'kubelab');
const tmp = mkdtempSync(join(tmpdir(), 'kubelab-lab-cli-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

const kubelab = (args: string[]) => runProcess(process.execPath, [KUBELAB, ...args], { ...process.env }, undefined, 60_000, tmp);

test('lab list prints the catalogue; --json too', async () => {
  const r = await kubelab(['lab', 'list']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^ID\s+VERSION\s+TOPOLOGY\s+STEPS\s+POINTS\s+TITLE\n/);
  for (const id of ['replicaset', 'deployment', 'canary']) assert.match(r.stdout, new RegExp(`^${id}\\s+1\\s+course`, 'm'));
  const j = JSON.parse((await kubelab(['lab', 'list', '--json'])).stdout);
  assert.deepEqual(j.labs.map((l: { id: string }) => l.id).sort(), ['canary', 'deployment', 'replicaset']);
  assert.deepEqual(j.broken, []);
});

test('a broken pack gives one clear error and the others are still listed', async () => {
  const labs = join(tmp, 'labs');
  cpSync(join(ROOT, 'labs', 'canary'), join(labs, 'canary'), { recursive: true });
  const good = readFileSync(join(ROOT, 'labs', 'canary', 'lab.yaml'), 'utf8');
  const broken: Record<string, string> = {
    'bad-yaml': good.replace('id: canary', 'id: bad-yaml').replace('topology: course', 'topology: [course'),
    'unknown-field': good.replace('id: canary', 'id: unknown-field').replace('    points: 50\n    title:', '    points: 50\n    pionts: 5\n    title:'),
    'bad-cel': good.replace('id: canary', 'id: bad-cel').replace("snapshots('v1', 'Pod', 'dev').exists(s,", "maxOver(history, 3) && snapshots('v1', 'Pod', 'dev').exists(s,"),
  };
  for (const [id, text] of Object.entries(broken)) {
    mkdirSync(join(labs, id), { recursive: true });
    writeFileSync(join(labs, id, 'lab.yaml'), text);
  }
  const r = await kubelab(['lab', 'list', '--labs', labs]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^canary\s/m);
  const errors = r.stderr.trim().split('\n');
  assert.equal(errors.length, 3, r.stderr);
  assert.match(r.stderr, /labs\/bad-yaml\/lab\.yaml:\d+:\d+: invalid YAML: /);
  assert.match(r.stderr, /labs\/unknown-field\/lab\.yaml:\d+:\d+: checkpoints\[0\]\.pionts: unknown field "pionts"/);
  assert.match(r.stderr, /labs\/bad-cel\/lab\.yaml:\d+:\d+: checkpoints\[0\]\.expr: unknown function "maxOver"/);
  const show = await kubelab(['lab', 'show', 'unknown-field', '--labs', labs]);
  assert.equal(show.code, 1);
  assert.match(show.stderr, /unknown field "pionts"/);
});

test('lab show prints the steps in either language', async () => {
  const en = await kubelab(['lab', 'show', 'canary']);
  assert.equal(en.code, 0, en.stderr);
  assert.match(en.stdout, /^Canary release with rollout pause and resume \(canary v1, topology course, 30 min\)/);
  assert.match(en.stdout, /## 2\. Update and pause at once \[pause\]/);
  const zh = await kubelab(['lab', 'show', 'canary', '--lang', 'zh-CN']);
  assert.match(zh.stdout, /金丝雀发布/);
});

test('lab start serves a prepared cluster; lab check judges it from the engine history', { timeout: 180_000 }, async () => {
  const data = join(tmp, 'data');
  const child = spawn(process.execPath, [KUBELAB, 'lab', 'start', 'canary', '--data', data], { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const ready = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d) => {
        out += d;
        const m = /kubelab engine ready: kubeconfig=(\S+) server=(https:\/\/127\.0\.0\.1:\d+)\n/.exec(out);
        if (m) resolve(m[1]);
      });
      child.on('exit', (code) => reject(new Error(`lab start exited ${code}`)));
    });
    const kubectl = (args: string[]) => runProcess(REAL_KUBECTL, ['--kubeconfig', ready, ...args], { PATH: process.env.PATH ?? '', HOME: tmp });
    assert.equal((await kubectl(['rollout', 'status', 'deployment/pc-deployment', '-n', 'dev', '--timeout=60s'])).code, 0);
    let r = await kubelab(['lab', 'check', 'canary', '--data', data, '--json']);
    assert.equal(r.code, 3, r.stderr);
    let j = JSON.parse(r.stdout);
    assert.deepEqual(j.checkpoints.map((c: { id: string; passed: boolean; points: number }) => [c.id, c.passed, c.points]), [['canary-paused', false, 0], ['canary-resumed', false, 0]]);
    assert.equal((await kubectl(['set', 'image', 'deployment/pc-deployment', 'nginx=nginx:1.17.4', '-n', 'dev'])).code, 0);
    assert.equal((await kubectl(['rollout', 'pause', 'deployment/pc-deployment', '-n', 'dev'])).code, 0);
    await new Promise((res) => setTimeout(res, 9000));
    r = await kubelab(['lab', 'check', 'canary', '--data', data]);
    assert.match(r.stdout, /^CHECKPOINT\s+STEP\s+POINTS\s+STATUS\s+MESSAGE\n/);
    assert.match(r.stdout, /^canary-paused\s+pause\s+50\/50\s+passed\s+Both versions serve at once/m);
    assert.match(r.stdout, /^canary-resumed\s+resume\s+0\/50\s+open\s/m);
    assert.match(r.stdout, /score: 50\/100\n$/);
    j = JSON.parse((await kubelab(['lab', 'check', 'canary', '--data', data, '--json', '--lang', 'zh-CN'])).stdout);
    assert.equal(j.checkpoints[0].message, '两个版本同时提供服务，金丝雀 Pod 分到了一部分流量。');
  } finally {
    child.kill('SIGTERM');
    await new Promise((res) => child.once('exit', res));
  }
});
