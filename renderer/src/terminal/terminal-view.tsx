// One terminal tab: an xterm.js instance with its addons (fit, web links, search, unicode 11,
// WebGL where the GPU allows), attached to a host session. Stays mounted while hidden so its
// state survives tab switches; the effect's cleanup disposes everything it created.
import { FitAddon } from '@xterm/addon-fit';
import { SearchAddon } from '@xterm/addon-search';
import { Unicode11Addon } from '@xterm/addon-unicode11';
import { WebLinksAddon } from '@xterm/addon-web-links';
import { WebglAddon } from '@xterm/addon-webgl';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef, useState } from 'react';

/** Window event carrying text to paste into the active terminal (from the lab panel). */
export const PASTE_EVENT = 'kubelab:paste';
import { useTranslation } from 'react-i18next';
import { hostApi, type SessionInfo } from '../host-api';
import { platform } from '../platform';
import { AttachAddon, type ConnectionState } from './attach-addon';
import { terminalRegistry } from './terminal-registry';
import { TERMINAL_THEMES } from './terminal-themes';

export interface TerminalViewProps {
  session: SessionInfo;
  active: boolean;
  fontSize: number;
  theme: 'light' | 'dark';
  onInfo(info: SessionInfo): void;
  onConnectFailed(id: string): void;
  onZoom(delta: number): void;
  findOpen: boolean;
  onFindOpen(open: boolean): void;
}

const FONT_FAMILY = '"Cascadia Mono", "JetBrains Mono", "DejaVu Sans Mono", "Noto Sans Mono CJK SC", Menlo, Consolas, monospace';

export function TerminalView(props: TerminalViewProps) {
  const { t } = useTranslation();
  const host = useRef<HTMLDivElement>(null);
  const termRef = useRef<Terminal | null>(null);
  const fitRef = useRef<FitAddon | null>(null);
  const searchRef = useRef<SearchAddon | null>(null);
  const [conn, setConn] = useState<ConnectionState>('connecting');
  const [query, setQuery] = useState('');
  // Latest callbacks without re-creating the terminal.
  const cb = useRef(props);
  cb.current = props;

  useEffect(() => {
    const el = host.current!;
    const term = new Terminal({
      fontFamily: FONT_FAMILY,
      fontSize: props.fontSize,
      theme: TERMINAL_THEMES[props.theme],
      scrollback: 10_000,
      cursorBlink: true,
      allowProposedApi: true,
      macOptionIsMeta: true,
      rightClickSelectsWord: false,
    });
    const fit = new FitAddon();
    const search = new SearchAddon();
    term.loadAddon(fit);
    term.loadAddon(search);
    term.loadAddon(new WebLinksAddon((_e, uri) => platform.openExternal(uri)));
    term.loadAddon(new Unicode11Addon());
    term.unicode.activeVersion = '11';
    term.open(el);
    try {
      const webgl = new WebglAddon();
      webgl.onContextLoss(() => webgl.dispose());
      term.loadAddon(webgl);
    } catch {
      // No WebGL (headless, old GPU): the DOM renderer is used.
    }
    const mod = (e: KeyboardEvent) => (platform.isMac() ? e.metaKey : e.ctrlKey);
    term.attachCustomKeyEventHandler((e) => {
      if (e.type !== 'keydown') return true;
      const key = e.key.toLowerCase();
      const shiftCombo = platform.isMac() ? e.metaKey : e.ctrlKey && e.shiftKey;
      if (shiftCombo && key === 'c' && term.hasSelection()) {
        void platform.writeClipboard(term.getSelection());
        e.preventDefault();
        return false;
      }
      if (shiftCombo && key === 'v') {
        void platform.readClipboard().then((text) => text && term.paste(text));
        e.preventDefault();
        return false;
      }
      if (shiftCombo && key === 'f') {
        cb.current.onFindOpen(true);
        e.preventDefault();
        return false;
      }
      if (mod(e) && !e.shiftKey && (key === '=' || key === '+' || key === '-' || key === '0')) {
        cb.current.onZoom(key === '0' ? 0 : key === '-' ? -1 : 1);
        e.preventDefault();
        return false;
      }
      return true;
    });
    const attach = new AttachAddon(hostApi.terminalSocketUrl(props.session.id), {
      onState: setConn,
      onInfo: (info) => cb.current.onInfo(info),
      onConnectFailed: () => cb.current.onConnectFailed(props.session.id),
    });
    term.loadAddon(attach);
    termRef.current = term;
    fitRef.current = fit;
    searchRef.current = search;
    const unregister = terminalRegistry.add(props.session.id, term);
    const observer = new ResizeObserver(() => {
      if (el.offsetParent !== null) fit.fit();
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      unregister();
      term.dispose();
      termRef.current = null;
    };
    // The terminal lives as long as its session; options are updated by the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.session.id]);

  useEffect(() => {
    const term = termRef.current;
    if (!term) return;
    term.options.fontSize = props.fontSize;
    term.options.theme = TERMINAL_THEMES[props.theme];
    if (props.active) fitRef.current?.fit();
  }, [props.fontSize, props.theme, props.active]);

  useEffect(() => {
    if (!props.active) return;
    terminalRegistry.setActive(props.session.id);
    fitRef.current?.fit();
    termRef.current?.focus();
  }, [props.active, props.session.id]);

  // Commands clicked in the lab panel are pasted (not run) into the active terminal.
  useEffect(() => {
    if (!props.active) return;
    const onPaste = (e: Event) => {
      const text = (e as CustomEvent<string>).detail;
      if (typeof text !== 'string' || !termRef.current) return;
      termRef.current.paste(text);
      termRef.current.focus();
    };
    window.addEventListener(PASTE_EVENT, onPaste);
    return () => window.removeEventListener(PASTE_EVENT, onPaste);
  }, [props.active]);

  const find = (backwards: boolean) => {
    const s = searchRef.current;
    if (!s || !query) return;
    if (backwards) s.findPrevious(query);
    else s.findNext(query);
  };

  return (
    <div className="terminal-view" style={{ display: props.active ? 'flex' : 'none' }} data-testid="terminal-view" data-session={props.session.id}>
      {props.findOpen && props.active && (
        <div className="find-bar" role="search">
          <input
            autoFocus
            value={query}
            placeholder={t('terminal.findPlaceholder')}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') find(e.shiftKey);
              if (e.key === 'Escape') {
                props.onFindOpen(false);
                searchRef.current?.clearDecorations();
                termRef.current?.focus();
              }
            }}
          />
          <button onClick={() => find(true)} title={t('terminal.previous')}>↑</button>
          <button onClick={() => find(false)} title={t('terminal.next')}>↓</button>
          <button
            onClick={() => {
              props.onFindOpen(false);
              searchRef.current?.clearDecorations();
              termRef.current?.focus();
            }}
            title={t('terminal.close')}
          >
            ×
          </button>
        </div>
      )}
      {conn !== 'open' && conn !== 'closed' && <div className="terminal-banner">{t(conn === 'connecting' ? 'tabs.connecting' : 'tabs.reconnecting')}</div>}
      <div className="terminal-host" ref={host} onContextMenu={(e) => e.preventDefault()} />
    </div>
  );
}
