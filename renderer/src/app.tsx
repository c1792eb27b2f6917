// The window: labs slot | terminal tabs | cluster view, a status bar, settings. Holds the UI
// state that spans panes (sessions, active tab, settings) and nothing else.
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ClusterView } from './cluster/cluster-view';
import { podSummary } from './cluster/pod-status';
import { useInformer } from './cluster/use-informer';
import { hostApi, type SessionInfo, type SessionProfile } from './host-api';
import type { Language } from './i18n/i18n';
import { LabPanel } from '../labs';
import { platform } from './platform';
import { SettingsDialog } from './settings/settings-dialog';
import type { Settings, SettingsStore } from './settings/settings';
import { StatusBar } from './status/status-bar';
import { useEngineStatus } from './status/use-engine-status';
import { TerminalTabs } from './terminal/terminal-tabs';
import { PASTE_EVENT, TerminalView } from './terminal/terminal-view';

const FALLBACK_NODES = ['master', 'node1', 'node2'];
const ACTIVE_KEY = 'kubelab.activeTab';
const DEFAULT_FONT = 14;

function useSettings(store: SettingsStore): [Settings, (patch: Partial<Settings>) => void] {
  const [s, setS] = useState(store.get());
  useEffect(() => store.subscribe(setS), [store]);
  return [s, useCallback((patch: Partial<Settings>) => store.set(patch), [store])];
}

function useSystemDark(): boolean {
  const [dark, setDark] = useState(() => matchMedia('(prefers-color-scheme: dark)').matches);
  useEffect(() => {
    const mq = matchMedia('(prefers-color-scheme: dark)');
    const on = () => setDark(mq.matches);
    mq.addEventListener('change', on);
    return () => mq.removeEventListener('change', on);
  }, []);
  return dark;
}

export function App({ store }: { store: SettingsStore }) {
  const { t, i18n } = useTranslation();
  const [settings, update] = useSettings(store);
  const systemDark = useSystemDark();
  const theme: 'light' | 'dark' = settings.theme === 'system' ? (systemDark ? 'dark' : 'light') : settings.theme;
  const [sessions, setSessions] = useState<SessionInfo[]>([]);
  const [activeId, setActiveId] = useState<string | undefined>(() => sessionStorage.getItem(ACTIVE_KEY) ?? undefined);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [findOpen, setFindOpen] = useState(false);
  const { status, hostReachable } = useEngineStatus();
  const nodes = useInformer<Node>('/api/v1/nodes');
  const pods = useInformer<Pod>('/api/v1/pods');
  const mainRef = useRef<HTMLDivElement>(null);

  const nodeNames = useMemo(() => {
    const names = nodes.items.map((n) => n.metadata?.name ?? '').filter(Boolean);
    const cp = (n: Node) => n.metadata?.labels?.['node-role.kubernetes.io/control-plane'] !== undefined;
    names.sort((a, b) => {
      const na = nodes.items.find((n) => n.metadata?.name === a)!;
      const nb = nodes.items.find((n) => n.metadata?.name === b)!;
      return Number(cp(nb)) - Number(cp(na)) || a.localeCompare(b);
    });
    return names.length ? names : FALLBACK_NODES;
  }, [nodes.items]);

  // Theme and language apply to the whole document.
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  useEffect(() => {
    if (i18n.language !== settings.language) void i18n.changeLanguage(settings.language);
    platform.setLanguage(settings.language);
  }, [settings.language, i18n]);
  useEffect(() => {
    document.title = t('app.title');
  }, [t, settings.language]);
  useEffect(() => {
    if (activeId) sessionStorage.setItem(ACTIVE_KEY, activeId);
  }, [activeId]);

  const openSession = useCallback(async (profile: SessionProfile) => {
    const info = await hostApi.createSession({ profile, cols: 100, rows: 30 });
    setSessions((prev) => [...prev, info]);
    setActiveId(info.id);
  }, []);

  // On load: re-attach the host's sessions (a reload keeps them), or open the master shell.
  const loaded = useRef(false);
  useEffect(() => {
    if (loaded.current) return;
    loaded.current = true;
    void hostApi.sessions().then((list) => {
      if (list.length === 0) return openSession({ kind: 'node', node: 'master' });
      setSessions(list);
      setActiveId((cur) => (cur && list.some((s) => s.id === cur) ? cur : list[0].id));
    });
  }, [openSession]);

  const closeSession = useCallback(async (id: string) => {
    await hostApi.closeSession(id);
    setSessions((prev) => {
      const next = prev.filter((s) => s.id !== id);
      setActiveId((cur) => (cur === id ? next[next.length - 1]?.id : cur));
      return next;
    });
  }, []);

  // A socket that cannot connect may mean the session is gone (host restarted): resync.
  const resync = useCallback(async () => {
    try {
      const list = await hostApi.sessions();
      setSessions((prev) => prev.filter((s) => list.some((l) => l.id === s.id)));
    } catch {
      // host unreachable: the status bar says so; the sockets keep retrying
    }
  }, []);

  const onInfo = useCallback((info: SessionInfo) => setSessions((prev) => prev.map((s) => (s.id === info.id ? info : s))), []);
  const zoom = useCallback((delta: number) => update({ fontSize: delta === 0 ? DEFAULT_FONT : store.get().fontSize + delta }), [update, store]);

  useEffect(
    () =>
      platform.onMenuCommand((cmd) => {
        if (cmd === 'new-tab') void openSession({ kind: 'node', node: nodeNames[0] });
        else if (cmd === 'close-tab' && activeId) void closeSession(activeId);
        else if (cmd === 'find') setFindOpen(true);
        else if (cmd === 'zoom-in') zoom(1);
        else if (cmd === 'zoom-out') zoom(-1);
        else if (cmd === 'zoom-reset') zoom(0);
        else if (cmd === 'settings') setSettingsOpen(true);
        else if (cmd === 'toggle-labs') update({ labsOpen: !store.get().labsOpen });
      }),
    [openSession, closeSession, activeId, nodeNames, zoom, update, store],
  );

  const startDrag = (e: React.PointerEvent) => {
    const main = mainRef.current;
    if (!main) return;
    const rect = main.getBoundingClientRect();
    const move = (ev: PointerEvent) => update({ terminalWidth: Math.min(0.79, Math.max(0.21, (ev.clientX - rect.left) / rect.width)) });
    const up = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
    e.preventDefault();
  };

  const podsRunning = pods.items.filter((p) => podSummary(p).status === 'Running').length;
  const otherLanguage: Language = settings.language === 'zh-CN' ? 'en' : 'zh-CN';

  return (
    <div className="app" data-testid="app">
      <header className="app-header">
        <div className="brand">
          <span className="logo" aria-hidden>
            ⎈
          </span>
          <strong>{t('app.title')}</strong>
          <span className="muted small">{t('app.subtitle')}</span>
        </div>
        <TerminalTabs sessions={sessions} activeId={activeId} nodeNames={nodeNames} onSelect={setActiveId} onClose={(id) => void closeSession(id)} onNew={(p) => void openSession(p)} />
        <div className="header-actions">
          <button className="icon" title={t('terminal.zoomOut')} onClick={() => zoom(-1)}>
            A−
          </button>
          <button className="icon" title={t('terminal.zoomIn')} onClick={() => zoom(1)}>
            A+
          </button>
          <button data-testid="language-toggle" onClick={() => update({ language: otherLanguage })} title={t('settings.language')}>
            {otherLanguage === 'zh-CN' ? '中文' : 'EN'}
          </button>
          <button data-testid="settings-button" onClick={() => setSettingsOpen(true)}>
            {t('settings.title')}
          </button>
        </div>
      </header>
      <div className="app-body">
        <LabPanel open={settings.labsOpen} onToggle={() => update({ labsOpen: !settings.labsOpen })} onPaste={(text) => window.dispatchEvent(new CustomEvent(PASTE_EVENT, { detail: text }))} />
        <main className="workspace" ref={mainRef}>
          <section className="terminal-pane" style={{ flexBasis: `${settings.terminalWidth * 100}%` }}>
            {sessions.length === 0 && <p className="muted centered">{t('terminal.empty')}</p>}
            {sessions.map((s) => (
              <TerminalView
                key={s.id}
                session={s}
                active={s.id === activeId}
                fontSize={settings.fontSize}
                theme={theme}
                onInfo={onInfo}
                onConnectFailed={() => void resync()}
                onZoom={zoom}
                findOpen={findOpen}
                onFindOpen={setFindOpen}
              />
            ))}
          </section>
          <div className="splitter" role="separator" aria-orientation="vertical" onPointerDown={startDrag} />
          <section className="cluster-pane">
            <ClusterView nodes={nodes} showSystem={settings.showSystemPods} onShowSystem={(v) => update({ showSystemPods: v })} />
          </section>
        </main>
      </div>
      <StatusBar status={status} hostReachable={hostReachable} podsRunning={podsRunning} podsTotal={pods.items.length} />
      {settingsOpen && <SettingsDialog settings={settings} onChange={update} onClose={() => setSettingsOpen(false)} />}
    </div>
  );
}
