// The main-process side of the preload's API: one handler per channel in ipc-contract.ts, each
// checking that the call comes from our window's main frame on the host's origin.
import { clipboard, ipcMain, shell, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { IPC, type AppInfo, type UiLanguage } from './ipc-contract';
import { isExternalLink } from './url-policy';

export interface IpcDeps {
  window(): BrowserWindow | undefined;
  hostOrigin(): string;
  appInfo(): AppInfo;
  setLanguage(lang: UiLanguage): void;
}

function trusted(event: IpcMainInvokeEvent, deps: IpcDeps): boolean {
  const win = deps.window();
  const frame = event.senderFrame;
  if (!win || event.sender !== win.webContents || !frame || frame !== win.webContents.mainFrame) return false;
  try {
    return new URL(frame.url).origin === deps.hostOrigin();
  } catch {
    return false;
  }
}

/** Registers the handlers; returns the cleanup. */
export function registerIpc(deps: IpcDeps): () => void {
  const handle = <A extends unknown[], R>(channel: string, fn: (...args: A) => R) => {
    ipcMain.handle(channel, (event, ...args) => {
      if (!trusted(event, deps)) throw new Error('untrusted sender');
      return fn(...(args as A));
    });
  };
  handle(IPC.appInfo, () => deps.appInfo());
  handle(IPC.clipboardRead, () => clipboard.readText());
  handle(IPC.clipboardWrite, (text: unknown) => {
    if (typeof text === 'string' && text.length <= 10_000_000) clipboard.writeText(text);
  });
  handle(IPC.openExternal, async (url: unknown) => {
    if (typeof url !== 'string' || !isExternalLink(url)) return false;
    await shell.openExternal(url);
    return true;
  });
  handle(IPC.setLanguage, (lang: unknown) => {
    if (lang === 'en' || lang === 'zh-CN') deps.setLanguage(lang);
  });
  return () => {
    for (const channel of [IPC.appInfo, IPC.clipboardRead, IPC.clipboardWrite, IPC.openExternal, IPC.setLanguage]) ipcMain.removeHandler(channel);
  };
}
