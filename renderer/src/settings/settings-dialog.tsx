// Settings: language (简体中文 / English), theme, terminal font size.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../i18n/i18n';
import { FONT_MAX, FONT_MIN, type Settings, type Theme } from './settings';

export function SettingsDialog({ settings, onChange, onClose }: { settings: Settings; onChange(patch: Partial<Settings>): void; onClose(): void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current!;
    d.showModal();
    return () => d.close();
  }, []);
  return (
    <dialog ref={ref} className="settings" data-testid="settings" onClose={onClose} onCancel={onClose}>
      <h2>{t('settings.title')}</h2>
      <label>
        <span>{t('settings.language')}</span>
        <select data-testid="language-select" value={settings.language} onChange={(e) => onChange({ language: e.target.value as Language })}>
          {LANGUAGES.map((l) => (
            <option key={l.code} value={l.code}>
              {l.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('settings.theme')}</span>
        <select data-testid="theme-select" value={settings.theme} onChange={(e) => onChange({ theme: e.target.value as Theme })}>
          <option value="system">{t('settings.themeSystem')}</option>
          <option value="light">{t('settings.themeLight')}</option>
          <option value="dark">{t('settings.themeDark')}</option>
        </select>
      </label>
      <label>
        <span>{t('settings.fontSize')}</span>
        <input type="number" min={FONT_MIN} max={FONT_MAX} value={settings.fontSize} onChange={(e) => onChange({ fontSize: Number(e.target.value) })} />
      </label>
      <div className="dialog-actions">
        <button className="primary" onClick={onClose}>
          {t('settings.close')}
        </button>
      </div>
    </dialog>
  );
}
