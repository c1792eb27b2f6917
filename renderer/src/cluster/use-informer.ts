// React binding of a watched collection: its current items, live. The effect's cleanup
// unsubscribes (the last subscriber stops the watch on the host; STYLE rule 12).
import { useEffect, useState } from 'react';
import { clusterConnection, type Obj } from './cluster-connection';

export function useInformer<T extends Obj>(path: string): { items: T[]; synced: boolean } {
  const [state, setState] = useState<{ items: T[]; synced: boolean }>({ items: [], synced: false });
  useEffect(() => clusterConnection().subscribe(path, (items, synced) => setState({ items: items as T[], synced })), [path]);
  return state;
}
