// User settings kept in the page's localStorage (the origin is per host port, so they live with
// the app data in Electron and per browser profile otherwise). A tiny store: get, set, subscribe.
import type { Language } from '../i18n/i18n';

export type Theme = 'system' | 'light' | 'dark';

export interface Settings {
  language: Language;
  theme: Theme;
  fontSize: number;
  labsOpen: boolean;
  showSystemPods: boolean;
  /** Share of the width the terminal takes next to the cluster view. */
  terminalWidth: number;
}

export const FONT_MIN = 9;
export const FONT_MAX = 28;
const KEY = 'kubelab.settings';

export function clampFont(n: number): number {
  return Math.min(FONT_MAX, Math.max(FONT_MIN, Math.round(n)));
}

export function parseSettings(raw: string | null, defaults: Settings): Settings {
  let v: Partial<Settings> = {};
  try {
    v = raw ? (JSON.parse(raw) as Partial<Settings>) : {};
  } catch {
    v = {};
  }
  return {
    language: v.language === 'en' || v.language === 'zh-CN' ? v.language : defaults.language,
    theme: v.theme === 'light' || v.theme === 'dark' || v.theme === 'system' ? v.theme : defaults.theme,
    fontSize: typeof v.fontSize === 'number' ? clampFont(v.fontSize) : defaults.fontSize,
    labsOpen: typeof v.labsOpen === 'boolean' ? v.labsOpen : defaults.labsOpen,
    showSystemPods: typeof v.showSystemPods === 'boolean' ? v.showSystemPods : defaults.showSystemPods,
    terminalWidth: typeof v.terminalWidth === 'number' && v.terminalWidth > 0.2 && v.terminalWidth < 0.8 ? v.terminalWidth : defaults.terminalWidth,
  };
}

export class SettingsStore {
  private value: Settings;
  private listeners = new Set<(s: Settings) => void>();

  constructor(
    private readonly storage: Pick<Storage, 'getItem' | 'setItem'>,
    defaults: Settings,
  ) {
    this.value = parseSettings(storage.getItem(KEY), defaults);
  }

  get(): Settings {
    return this.value;
  }

  set(patch: Partial<Settings>): void {
    this.value = { ...this.value, ...patch, ...(patch.fontSize !== undefined ? { fontSize: clampFont(patch.fontSize) } : {}) };
    try {
      this.storage.setItem(KEY, JSON.stringify(this.value));
    } catch {
      // storage full or disabled: the setting still applies for this page
    }
    for (const l of this.listeners) l(this.value);
  }

  subscribe(listener: (s: Settings) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
