// What differs between the Electron window and a plain browser tab: clipboard access, opening
// links, and menu commands. In Electron these go through the preload bridge (window.kubelab).
import type { KubelabBridge, MenuCommand, UiLanguage } from '../../main/ipc-contract';

declare global {
  interface Window {
    kubelab?: KubelabBridge;
  }
}

const bridge = (): KubelabBridge | undefined => window.kubelab;

export const platform = {
  isElectron: () => bridge()?.isElectron === true,
  isMac: () => /Mac|iPhone|iPad/.test(navigator.platform),
  async readClipboard(): Promise<string> {
    const b = bridge();
    if (b) return b.readClipboard();
    return navigator.clipboard.readText();
  },
  async writeClipboard(text: string): Promise<void> {
    const b = bridge();
    if (b) return b.writeClipboard(text);
    return navigator.clipboard.writeText(text);
  },
  openExternal(url: string): void {
    if (!/^https?:\/\//i.test(url)) return;
    const b = bridge();
    if (b) void b.openExternal(url);
    else window.open(url, '_blank', 'noopener,noreferrer');
  },
  setLanguage(lang: UiLanguage): void {
    void bridge()?.setLanguage(lang);
  },
  onMenuCommand(listener: (cmd: MenuCommand) => void): () => void {
    return bridge()?.onMenuCommand(listener) ?? (() => {});
  },
};
