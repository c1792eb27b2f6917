// The tab strip: one tab per host session, and the "+" menu to open a node shell or a host terminal.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo, SessionProfile } from '../host-api';

export function tabTitle(s: SessionInfo, t: (k: string, o?: Record<string, unknown>) => string): string {
  return s.profile.kind === 'host' ? t('tabs.host') : s.profile.node;
}

export function TerminalTabs(props: {
  sessions: SessionInfo[];
  activeId: string | undefined;
  nodeNames: string[];
  onSelect(id: string): void;
  onClose(id: string): void;
  onNew(profile: SessionProfile): void;
}) {
  const { t } = useTranslation();
  const [menuOpen, setMenuOpen] = useState(false);
  const menuRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!menuOpen) return;
    const close = (e: MouseEvent) => {
      if (!menuRef.current?.contains(e.target as Node)) setMenuOpen(false);
    };
    window.addEventListener('mousedown', close);
    return () => window.removeEventListener('mousedown', close);
  }, [menuOpen]);
  const pick = (profile: SessionProfile) => {
    setMenuOpen(false);
    props.onNew(profile);
  };
  return (
    <div className="tabs" role="tablist" data-testid="tabs">
      {props.sessions.map((s) => (
        <div
          key={s.id}
          role="tab"
          aria-selected={s.id === props.activeId}
          className={`tab${s.id === props.activeId ? ' active' : ''}${s.running ? '' : ' exited'}`}
          data-testid="tab"
          data-session={s.id}
          data-title={s.profile.kind === 'host' ? 'host' : s.profile.node}
          onClick={() => props.onSelect(s.id)}
          onAuxClick={(e) => e.button === 1 && props.onClose(s.id)}
          title={s.profile.kind === 'host' ? t('tabs.hostHint') : t('tabs.node', { node: s.profile.node })}
        >
          <span className={`tab-icon ${s.profile.kind}`} aria-hidden>
            {s.profile.kind === 'host' ? '⌂' : '❯'}
          </span>
          <span className="tab-title">{tabTitle(s, t)}</span>
          {!s.running && <span className="muted small">{t('tabs.exited', { code: s.exitCode ?? '?' })}</span>}
          <button
            className="tab-close"
            aria-label={t('tabs.close')}
            title={t('tabs.close')}
            onClick={(e) => {
              e.stopPropagation();
              props.onClose(s.id);
            }}
          >
            ×
          </button>
        </div>
      ))}
      <div className="new-tab" ref={menuRef}>
        <button className="icon" data-testid="new-tab-button" aria-haspopup="menu" aria-expanded={menuOpen} title={t('tabs.newTab')} onClick={() => setMenuOpen((v) => !v)}>
          +
        </button>
        {menuOpen && (
          <div className="menu" role="menu">
            {props.nodeNames.map((n) => (
              <button key={n} role="menuitem" data-testid={`new-tab-${n}`} onClick={() => pick({ kind: 'node', node: n })}>
                ❯ {t('tabs.node', { node: n })}
              </button>
            ))}
            <hr />
            <button role="menuitem" data-testid="new-tab-host" onClick={() => pick({ kind: 'host' })} title={t('tabs.hostHint')}>
              ⌂ {t('tabs.host')}
            </button>
          </div>
        )}
      </div>
    </div>
  );
}
