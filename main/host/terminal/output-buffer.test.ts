import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { OutputBuffer } from './output-buffer';

test('joins a burst into one flush after the delay', async () => {
  const out: string[] = [];
  const buf = new OutputBuffer((d) => out.push(d), { delayMs: 5 });
  buf.push('a');
  buf.push('b');
  buf.push('c');
  assert.deepEqual(out, []);
  await sleep(20);
  assert.deepEqual(out, ['abc']);
  buf.dispose();
});

test('flushes at once after input (the echo), then batches again', async () => {
  let t = 1000;
  const out: string[] = [];
  const buf = new OutputBuffer((d) => out.push(d), { delayMs: 5, now: () => t });
  buf.noteInput();
  t += 1;
  buf.push('k');
  assert.deepEqual(out, ['k'], 'echo is not delayed');
  buf.push('ubectl output');
  assert.deepEqual(out, ['k']);
  await sleep(20);
  assert.deepEqual(out, ['k', 'ubectl output']);
  buf.dispose();
});

test('flushes early above maxChars and on dispose', () => {
  const out: string[] = [];
  const buf = new OutputBuffer((d) => out.push(d), { delayMs: 1000, maxChars: 4 });
  buf.push('ab');
  buf.push('cd');
  assert.deepEqual(out, ['abcd']);
  buf.push('e');
  buf.dispose();
  assert.deepEqual(out, ['abcd', 'e']);
});
