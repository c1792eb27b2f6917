// Opens a URL in the user's default browser. Failures are ignored: the caller prints the URL.
import { spawn } from 'node:child_process';

export function openerFor(platform: NodeJS.Platform, url: string): { file: string; args: string[] } {
  if (platform === 'darwin') return { file: 'open', args: [url] };
  // `start` is a cmd builtin; the empty string is the window title it would otherwise eat.
  if (platform === 'win32') return { file: 'cmd', args: ['/c', 'start', '""', url.replace(/&/g, '^&')] };
  return { file: 'xdg-open', args: [url] };
}

export function openBrowser(url: string, platform: NodeJS.Platform = process.platform): void {
  const { file, args } = openerFor(platform, url);
  try {
    const child = spawn(file, args, { stdio: 'ignore', detached: true, windowsHide: true });
    child.on('error', () => {});
    child.unref();
  } catch {
    // no opener on this machine
  }
}
