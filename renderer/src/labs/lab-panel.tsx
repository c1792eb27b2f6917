// The slot where the guided labs go (they arrive with the labs issue): a collapsible side panel.
import { useTranslation } from 'react-i18next';

export function LabPanel({ open, onToggle }: { open: boolean; onToggle(): void }) {
  const { t } = useTranslation();
  if (!open) {
    return (
      <aside className="lab-rail" data-testid="lab-panel" data-open="false">
        <button className="rail-button" onClick={onToggle} title={t('labs.show')}>
          {t('labs.title')}
        </button>
      </aside>
    );
  }
  return (
    <aside className="lab-panel" data-testid="lab-panel" data-open="true">
      <header>
        <h2>{t('labs.title')}</h2>
        <button onClick={onToggle} title={t('labs.hide')} aria-label={t('labs.hide')}>
          ‹
        </button>
      </header>
      <p className="muted">{t('labs.empty')}</p>
    </aside>
  );
}
