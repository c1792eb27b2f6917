// How kubectl turns an error into stderr text and an exit code.
// Upstream: kubernetes/kubectl pkg/cmd/util/helpers.go (checkErr, StandardErrorMessage,
// MultilineError, MultipleErrors, UsageErrorf).

import { goQuote } from './cli/flags';

export interface StatusCause {
  reason?: string;
  message?: string;
  field?: string;
}

/** metav1.Status as the server sends it. */
export interface Status {
  kind?: string;
  apiVersion?: string;
  status?: string;
  message?: string;
  reason?: string;
  code?: number;
  details?: { name?: string; group?: string; kind?: string; uid?: string; causes?: StatusCause[]; retryAfterSeconds?: number };
}

/** An error response from the API server (apierrors.StatusError). */
export class StatusError extends Error {
  constructor(readonly status: Status) {
    super(status.message ?? '');
  }
  get reason(): string {
    return this.status.reason ?? '';
  }
  get code(): number {
    return this.status.code ?? 0;
  }
}

export function isNotFound(err: unknown): boolean {
  return err instanceof StatusError && (err.reason === 'NotFound' || (err.reason === '' && err.code === 404));
}

/** A plain error kubectl prints with the `error: ` prefix. */
export class KubectlError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

// Upstream: cmdutil.UsageErrorf: `error: <msg>` + `See '<path> -h' for help and examples`.
export class UsageError extends Error {
  constructor(commandPath: string, message: string) {
    super(`${message}\nSee '${commandPath} -h' for help and examples`);
  }
}

/** cmdutil.ErrExit: exit 1 without printing anything more. */
export class ExitError extends Error {
  constructor(readonly exitCode = 1) {
    super('exit');
  }
}

/** meta.NoResourceMatchError: a resource name discovery cannot resolve. */
export class NoResourceMatchError extends Error {
  constructor(readonly partial: { group: string; version: string; resource: string }) {
    super(`no matches for ${partial.group}/${partial.version}, Resource=${partial.resource}`);
  }
}

/** A transport failure (Go's *url.Error): `Op "URL": err`. */
export class UrlError extends Error {
  constructor(
    readonly op: string,
    readonly url: string,
    readonly reason: string,
  ) {
    super(`${op} ${goQuote(url)}: ${reason}`);
  }
}

/** clientcmd's "invalid configuration" errors, printed as `Error in configuration: …`. */
export class ConfigurationInvalidError extends Error {}

/** Several errors reported together (utilerrors.Aggregate), one line each. */
export class AggregateError_ extends Error {
  constructor(readonly errors: unknown[]) {
    super(errors.map((e) => (e instanceof Error ? e.message : String(e))).join(', '));
  }
}

export interface RenderedError {
  text: string;
  exitCode: number;
}

// Upstream: helpers.go checkErr.
export function renderError(err: unknown): RenderedError {
  if (err instanceof AggregateError_ && err.errors.length === 1) err = err.errors[0];
  if (err instanceof ExitError) return { text: '', exitCode: err.exitCode };
  if (err instanceof StatusError && err.reason === 'Invalid') return { text: ensureNewline(invalidMessage(err)), exitCode: 1 };
  if (err instanceof ConfigurationInvalidError) return { text: multilineError('Error in configuration: ', [err.message]), exitCode: 1 };
  if (err instanceof NoResourceMatchError) {
    const { group, version, resource } = err.partial;
    let msg = `the server doesn't have a resource type ${goQuote(resource)}`;
    if (group && version) msg += ` in group ${goQuote(group)} and version ${goQuote(version)}`;
    else if (group) msg += ` in group ${goQuote(group)}`;
    else if (version) msg += ` in version ${goQuote(version)}`;
    return { text: `error: ${msg}\n`, exitCode: 1 };
  }
  if (err instanceof AggregateError_) {
    return { text: err.errors.map((e) => messageForError(e) + '\n').join(''), exitCode: 1 };
  }
  if (err instanceof KubectlError && err.exitCode !== 1) return { text: ensureNewline(err.message), exitCode: err.exitCode };
  const standard = standardErrorMessage(err);
  if (standard !== undefined) return { text: ensureNewline(standard), exitCode: 1 };
  let msg = err instanceof Error ? err.message : String(err);
  if (!msg.startsWith('error: ')) msg = `error: ${msg}`;
  return { text: ensureNewline(msg), exitCode: 1 };
}

function ensureNewline(s: string): string {
  return s === '' || s.endsWith('\n') ? s : s + '\n';
}

function invalidMessage(err: StatusError): string {
  const details = err.status.details;
  let s = 'The request is invalid';
  if (!details) return err.status.message ? `${s}: ${err.status.message}` : s;
  if (details.kind || details.name) s = `The ${details.kind ?? ''} ${goQuote(details.name ?? '')} is invalid`;
  const causes = dedupe((details.causes ?? []).map((c) => `${c.field ?? ''}: ${c.message ?? ''}`));
  if (causes.length === 0) return s;
  return multilineError(s + ': ', causes);
}

function dedupe(items: string[]): string[] {
  return [...new Set(items)];
}

// Upstream: helpers.go MultilineError (note the trailing space kept after the prefix).
export function multilineError(prefix: string, messages: string[]): string {
  if (messages.length === 1) return `${prefix}${messages[0]}\n`;
  return prefix + '\n' + messages.map((m) => `* ${m}\n`).join('');
}

// Upstream: helpers.go StandardErrorMessage.
export function standardErrorMessage(err: unknown): string | undefined {
  if (err instanceof StatusError) {
    if (err.reason === 'Unauthorized') return `error: You must be logged in to the server (${err.status.message ?? ''})`;
    if (err.reason) return `Error from server (${err.reason}): ${err.message}`;
    return `Error from server: ${err.message}`;
  }
  if (err instanceof UrlError) {
    if (err.reason.includes('connection refused')) {
      return `The connection to the server ${hostOf(err.url)} was refused - did you specify the right host or port?`;
    }
    return `Unable to connect to the server: ${err.reason}`;
  }
  return undefined;
}

function messageForError(err: unknown): string {
  return standardErrorMessage(err) ?? (err instanceof Error ? err.message : String(err));
}

function hostOf(url: string): string {
  const m = /^[a-z]+:\/\/([^/?#]*)/i.exec(url);
  return m ? m[1] : url;
}
