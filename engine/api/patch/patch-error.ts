// What a failed patch turns into on the wire. `message` is the library's own text (what
// a client-side caller such as `kubectl patch --local` sees); `code`, `reason` and
// `statusMessage` are the metav1.Status kube-apiserver answers with for the same failure.

/** StatusReason values used here; '' is StatusReasonUnknown (a plain Go error reaching the handler). */
export type PatchErrorReason = 'BadRequest' | 'Invalid' | 'RequestEntityTooLarge' | 'Conflict' | '';

export class PatchError extends Error {
  constructor(
    message: string,
    readonly code: number,
    readonly reason: PatchErrorReason,
    readonly statusMessage: string = message,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

// Upstream: apimachinery pkg/api/errors/errors.go NewGenericServerResponse (422, no details)
/** The Status message of a 422 built by NewGenericServerResponse: the library text is dropped. */
export const REJECTED_REQUEST_MESSAGE = 'the server rejected our request due to an error in our request';

export function badRequestError(message: string): PatchError {
  return new PatchError(message, 400, 'BadRequest');
}

export function invalidPatchError(message: string): PatchError {
  return new PatchError(message, 422, 'Invalid', REJECTED_REQUEST_MESSAGE);
}

/** A non-Status error: the handler answers 500 with an empty reason and the error text. */
export function internalPatchError(message: string): PatchError {
  return new PatchError(message, 500, '');
}
