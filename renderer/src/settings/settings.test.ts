import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SettingsStore, parseSettings, type Settings } from './settings';

const defaults: Settings = { language: 'en', theme: 'system', fontSize: 14, labsOpen: false, showSystemPods: false, terminalWidth: 0.5 };

test('bad or missing stored values fall back to the defaults', () => {
  assert.deepEqual(parseSettings(null, defaults), defaults);
  assert.deepEqual(parseSettings('{not json', defaults), defaults);
  assert.deepEqual(parseSettings(JSON.stringify({ language: 'fr', theme: 'neon', fontSize: 99, terminalWidth: 2 }), defaults), { ...defaults, fontSize: 28 });
});

test('set persists, clamps the font size and notifies subscribers until unsubscribed', () => {
  const mem = new Map<string, string>();
  const store = new SettingsStore({ getItem: (k) => mem.get(k) ?? null, setItem: (k, v) => void mem.set(k, v) }, defaults);
  const seen: Settings[] = [];
  const off = store.subscribe((s) => seen.push(s));
  store.set({ language: 'zh-CN', fontSize: 3 });
  assert.equal(store.get().fontSize, 9);
  assert.equal(JSON.parse(mem.get('kubelab.settings')!).language, 'zh-CN');
  off();
  store.set({ theme: 'dark' });
  assert.equal(seen.length, 1);
  const again = new SettingsStore({ getItem: (k) => mem.get(k) ?? null, setItem: () => {} }, defaults);
  assert.equal(again.get().theme, 'dark');
});
