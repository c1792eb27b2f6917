// The wire contract between the host and the renderer: HTTP routes, terminal WebSocket messages
// and the engine status. It imports nothing, so the browser-only renderer can `import type` it
// without pulling Node code into its type-check.

/** What a terminal tab runs: a login on a cluster node (`kubelab shell --node`), or the user's shell. */
export type SessionProfile = { kind: 'node'; node: string } | { kind: 'host' };

export interface SessionInfo {
  id: string;
  profile: SessionProfile;
  title: string;
  /** False once the process has exited and will not be restarted. */
  running: boolean;
  exitCode?: number;
  createdAt: number;
}

export interface CreateSessionRequest {
  profile: SessionProfile;
  cols: number;
  rows: number;
}

/** Renderer → host, JSON text frames on /ws/terminal/<id>. */
export type ClientMessage =
  | { type: 'input'; data: string }
  | { type: 'resize'; cols: number; rows: number }
  /** Characters the renderer has written to xterm since its last ack (flow control). */
  | { type: 'ack'; chars: number }
  /** Start the process again after it exited (the tab's "press Enter to restart"). */
  | { type: 'restart' };

/** Host → renderer, JSON text frames on /ws/terminal/<id>. */
export type ServerMessage =
  /** Sent once on attach: the session's kept scrollback, to repaint a reloaded page. */
  | { type: 'replay'; data: string; info: SessionInfo }
  | { type: 'output'; data: string }
  | { type: 'exit'; code: number; willRestart: boolean }
  | { type: 'info'; info: SessionInfo };

/**
 * Renderer → host on /ws/cluster: the page's one live channel for cluster data and engine status.
 * (Browsers allow six HTTP/1.1 connections per host; a long-lived request per watched kind would
 * use them all up and stall every other request, so watches are multiplexed on one socket.)
 */
export type ClusterClientMessage =
  /** Start list+watch of an allowlisted API collection path, e.g. /api/v1/pods. */
  | { type: 'watch'; id: number; path: string }
  | { type: 'unwatch'; id: number };

export type ClusterServerMessage =
  | { type: 'status'; status: EngineStatus }
  /** The full current list (first sync, and again after the engine restarted or a watch expired). */
  | { type: 'list'; id: number; items: unknown[] }
  | { type: 'event'; id: number; event: 'ADDED' | 'MODIFIED' | 'DELETED'; object: unknown }
  | { type: 'error'; id: number; message: string };

/** The engine child as the supervisor sees it. */
export type EngineState = 'starting' | 'ready' | 'restarting' | 'unresponsive' | 'failed' | 'stopped';

export interface EngineStatus {
  state: EngineState;
  /** How many times the engine was restarted since the host started. */
  restarts: number;
  pid?: number;
  server?: string;
  /** Increments each time a new engine process becomes ready (terminals reconnect on change). */
  generation: number;
  /** Last lines the engine wrote to stderr when it failed, or the supervisor's reason. */
  message?: string;
  since: number;
}

export interface HostInfo {
  version: string;
  platform: string;
  /** The app-data folder the engine runs on. */
  dataDir: string;
}

/** HTTP routes (all require the token; see auth.ts). */
export const ROUTES = {
  status: '/api/status',
  info: '/api/info',
  sessions: '/api/sessions',
  engineRestart: '/api/engine/restart',
  /** Read-only Kubernetes API proxy: `/k8s` + an allowlisted API path. */
  kube: '/k8s',
  describe: '/api/describe',
  terminalSocket: '/ws/terminal/',
  clusterSocket: '/ws/cluster',
} as const;

/** Flow control: the renderer acks every ACK_CHARS characters it has rendered. */
export const ACK_CHARS = 5_000;
