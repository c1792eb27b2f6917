// The preload: exposes `window.kubelab` (KubelabBridge) through contextBridge — named functions
// only, never ipcRenderer itself. Runs sandboxed, so it is bundled as CommonJS with nothing but
// `electron` required. Model: electron/fiddle src/preload/preload.ts.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC, MENU_COMMANDS, type KubelabBridge, type MenuCommand } from './ipc-contract';

const bridge: KubelabBridge = {
  isElectron: true,
  appInfo: () => ipcRenderer.invoke(IPC.appInfo),
  readClipboard: () => ipcRenderer.invoke(IPC.clipboardRead),
  writeClipboard: (text) => ipcRenderer.invoke(IPC.clipboardWrite, String(text)),
  openExternal: (url) => ipcRenderer.invoke(IPC.openExternal, String(url)),
  setLanguage: (lang) => ipcRenderer.invoke(IPC.setLanguage, lang),
  onMenuCommand(listener) {
    const wrapped = (_e: IpcRendererEvent, cmd: unknown) => {
      if ((MENU_COMMANDS as readonly string[]).includes(cmd as string)) listener(cmd as MenuCommand);
    };
    ipcRenderer.on(IPC.menuCommand, wrapped);
    return () => {
      ipcRenderer.removeListener(IPC.menuCommand, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('kubelab', bridge);
