import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseWindowState, restoreBounds } from './window-bounds';

const primary = { x: 0, y: 0, width: 1920, height: 1040 };

test('first run: default size, centred', () => {
  assert.deepEqual(restoreBounds(undefined, [primary], primary), { x: 280, y: 90, width: 1360, height: 860, maximized: false });
});

test('saved bounds on a connected screen are kept', () => {
  const saved = { x: 100, y: 50, width: 1000, height: 700, maximized: true };
  assert.deepEqual(restoreBounds(saved, [primary], primary), saved);
});

test('bounds on a screen that is gone are moved back, keeping the size', () => {
  const saved = { x: 2500, y: 100, width: 1000, height: 700, maximized: false };
  assert.deepEqual(restoreBounds(saved, [primary], primary), { x: 460, y: 170, width: 1000, height: 700, maximized: false });
});

test('corrupt state files are ignored', () => {
  assert.equal(parseWindowState('{"x":1}'), undefined);
  assert.equal(parseWindowState('nope'), undefined);
  assert.deepEqual(parseWindowState('{"x":1,"y":2,"width":3,"height":4}'), { x: 1, y: 2, width: 3, height: 4, maximized: false });
});
