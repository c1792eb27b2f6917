// Renderer entry: settings, i18n, then the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { defaultLanguage, initI18n } from './i18n/i18n';
import { SettingsStore } from './settings/settings';
import './styles.css';

const store = new SettingsStore(localStorage, {
  language: defaultLanguage(navigator.languages),
  theme: 'system',
  fontSize: 14,
  labsOpen: false,
  showSystemPods: false,
  terminalWidth: 0.5,
});

await initI18n(store.get().language);
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App store={store} />
  </StrictMode>,
);
