// The one app window: webPreferences written out in full, remembered size and position, and the
// security policy (no navigation away, no new windows, no permissions, no remote content, CSP).
// Model: electron/fiddle src/main/windows.ts.
import { BrowserWindow, screen, session, shell } from 'electron';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isAllowedNavigation, isAllowedRequest, isExternalLink } from './url-policy';
import { parseWindowState, restoreBounds, type WindowState } from './window-bounds';

export interface WindowOptions {
  host: { url: string; origin: string };
  preload: string;
  stateFile: string;
  title: string;
}

/** Session-wide rules, set once before the window loads anything. */
export function secureSession(hostOrigin: string): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url, hostOrigin) }));
  // The host already sends a CSP with the page; this keeps one on every response whatever happens.
  ses.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...details.responseHeaders };
    if (details.resourceType === 'mainFrame' && !Object.keys(headers).some((k) => k.toLowerCase() === 'content-security-policy')) {
      headers['Content-Security-Policy'] = ["default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'"];
    }
    callback({ responseHeaders: headers });
  });
}

function loadState(file: string): WindowState | undefined {
  try {
    return parseWindowState(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

export function createMainWindow(opts: WindowOptions): BrowserWindow {
  const displays = screen.getAllDisplays().map((d) => d.workArea);
  const bounds = restoreBounds(loadState(opts.stateFile), displays, screen.getPrimaryDisplay().workArea);
  const win = new BrowserWindow({
    ...bounds,
    minWidth: 800,
    minHeight: 500,
    title: opts.title,
    show: false,
    backgroundColor: '#f4f5f7',
    autoHideMenuBar: false,
    webPreferences: {
      preload: opts.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      disableDialogs: false,
      enableWebSQL: false,
      experimentalFeatures: false,
    },
  });
  if (bounds.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());

  const wc = win.webContents;
  wc.on('will-navigate', (e, url) => {
    if (!isAllowedNavigation(url, opts.host.origin)) e.preventDefault();
  });
  wc.on('will-redirect', (e, url) => {
    if (!isAllowedNavigation(url, opts.host.origin)) e.preventDefault();
  });
  wc.on('will-attach-webview', (e) => e.preventDefault());
  wc.setWindowOpenHandler(({ url }) => {
    if (isExternalLink(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });

  // Remember where the window was, when it closes (and not on every pixel of a drag).
  win.on('close', () => {
    const b = win.getNormalBounds();
    const state: WindowState = { ...b, maximized: win.isMaximized() };
    try {
      writeFileSync(opts.stateFile, JSON.stringify(state));
    } catch {
      // a read-only profile: the next start uses the default size
    }
  });

  void win.loadURL(opts.host.url);
  return win;
}

export function windowStateFile(userData: string): string {
  return join(userData, 'window-state.json');
}
