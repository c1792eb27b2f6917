// metav1.Status errors with the reasons, codes and messages kube-apiserver uses.
// Upstream: apimachinery pkg/api/errors/errors.go
import { fieldErrorBody, type FieldError } from './field-errors';

export interface StatusBody {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure' | 'Success';
  message?: string;
  reason?: string;
  details?: { name?: string; group?: string; kind?: string; uid?: string; causes?: { reason: string; message: string; field?: string }[]; retryAfterSeconds?: number };
  code: number;
}

export class StatusError extends Error {
  constructor(readonly status: StatusBody) {
    super(status.message);
  }
  get code(): number {
    return this.status.code;
  }
}

function status(code: number, reason: string, message: string, details?: StatusBody['details']): StatusError {
  const body: StatusBody = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code };
  if (details) body.details = details;
  return new StatusError(body);
}

/** `deployments.apps "x" not found` */
export function notFound(group: string, plural: string, name: string): StatusError {
  const qualified = group ? `${plural}.${group}` : plural;
  return status(404, 'NotFound', `${qualified} "${name}" not found`, { name, group: group || undefined, kind: plural });
}

export function alreadyExists(group: string, plural: string, name: string): StatusError {
  const qualified = group ? `${plural}.${group}` : plural;
  return status(409, 'AlreadyExists', `${qualified} "${name}" already exists`, { name, group: group || undefined, kind: plural });
}

export function conflict(group: string, plural: string, name: string, why = 'the object has been modified; please apply your changes to the latest version and try again'): StatusError {
  const qualified = group ? `${plural}.${group}` : plural;
  return status(409, 'Conflict', `Operation cannot be fulfilled on ${qualified} "${name}": ${why}`, { name, group: group || undefined, kind: plural });
}

/** `Deployment.apps "x" is invalid: [a: ..., b: ...]` with causes. */
export function invalid(group: string, kind: string, name: string, errors: FieldError[]): StatusError {
  const qualifiedKind = group ? `${kind}.${group}` : kind;
  const rendered = errors.map((e) => `${e.field}: ${fieldErrorBody(e)}`);
  const list = rendered.length === 1 ? rendered[0] : `[${rendered.join(', ')}]`;
  return status(422, 'Invalid', `${qualifiedKind} "${name}" is invalid: ${list}`, {
    name,
    group: group || undefined,
    kind,
    causes: errors.map((e) => ({ reason: e.type, message: fieldErrorBody(e), field: e.field })),
  });
}

export function badRequest(message: string): StatusError {
  return status(400, 'BadRequest', message);
}

export function forbidden(group: string, plural: string, name: string, message: string, cause?: { reason: string; message: string }): StatusError {
  const qualified = group ? `${plural}.${group}` : plural;
  return status(403, 'Forbidden', `${qualified} "${name}" is forbidden: ${message}`, {
    name,
    group: group || undefined,
    kind: plural,
    causes: cause ? [cause] : undefined,
  });
}

export function methodNotAllowed(verb: string, kind: string): StatusError {
  return status(405, 'MethodNotAllowed', `${verb} is not supported on resources of kind "${kind}"`);
}

export function unauthorized(): StatusError {
  return status(401, 'Unauthorized', 'Unauthorized');
}

export function gone(message: string): StatusError {
  return status(410, 'Expired', message);
}

export function notFoundPath(): StatusError {
  return status(404, 'NotFound', 'the server could not find the requested resource', {});
}

export function notAcceptable(message: string): StatusError {
  return status(406, 'NotAcceptable', message);
}

export function unsupportedMediaType(): StatusError {
  return status(415, 'UnsupportedMediaType', 'the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json');
}

export function internalError(message: string): StatusError {
  return status(500, 'InternalError', `Internal error occurred: ${message}`);
}

export function timeout(message: string): StatusError {
  return status(504, 'Timeout', message);
}

export function statusBody(err: unknown): StatusBody {
  if (err instanceof StatusError) return err.status;
  const message = err instanceof Error ? err.message : String(err);
  return internalError(message).status;
}
