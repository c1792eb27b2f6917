// The host side of the lab panel: the lab runner (labs/runtime/lab-runner.ts) behind HTTP routes
// on the host, plus a Server-Sent Events stream of the running lab's state so checkpoints turn
// green in the panel as soon as the runner sees them. Routes are listed in
// labs/runtime/lab-view.ts LAB_ROUTES; the host's auth (token cookie, Host, Origin) applies.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { LabRunner } from '../../../labs/runtime/lab-runner';
import { LAB_ROUTES, type LabRunView } from '../../../labs/runtime/lab-view';
import { BASE_HEADERS, HttpError, readJson, sendJson } from '../http-util';

export interface LabApiOptions {
  /** App-data folder: the runner's database is labs.db there. */
  dataDir: string;
  /** The engine's kubeconfig while the engine is ready, else undefined. */
  kubeconfig: () => string | undefined;
  /** Another folder of lab packs (tests); default: the bundled labs/. */
  labsDir?: string;
  log?: (line: string) => void;
}

export interface LabApi {
  /** Answers the lab routes; false for any other path. */
  handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean>;
  /** Call when the engine (re)becomes ready: resumes the run that was active. */
  engineReady(): Promise<void>;
  readonly runner: LabRunner;
  close(): Promise<void>;
}

function field(body: unknown, name: string, type: 'string' | 'number'): string | number {
  const v = (body as Record<string, unknown> | null)?.[name];
  if (typeof v !== type) throw new HttpError(400, `expected {"${name}": ${type}}`);
  return v as string | number;
}

export function createLabApi(opts: LabApiOptions): LabApi {
  const runner = new LabRunner({ dbPath: join(opts.dataDir, 'labs.db'), kubeconfig: opts.kubeconfig, labsDir: opts.labsDir, log: opts.log });
  const streams = new Set<ServerResponse>();
  const offRunner = runner.onChange((view) => {
    const frame = `data: ${JSON.stringify(view ?? null)}\n\n`;
    for (const s of streams) s.write(frame);
  });
  let resumed = false;

  /** Operations answer with the view; failures keep the app working and say why. */
  async function op(res: ServerResponse, fn: () => Promise<LabRunView | undefined> | LabRunView | undefined): Promise<true> {
    try {
      sendJson(res, 200, (await fn()) ?? null);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      sendJson(res, e instanceof HttpError ? e.status : /^busy:/.test(message) ? 409 : 422, { error: message });
    }
    return true;
  }

  async function handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    const path = url.pathname;
    if (path !== LAB_ROUTES.catalogue && !path.startsWith(LAB_ROUTES.catalogue + '/')) return false;
    const method = req.method ?? 'GET';
    if (method === 'GET') {
      if (path === LAB_ROUTES.catalogue) {
        runner.reloadCatalogue();
        sendJson(res, 200, runner.catalogue());
        return true;
      }
      if (path === LAB_ROUTES.current) return op(res, () => runner.view());
      if (path === LAB_ROUTES.record) {
        sendJson(res, 200, runner.record() ?? null);
        return true;
      }
      if (path === LAB_ROUTES.events) {
        res.writeHead(200, { ...BASE_HEADERS, 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' });
        res.write(`data: ${JSON.stringify(runner.view() ?? null)}\n\n`);
        streams.add(res);
        const ping = setInterval(() => res.write(': ping\n\n'), 15_000);
        ping.unref?.();
        req.on('close', () => {
          clearInterval(ping);
          streams.delete(res);
        });
        return true;
      }
    }
    if (method === 'POST') {
      const body = await readJson(req);
      switch (path) {
        case LAB_ROUTES.start:
          return op(res, () => runner.start(String(field(body, 'id', 'string'))));
        case LAB_ROUTES.reset:
          return op(res, () => runner.reset());
        case LAB_ROUTES.resetToStep:
          return op(res, () => runner.resetToStep(String(field(body, 'step', 'string'))));
        case LAB_ROUTES.solveTo:
          return op(res, () => runner.solveTo(String(field(body, 'step', 'string'))));
        case LAB_ROUTES.fastForward:
          return op(res, () => runner.fastForward(Number(field(body, 'seconds', 'number'))));
        case LAB_ROUTES.step:
          return op(res, () => runner.setStep(String(field(body, 'step', 'string'))));
        case LAB_ROUTES.hint:
          return op(res, () => runner.revealHint());
        case LAB_ROUTES.stop:
          return op(res, async () => {
            await runner.stop();
            return undefined;
          });
      }
    }
    throw new HttpError(404, 'not found');
  }

  return {
    handle,
    runner,
    async engineReady() {
      if (resumed) return;
      resumed = true;
      try {
        await runner.resume();
      } catch (e) {
        resumed = false;
        opts.log?.(`labs: could not resume the lab: ${(e as Error).message}`);
      }
    },
    async close() {
      offRunner();
      for (const s of streams) s.end();
      streams.clear();
      await runner.close();
    },
  };
}
