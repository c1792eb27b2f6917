// The application menu as data, in the UI language. Commands that belong to the page (new tab,
// find, terminal zoom, settings) are sent to the renderer; the rest are Electron roles.
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand, UiLanguage } from './ipc-contract';

const LABELS = {
  en: { file: 'File', newTab: 'New Terminal', closeTab: 'Close Terminal', settings: 'Settings…', quit: 'Quit', edit: 'Edit', view: 'View', find: 'Find in Terminal', zoomIn: 'Larger Text', zoomOut: 'Smaller Text', zoomReset: 'Actual Size', labs: 'Show/Hide Labs', reload: 'Reload', devtools: 'Developer Tools', fullscreen: 'Full Screen', window: 'Window', help: 'Help', about: 'About Kubelab' },
  'zh-CN': { file: '文件', newTab: '新建终端', closeTab: '关闭终端', settings: '设置…', quit: '退出', edit: '编辑', view: '视图', find: '在终端中查找', zoomIn: '放大文字', zoomOut: '缩小文字', zoomReset: '实际大小', labs: '显示/隐藏实验', reload: '重新加载', devtools: '开发者工具', fullscreen: '全屏', window: '窗口', help: '帮助', about: '关于 Kubelab' },
} as const;

export function menuTemplate(lang: UiLanguage, opts: { isMac: boolean; isPackaged: boolean; send(cmd: MenuCommand): void; about(): void }): MenuItemConstructorOptions[] {
  const l = LABELS[lang];
  const cmd = (label: string, command: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({ label, accelerator, click: () => opts.send(command) });
  return [
    ...(opts.isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: l.file,
      submenu: [
        cmd(l.newTab, 'new-tab', 'CmdOrCtrl+Shift+T'),
        cmd(l.closeTab, 'close-tab', 'CmdOrCtrl+Shift+W'),
        { type: 'separator' },
        cmd(l.settings, 'settings', 'CmdOrCtrl+,'),
        ...(opts.isMac ? [] : [{ type: 'separator' as const }, { label: l.quit, role: 'quit' as const }]),
      ],
    },
    {
      label: l.edit,
      // Roles act on the focused element: xterm's textarea handles copy and paste.
      submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
    },
    {
      label: l.view,
      submenu: [
        cmd(l.find, 'find', 'CmdOrCtrl+Shift+F'),
        { type: 'separator' },
        cmd(l.zoomIn, 'zoom-in', 'CmdOrCtrl+='),
        cmd(l.zoomOut, 'zoom-out', 'CmdOrCtrl+-'),
        cmd(l.zoomReset, 'zoom-reset', 'CmdOrCtrl+0'),
        { type: 'separator' },
        cmd(l.labs, 'toggle-labs', 'CmdOrCtrl+L'),
        { type: 'separator' },
        { label: l.reload, role: 'reload' },
        ...(opts.isPackaged ? [] : [{ label: l.devtools, role: 'toggleDevTools' as const }]),
        { label: l.fullscreen, role: 'togglefullscreen' },
      ],
    },
    { label: l.window, role: 'windowMenu' },
    { label: l.help, role: 'help', submenu: [{ label: l.about, click: opts.about }] },
  ];
}
