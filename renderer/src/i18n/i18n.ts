// i18next set up once for the renderer: zh-CN and en, bundled (the app is offline).
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { zhCN } from './zh-CN';
import { labPanelStrings } from '../../labs/lab-strings';

export type Language = 'en' | 'zh-CN';
export const LANGUAGES: Array<{ code: Language; label: string }> = [
  { code: 'zh-CN', label: '简体中文' },
  { code: 'en', label: 'English' },
];

export function defaultLanguage(browserLanguages: readonly string[]): Language {
  return browserLanguages.some((l) => l.toLowerCase().startsWith('zh')) ? 'zh-CN' : 'en';
}

export async function initI18n(lng: Language): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    lng,
    fallbackLng: 'en',
    resources: { en: { translation: { ...en, labPanel: labPanelStrings.en } }, 'zh-CN': { translation: { ...zhCN, labPanel: labPanelStrings['zh-CN'] } } },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = lng;
  i18next.on('languageChanged', (l) => (document.documentElement.lang = l));
  return i18next;
}
