// The contract between the kubectl library and whoever runs it: bin/kubectl wires the
// real process here (main.ts), the node shell wires a virtual terminal and filesystem.
// Nothing under engine/kubectl reads process.* directly; everything comes through this.

export interface TextSink {
  write(text: string): void;
}

export interface FileStat {
  isFile: boolean;
  isDirectory: boolean;
  /** Permission bits, when the filesystem has them. */
  mode?: number;
  size?: number;
  /** Modification time; without it kubectl's disk caches are never trusted. */
  mtimeMs?: number;
}

/** The few filesystem operations kubectl needs; paths are absolute or relative to io.cwd. */
export interface KubectlFS {
  readFile(path: string): Promise<Uint8Array>;
  writeFile(path: string, data: string | Uint8Array, options?: { mode?: number }): Promise<void>;
  exists(path: string): Promise<boolean>;
  readdir(path: string): Promise<string[]>;
  stat(path: string): Promise<FileStat>;
  mkdir(path: string, options?: { recursive?: boolean; mode?: number }): Promise<void>;
  /** Deletes a file (kubectl edit's temp file); optional — without it the file stays. */
  remove?(path: string): Promise<void>;
}

export interface TerminalInfo {
  isTTY: boolean;
  columns: number;
  rows: number;
}

/** One HTTP exchange; the REST client builds these, a transport carries them. */
export interface HttpRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  /** PEM certificate authority bundle, for https. */
  ca?: string | Uint8Array;
  /** Client certificate and key (PEM) for mutual TLS. */
  cert?: string | Uint8Array;
  key?: string | Uint8Array;
  insecureSkipTLSVerify?: boolean;
  serverName?: string;
  /** Milliseconds; 0 or undefined means no client-side timeout. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface HttpResponse {
  status: number;
  /** Header names lower-cased; repeated headers keep every value. */
  headers: Record<string, string[]>;
  /** The body as it arrives; watch streams never end on their own. */
  body: AsyncIterable<Uint8Array>;
}

export type HttpTransport = (request: HttpRequest) => Promise<HttpResponse>;

export interface KubectlIO {
  /** Reads all of standard input (for `-f -`). */
  stdin(): Promise<Uint8Array>;
  stdout: TextSink;
  stderr: TextSink;
  env: Record<string, string | undefined>;
  cwd: string;
  fs: KubectlFS;
  terminal?: TerminalInfo;
  /** Ctrl-C: long-running commands (watch, logs -f) stop when this aborts. */
  signal?: AbortSignal;
  /** Wall clock in ms since the epoch; ages in tables and klog headers read it. */
  now(): number;
  /**
   * Keep discovery in the cache folder (~/.kube/cache) between runs, as kubectl does; bin/kubectl
   * turns it on. Off, every run asks the server (the node shell's in-process kubectl is fast).
   */
  diskCache?: boolean;
  /** Carries HTTP requests; the default (node http/https) is used when absent. */
  transport?: HttpTransport;
  /** `GOOS/GOARCH` reported by `version`; the node shell is a Linux amd64 host. */
  platform?: string;
  /** Process id shown in klog-style lines. */
  pid?: number;
  /** Standard input as a stream, for interactive commands (`exec -i`, `attach -i`); else stdin() is used. */
  stdinStream?: () => AsyncIterable<Uint8Array>;
  /** Whether stdin is a terminal (`-t` needs one), and switching it to raw mode. */
  stdinIsTTY?: boolean;
  setRawMode?: (raw: boolean) => void;
  /** Terminal size changes (`exec -t` sends them on the resize channel); returns its cleanup. */
  onResize?: (listener: (size: { columns: number; rows: number }) => void) => () => void;
  /**
   * Runs an editor (argv, the file path last) on the user's terminal and resolves when it exits
   * (`kubectl edit`); rejects with `notFound` when the program does not exist. Absent: no editing.
   */
  launchEditor?: (argv: string[]) => Promise<{ exitCode: number; notFound?: boolean }>;
}

/** Path separator for KUBECONFIG lists: kubectl uses filepath.ListSeparator. */
export function kubeconfigListSeparator(io: KubectlIO): string {
  return io.platform?.startsWith('windows/') ? ';' : ':';
}

export async function readText(io: KubectlIO, path: string): Promise<string> {
  return new TextDecoder().decode(await io.fs.readFile(resolvePath(io, path)));
}

/** Resolves a path against io.cwd the way filepath.Abs would, without touching node:path. */
export function resolvePath(io: KubectlIO, path: string): string {
  if (path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path)) return path;
  const base = io.cwd.endsWith('/') ? io.cwd : io.cwd + '/';
  return normalizeSlashes(base + path);
}

function normalizeSlashes(p: string): string {
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return '/' + out.join('/');
}

/** The user's home directory as client-go's homedir.HomeDir sees it. */
export function homeDir(io: KubectlIO): string {
  return io.env.HOME || io.env.USERPROFILE || '/root';
}
