// Background jobs (`cmd &`): started without waiting, listed by `jobs`, reported when done,
// stopped by `kill %n`, and all aborted when the session is disposed.

export type JobState = 'Running' | 'Done' | 'Exit' | 'Terminated';

export interface Job {
  id: number;
  pid: number;
  command: string;
  controller: AbortController;
  state: JobState;
  status: number | undefined;
  done: Promise<number>;
}

export class JobTable {
  private readonly jobs = new Map<number, Job>();
  private readonly finished: Job[] = [];
  private order: number[] = [];

  start(command: string, pid: number, controller: AbortController, run: () => Promise<number>): Job {
    let id = 1;
    while (this.jobs.has(id)) id++;
    const job: Job = { id, pid, command, controller, state: 'Running', status: undefined, done: Promise.resolve(0) };
    this.jobs.set(id, job);
    this.order.push(id);
    job.done = run().then((status) => {
      job.status = status;
      job.state = controller.signal.aborted ? 'Terminated' : status === 0 ? 'Done' : 'Exit';
      this.jobs.delete(id);
      this.finished.push(job);
      return status;
    });
    return job;
  }

  list(): Job[] {
    return [...this.jobs.values()].sort((a, b) => a.id - b.id);
  }

  /** `%1`, `%%`, `%+`, `%-`, `%name`, or a pid. */
  find(spec: string): Job | undefined {
    const live = this.order.filter((id) => this.jobs.has(id));
    if (spec === '%%' || spec === '%+' || spec === '%') return this.jobs.get(live[live.length - 1]);
    if (spec === '%-') return this.jobs.get(live[live.length - 2]);
    if (/^%\d+$/.test(spec)) return this.jobs.get(Number(spec.slice(1)));
    if (spec.startsWith('%')) return this.list().find((j) => j.command.startsWith(spec.slice(1)));
    if (/^\d+$/.test(spec)) return this.list().find((j) => j.pid === Number(spec));
    return undefined;
  }

  /** `+` for the current job, `-` for the previous one, as `jobs` marks them. */
  mark(job: Job): string {
    const live = this.order.filter((id) => this.jobs.has(id) || id === job.id);
    if (live[live.length - 1] === job.id) return '+';
    if (live[live.length - 2] === job.id) return '-';
    return ' ';
  }

  /** Jobs that ended since the last call (the shell reports them before the next prompt). */
  takeFinished(): Job[] {
    const out = this.finished.splice(0);
    this.order = this.order.filter((id) => this.jobs.has(id));
    return out;
  }

  abortAll(): void {
    for (const job of this.jobs.values()) job.controller.abort();
  }

  async waitAll(): Promise<void> {
    await Promise.all(this.list().map((j) => j.done));
  }
}

/** A line of `jobs` output or a completion notice: `[1]+  Done                    sleep 1`. */
export function formatJob(job: Job, mark: string): string {
  const state = job.state === 'Exit' ? `Exit ${job.status}` : job.state;
  const command = job.state === 'Running' ? `${job.command.replace(/\s*&$/, '')} &` : job.command.replace(/\s*&$/, '');
  return `[${job.id}]${mark}  ${state.padEnd(24)}${command}`;
}
