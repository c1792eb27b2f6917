// The Electron boundary, in one place: channel names, payloads, and the API the preload exposes
// as `window.kubelab`. Imports nothing, so the renderer can `import type` it.
// Model: electron/fiddle src/ipc-events.ts.

export const IPC = {
  appInfo: 'kubelab:app-info',
  clipboardRead: 'kubelab:clipboard-read',
  clipboardWrite: 'kubelab:clipboard-write',
  openExternal: 'kubelab:open-external',
  setLanguage: 'kubelab:set-language',
  /** main → renderer: a menu item or accelerator was used. */
  menuCommand: 'kubelab:menu-command',
} as const;

export type IpcChannel = (typeof IPC)[keyof typeof IPC];

export type UiLanguage = 'en' | 'zh-CN';

export const MENU_COMMANDS = ['new-tab', 'close-tab', 'find', 'zoom-in', 'zoom-out', 'zoom-reset', 'settings', 'toggle-labs'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export interface AppInfo {
  version: string;
  platform: string;
  electron: string;
}

/** Request/response payloads of the invoke channels. */
export interface IpcInvoke {
  [IPC.appInfo]: { args: []; result: AppInfo };
  [IPC.clipboardRead]: { args: []; result: string };
  [IPC.clipboardWrite]: { args: [text: string]; result: void };
  [IPC.openExternal]: { args: [url: string]; result: boolean };
  [IPC.setLanguage]: { args: [lang: UiLanguage]; result: void };
}

/** What the preload exposes on `window.kubelab`: named functions only, never ipcRenderer. */
export interface KubelabBridge {
  readonly isElectron: true;
  appInfo(): Promise<AppInfo>;
  readClipboard(): Promise<string>;
  writeClipboard(text: string): Promise<void>;
  /** http(s) links only, opened in the user's browser. */
  openExternal(url: string): Promise<boolean>;
  /** Relabels the app menu in the UI language. */
  setLanguage(lang: UiLanguage): Promise<void>;
  /** Returns the unsubscribe. */
  onMenuCommand(listener: (cmd: MenuCommand) => void): () => void;
}
