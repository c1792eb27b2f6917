// The Electron main process: one window on the host's UI. Single instance; starts the host
// (which starts the engine), sets the menu, the IPC handlers and the security policy, and stops
// the host when the app quits.
import { app, BrowserWindow, dialog, Menu } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HostProcess, type HostEndpoint } from './host-process';
import { IPC, type UiLanguage } from './ipc-contract';
import { registerIpc } from './ipc';
import { menuTemplate } from './menu-template';
import { createMainWindow, secureSession, windowStateFile } from './window';

const here = fileURLToPath(new URL('.', import.meta.url)); // dist/main/
const appRoot = join(here, '..', '..');
const MAX_HOST_RESTARTS = 3;

function argValue(name: string): string | undefined {
  const prefix = `--${name}=`;
  return process.argv.find((a) => a.startsWith(prefix))?.slice(prefix.length);
}

// Before anything else: a second launch focuses the first window instead.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let win: BrowserWindow | undefined;
  let endpoint: HostEndpoint | undefined;
  let language: UiLanguage = app.getLocale().startsWith('zh') ? 'zh-CN' : 'en';
  let hostRestarts = 0;
  let quitting = false;
  const host = new HostProcess();

  const dataDir = argValue('kubelab-data') ?? process.env.KUBELAB_DATA ?? join(app.getPath('userData'), 'cluster');
  const port = Number(argValue('kubelab-port') ?? 0) || undefined;
  // Packaged: our launchers (kubectl, kubelab) are an extra resource; in development, the repo's bin/.
  const binDir = app.isPackaged ? join(process.resourcesPath, 'bin') : join(appRoot, 'bin');

  const setMenu = () => {
    const send = (cmd: string) => win?.webContents.send(IPC.menuCommand, cmd);
    const about = () =>
      void dialog.showMessageBox({ type: 'info', title: 'Kubelab', message: `Kubelab ${app.getVersion()}`, detail: `Electron ${process.versions.electron} · Node ${process.versions.node}` });
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(language, { isMac: process.platform === 'darwin', isPackaged: app.isPackaged, send, about })));
  };

  const startHost = async (): Promise<HostEndpoint> =>
    host.start({
      entry: join(appRoot, 'dist', 'host.js'),
      dataDir,
      binDir,
      port,
      version: app.getVersion(),
      onExit: (code) => {
        if (quitting) return;
        // The host died under us: start it again (the engine's data is on disk), reload the page.
        if (++hostRestarts > MAX_HOST_RESTARTS) {
          dialog.showErrorBox('Kubelab', `The Kubelab host stopped (code ${code}) and could not be restarted.`);
          app.quit();
          return;
        }
        startHost().then(
          (e) => {
            endpoint = e;
            secureSession(e.origin);
            void win?.loadURL(e.url);
          },
          (err) => dialog.showErrorBox('Kubelab', String(err)),
        );
      },
    });

  app.on('second-instance', () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });

  app.on('web-contents-created', (_e, contents) => {
    // No window but ours, ever (belt and braces for the per-window handlers in window.ts).
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });

  app.whenReady().then(async () => {
    setMenu();
    const unregister = registerIpc({
      window: () => win,
      hostOrigin: () => endpoint?.origin ?? '',
      appInfo: () => ({ version: app.getVersion(), platform: process.platform, electron: process.versions.electron }),
      setLanguage: (lang) => {
        if (lang === language) return;
        language = lang;
        setMenu();
      },
    });
    try {
      endpoint = await startHost();
    } catch (e) {
      dialog.showErrorBox('Kubelab', `Kubelab could not start: ${e instanceof Error ? e.message : String(e)}`);
      app.quit();
      return;
    }
    secureSession(endpoint.origin);
    win = createMainWindow({ host: endpoint, preload: join(here, 'preload.cjs'), stateFile: windowStateFile(app.getPath('userData')), title: 'Kubelab' });
    win.on('closed', () => (win = undefined));
    app.on('will-quit', unregister);
  }, (e) => {
    dialog.showErrorBox('Kubelab', String(e));
    app.quit();
  });

  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', (e) => {
    if (quitting) return;
    quitting = true;
    e.preventDefault();
    void host.stop().finally(() => app.quit());
  });
}
