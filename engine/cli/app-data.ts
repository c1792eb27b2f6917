// The per-user application data folder, where the cluster lives unless --data says otherwise.
import { homedir } from 'node:os';
import { join } from 'node:path';

export function appDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.KUBELAB_DATA) return env.KUBELAB_DATA;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Kubelab');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Kubelab');
  return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'kubelab');
}
