import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ServerMessage, SessionProfile } from '../protocol';
import { SessionManager } from './session-manager';
import type { PtyProcess, SessionClient } from './terminal-session';

/** A pty that echoes input and can be made to exit. */
class FakePty implements PtyProcess {
  written: string[] = [];
  paused = false;
  killed = false;
  private dataListeners: Array<(d: string) => void> = [];
  private exitListeners: Array<(c: number) => void> = [];
  constructor(readonly profile: SessionProfile) {}
  onData(l: (d: string) => void) {
    this.dataListeners.push(l);
    return { dispose: () => (this.dataListeners = this.dataListeners.filter((x) => x !== l)) };
  }
  onExit(l: (c: number) => void) {
    this.exitListeners.push(l);
    return { dispose: () => (this.exitListeners = this.exitListeners.filter((x) => x !== l)) };
  }
  emit(d: string) {
    for (const l of this.dataListeners) l(d);
  }
  exit(code: number) {
    for (const l of this.exitListeners) l(code);
  }
  write(d: string) {
    this.written.push(d);
    this.emit(d);
  }
  resize() {}
  pause() {
    this.paused = true;
  }
  resume() {
    this.paused = false;
  }
  async kill() {
    this.killed = true;
    this.exit(129);
    return 129;
  }
}

function harness() {
  const ptys: FakePty[] = [];
  let ready = true;
  let generation = 1;
  const manager = new SessionManager({
    spawn: (profile) => {
      const p = new FakePty(profile);
      ptys.push(p);
      return p;
    },
    canStart: (profile) => profile.kind === 'host' || ready,
    generation: () => generation,
    coalesceMs: 1,
    exitGraceMs: 20,
    waitNoticeMs: 0,
  });
  return {
    manager,
    ptys,
    setEngine(r: boolean, g = generation) {
      ready = r;
      generation = g;
      if (r) manager.engineReady(g);
    },
  };
}

function client() {
  const got: ServerMessage[] = [];
  const c: SessionClient & { got: ServerMessage[]; closed?: number; text(): string } = {
    got,
    send: (m) => got.push(m),
    close: (code) => (c.closed = code),
    text: () => got.map((m) => (m.type === 'output' || m.type === 'replay' ? m.data : '')).join(''),
  };
  return c;
}

test('output reaches the client, and a re-attach replays the scrollback', async () => {
  const { manager, ptys } = harness();
  const s = manager.create({ kind: 'node', node: 'master' }, 80, 24);
  const a = client();
  const sub = s.attach(a);
  ptys[0].emit('[root@master ~]# ');
  s.input('kubectl get nodes\r');
  await sleep(10);
  assert.match(a.text(), /\[root@master ~\]# kubectl get nodes/);
  sub.dispose();
  ptys[0].emit('while away\r\n');
  await sleep(10);
  const b = client();
  s.attach(b);
  assert.equal(b.got[0].type, 'replay');
  assert.match(b.text(), /\[root@master ~\]# kubectl get nodes\rwhile away/);
  await manager.dispose();
  assert.equal(ptys[0].killed, true);
});

test('a second attach replaces the first renderer', async () => {
  const { manager } = harness();
  const s = manager.create({ kind: 'host' }, 80, 24);
  const a = client();
  s.attach(a);
  s.attach(client());
  assert.equal(a.closed, 4001);
  await manager.dispose();
});

test('flow control pauses the pty until the renderer acks', async () => {
  const { manager, ptys } = harness();
  const s = manager.create({ kind: 'host' }, 80, 24);
  s.attach(client());
  ptys[0].emit('x'.repeat(150_000));
  assert.equal(ptys[0].paused, true);
  s.ack(149_000);
  assert.equal(ptys[0].paused, false);
  await manager.dispose();
});

test('a node shell waits for the engine, and reconnects when the engine restarts', async () => {
  const h = harness();
  h.setEngine(false);
  const s = h.manager.create({ kind: 'node', node: 'node1' }, 80, 24);
  const c = client();
  s.attach(c);
  assert.equal(h.ptys.length, 0, 'no shell before the engine is ready');
  h.setEngine(true, 1);
  assert.equal(h.ptys.length, 1);
  // The engine dies: the shell loses its connection and exits before the supervisor notices.
  h.ptys[0].exit(1);
  h.setEngine(false, 1);
  await sleep(40);
  assert.equal(h.ptys.length, 1, 'waits for the new engine');
  h.setEngine(true, 2);
  assert.equal(h.ptys.length, 2, 'a fresh shell on the new engine');
  assert.ok(c.got.some((m) => m.type === 'exit' && m.willRestart));
  assert.equal(s.info.running, true);
  // An engine restart the shell did not notice: the host replaces the shell anyway.
  h.setEngine(true, 3);
  await sleep(10);
  assert.equal(h.ptys[1].killed, true);
  assert.equal(h.ptys.length, 3);
  await h.manager.dispose();
});

test('a shell that exits on its own stays ended until Enter', async () => {
  const h = harness();
  const s = h.manager.create({ kind: 'node', node: 'master' }, 80, 24);
  const c = client();
  s.attach(c);
  h.ptys[0].exit(0);
  await sleep(40);
  assert.equal(s.info.running, false);
  assert.equal(s.info.exitCode, 0);
  assert.match(c.text(), /press Enter to restart/);
  s.input('x');
  assert.equal(h.ptys.length, 1);
  s.input('\r');
  await sleep(10);
  assert.equal(h.ptys.length, 2);
  assert.equal(s.info.running, true);
  await h.manager.dispose();
});
