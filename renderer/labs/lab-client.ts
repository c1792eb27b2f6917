// The panel's calls to the host's lab API (main/host/labs/). Same origin: the host's cookie
// carries the token. Types come from labs/runtime/lab-view.ts (import type only).
import type { LabCatalogueView, LabRunView } from '../../labs/runtime/lab-view';

export type { LabCatalogueView, LabRunView };

async function answer<T>(res: Response): Promise<T> {
  const body = (await res.json().catch(() => null)) as T | { error?: string } | null;
  if (!res.ok) throw new Error((body as { error?: string } | null)?.error ?? `HTTP ${res.status}`);
  return body as T;
}

function post<T>(path: string, body: unknown = {}): Promise<T> {
  return fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => answer<T>(r));
}

export const labClient = {
  catalogue: () => fetch('/api/labs').then((r) => answer<LabCatalogueView>(r)),
  current: () => fetch('/api/labs/current').then((r) => answer<LabRunView | null>(r)),
  start: (id: string) => post<LabRunView>('/api/labs/start', { id }),
  reset: () => post<LabRunView>('/api/labs/reset'),
  resetToStep: (step: string) => post<LabRunView>('/api/labs/reset-to-step', { step }),
  solveTo: (step: string) => post<LabRunView>('/api/labs/solve-to', { step }),
  fastForward: (seconds: number) => post<LabRunView>('/api/labs/fast-forward', { seconds }),
  setStep: (step: string) => post<LabRunView>('/api/labs/step', { step }),
  hint: () => post<LabRunView>('/api/labs/hint'),
  stop: () => post<null>('/api/labs/stop'),
  /** Live view of the running lab (Server-Sent Events); returns its cleanup. */
  subscribe(onView: (v: LabRunView | null) => void): () => void {
    const es = new EventSource('/api/labs/events');
    es.onmessage = (e) => onView(JSON.parse(e.data as string) as LabRunView | null);
    return () => es.close();
  },
};
