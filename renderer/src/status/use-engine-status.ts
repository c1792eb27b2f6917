// The engine status as the host reports it, and whether the host itself is reachable (the
// cluster socket is open). The effect's cleanup unsubscribes.
import { useEffect, useState } from 'react';
import { clusterConnection } from '../cluster/cluster-connection';
import type { EngineStatus } from '../host-api';

export function useEngineStatus(): { status: EngineStatus | undefined; hostReachable: boolean } {
  const [state, setState] = useState<{ status: EngineStatus | undefined; hostReachable: boolean }>({ status: undefined, hostReachable: true });
  useEffect(() => clusterConnection().onStatus((status, connected) => setState({ status, hostReachable: connected || status === undefined })), []);
  return state;
}
