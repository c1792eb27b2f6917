import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MenuItemConstructorOptions } from 'electron';
import { MENU_COMMANDS, type MenuCommand } from './ipc-contract';
import { menuTemplate } from './menu-template';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);
}

test('every page command is reachable from the menu, in both languages', () => {
  for (const lang of ['en', 'zh-CN'] as const) {
    const sent: MenuCommand[] = [];
    const items = flatten(menuTemplate(lang, { isMac: false, isPackaged: true, send: (c) => sent.push(c), about: () => {} }));
    for (const i of items) if (i.click && i.label !== (lang === 'en' ? 'About Kubelab' : '关于 Kubelab')) (i.click as () => void)();
    assert.deepEqual([...sent].sort(), [...MENU_COMMANDS].sort());
    assert.ok(!items.some((i) => i.role === 'toggleDevTools'), 'no devtools in a packaged app');
  }
  const zh = menuTemplate('zh-CN', { isMac: true, isPackaged: false, send: () => {}, about: () => {} });
  assert.equal(zh[0].role, 'appMenu');
  assert.equal(zh[1].label, '文件');
});
