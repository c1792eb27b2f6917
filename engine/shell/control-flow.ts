// Non-local exits inside the interpreter. They are thrown through the async call chain and caught
// by the construct they belong to (loop, function, subshell, session); none escapes the shell.

export class BreakSignal {
  constructor(public levels: number) {}
}

export class ContinueSignal {
  constructor(public levels: number) {}
}

export class ReturnSignal {
  constructor(readonly status: number) {}
}

/** `exit`, or a fatal error in a non-interactive shell. */
export class ExitSignal {
  constructor(readonly status: number) {}
}

/** Ctrl-C: the foreground command line stops with status 130. */
export class InterruptSignal {
  readonly status = 130;
}

/** A command wrote to a pipe whose reader had exited: its pipeline stage ends (SIGPIPE, 141). */
export class BrokenPipeSignal {
  readonly status = 141;
}

export function isControlFlow(e: unknown): boolean {
  return (
    e instanceof BreakSignal ||
    e instanceof ContinueSignal ||
    e instanceof ReturnSignal ||
    e instanceof ExitSignal ||
    e instanceof InterruptSignal ||
    e instanceof BrokenPipeSignal
  );
}
