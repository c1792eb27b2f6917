// A container's filesystem for the simulated runtime: a flat map of absolute paths, seeded from
// the image and the pod's configMap/secret volumes.
import type { ContainerFs } from './images/image';

export class MapFs implements ContainerFs {
  private readonly files = new Map<string, string>();

  constructor(initial: Record<string, string> = {}) {
    for (const [p, c] of Object.entries(initial)) this.files.set(norm(p), c);
  }

  read(path: string): string | undefined {
    return this.files.get(norm(path));
  }

  write(path: string, content: string): void {
    this.files.set(norm(path), content);
  }

  remove(path: string): boolean {
    return this.files.delete(norm(path));
  }

  exists(path: string): boolean {
    const p = norm(path);
    if (this.files.has(p) || p === '/') return true;
    const dir = p.endsWith('/') ? p : p + '/';
    for (const k of this.files.keys()) if (k.startsWith(dir)) return true;
    return false;
  }

  list(dir: string): string[] {
    const d = norm(dir).replace(/\/?$/, '/');
    const out = new Set<string>();
    for (const k of this.files.keys()) if (k.startsWith(d)) out.add(k.slice(d.length).split('/')[0]);
    return [...out].sort();
  }
}

function norm(p: string): string {
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (!seg || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return '/' + out.join('/');
}
