// `kubelab lab list|show|start|check`: the lab catalogue on the command line, a cluster prepared
// for a lab (served exactly as `kubelab engine` serves one), and checkpoint verdicts for a
// cluster, from its recorded history when it is a Kubelab engine or its current state otherwise.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Engine } from '../../engine/engine';
import { appDataDir } from '../../engine/cli/app-data';
import { applySetup, EngineExtras, masterNode, readMarker } from './cluster-ops';
import { evaluateRecord, type LabVerdict } from './evaluator';
import type { HistoryEntry, LabRecord } from './history';
import { KubeApi } from './kube-api';
import { BUNDLED_LABS_DIR, loadCatalogue } from './lab-loader';
import type { Language, LabPack } from './lab-pack';
import { kindsFor } from './watch-recorder';
import { entryFor } from './history';

export const LAB_USAGE = `Usage: kubelab lab <command> [options]

Commands:
  list [--json]                         The lab catalogue (broken packs are reported, not fatal).
  show <id> [--json] [--lang en|zh-CN]  A lab's steps and checkpoints.
  start <id> [--data DIR] [--port N] [--kubeconfig FILE]
                                        A fresh cluster of the lab's topology with its setup
                                        applied, served in the foreground like \`kubelab engine\`.
  check <id> [--kubeconfig FILE | --data DIR | --record FILE] [--json] [--lang en|zh-CN]
             [--save-record FILE]       Evaluates the checkpoints (exit 0: all passed, 3: not all).
Common: --labs DIR (another folder of lab packs).
`;

interface Out {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i] + 3))).join('').trimEnd()).join('\n') + '\n';
}

function lang(v: string | undefined): Language {
  if (v === undefined || v === 'en') return 'en';
  if (v === 'zh-CN' || v === 'zh') return 'zh-CN';
  throw new Error(`unknown language "${v}" (en, zh-CN)`);
}

export async function runLabCommand(argv: string[], io: Out = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  const [sub, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    strict: true,
    options: {
      json: { type: 'boolean' },
      lang: { type: 'string' },
      labs: { type: 'string' },
      data: { type: 'string' },
      port: { type: 'string' },
      kubeconfig: { type: 'string' },
      record: { type: 'string' },
      'save-record': { type: 'string' },
    },
  });
  const catalogue = loadCatalogue(values.labs ?? BUNDLED_LABS_DIR);
  const find = (id: string | undefined): LabPack => {
    if (!id) throw new Error(`missing lab id\n${LAB_USAGE}`);
    const lab = catalogue.labs.find((l) => l.id === id);
    if (lab) return lab;
    const broken = catalogue.broken.find((b) => b.id === id);
    throw new Error(broken ? broken.error : `no lab "${id}" (known: ${catalogue.labs.map((l) => l.id).join(', ')})`);
  };
  const l = lang(values.lang);
  switch (sub) {
    case 'list': {
      for (const b of catalogue.broken) io.stderr.write(`kubelab lab: skipped a broken lab pack: ${b.error}\n`);
      if (values.json) {
        const labs = catalogue.labs.map((x) => ({ id: x.id, version: x.version, title: x.title, summary: x.summary, topology: x.topology, timeLimitMinutes: x.timeLimitMinutes ?? null, steps: x.steps.length, checkpoints: x.checkpoints.length, points: x.checkpoints.reduce((a, c) => a + c.points, 0) }));
        io.stdout.write(JSON.stringify({ labs, broken: catalogue.broken.map((b) => ({ id: b.id, error: b.error })) }, null, 2) + '\n');
        return 0;
      }
      const rows = [['ID', 'VERSION', 'TOPOLOGY', 'STEPS', 'POINTS', 'TITLE']];
      for (const x of catalogue.labs) rows.push([x.id, String(x.version), x.topology, String(x.steps.length), String(x.checkpoints.reduce((a, c) => a + c.points, 0)), x.title[l]]);
      io.stdout.write(table(rows));
      return 0;
    }
    case 'show': {
      const lab = find(positionals[0]);
      if (values.json) {
        const { dir: _dir, ...data } = lab;
        io.stdout.write(JSON.stringify(data, null, 2) + '\n');
        return 0;
      }
      let s = `${lab.title[l]} (${lab.id} v${lab.version}, topology ${lab.topology}${lab.timeLimitMinutes ? `, ${lab.timeLimitMinutes} min` : ''})\n${lab.summary[l]}\n`;
      lab.steps.forEach((st, i) => {
        s += `\n## ${i + 1}. ${st.title[l]} [${st.id}]\n${st.text[l].trim()}\n`;
        for (const c of lab.checkpoints.filter((x) => x.step === st.id)) s += `  - checkpoint ${c.id} (${c.points} points): ${c.title[l]}\n`;
      });
      io.stdout.write(s);
      return 0;
    }
    case 'start': {
      const lab = find(positionals[0]);
      const dataDir = values.data ?? appDataDir();
      // A fresh cluster: the previous cluster's state and history go; certificates stay.
      for (const f of ['cluster.db', 'cluster.db-wal', 'cluster.db-shm', 'history.db', 'history.db-wal', 'history.db-shm']) rmSync(join(dataDir, f), { force: true });
      const port = values.port === undefined ? undefined : Number(values.port);
      const engine = await Engine.start({ dataDir, port, kubeconfigPath: values.kubeconfig, topology: lab.topology });
      try {
        const api = KubeApi.fromKubeconfig(engine.kubeconfigPath);
        try {
          await applySetup(api, lab, engine.clock.now());
        } finally {
          api.close();
        }
        io.stdout.write(`kubelab engine ready: kubeconfig=${engine.kubeconfigPath} server=${engine.url}\n`);
        await new Promise<void>((resolve) => {
          process.once('SIGINT', () => resolve());
          process.once('SIGTERM', () => resolve());
        });
      } finally {
        await engine.stop();
      }
      return 0;
    }
    case 'check': {
      const lab = find(positionals[0]);
      let record: LabRecord;
      if (values.record) {
        record = JSON.parse(readFileSync(values.record, 'utf8')) as LabRecord;
      } else {
        const kubeconfig = values.kubeconfig ?? join(values.data ?? appDataDir(), 'kubeconfig');
        if (!existsSync(kubeconfig)) throw new Error(`no kubeconfig at ${kubeconfig} (start the lab with: kubelab lab start ${lab.id})`);
        const api = KubeApi.fromKubeconfig(kubeconfig);
        try {
          record = await recordFromCluster(api, lab, io);
        } finally {
          api.close();
        }
      }
      if (values['save-record']) writeFileSync(values['save-record'], JSON.stringify(record, null, 1) + '\n');
      const verdict = evaluateRecord(lab, record);
      io.stdout.write(values.json ? JSON.stringify(verdictJson(verdict, l), null, 2) + '\n' : verdictTable(verdict, l));
      return verdict.checkpoints.every((c) => c.passed) ? 0 : 3;
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      io.stdout.write(LAB_USAGE);
      return sub === undefined ? 2 : 0;
    default:
      io.stderr.write(`kubelab lab: unknown command "${sub}"\n${LAB_USAGE}`);
      return 2;
  }
}

/**
 * The record of a cluster: the engine's own history from the lab's start (objects older than
 * the start enter as they were then), or, on a real cluster, its current state.
 */
export async function recordFromCluster(api: KubeApi, lab: LabPack, io?: Out): Promise<LabRecord> {
  const marker = await readMarker(api);
  if (marker && marker.lab !== lab.id) io?.stderr.write(`kubelab lab: warning: the cluster runs the lab "${marker.lab}", not "${lab.id}"\n`);
  const extras = new EngineExtras(api);
  const all = await extras.allHistory();
  const node = await masterNode(api);
  const lines = (node && (await extras.commands(node))) || [];
  if (all) {
    const startedAt = marker?.startedAt ?? 0;
    const before = new Map<string, HistoryEntry>();
    const after: HistoryEntry[] = [];
    for (const e of all.items) {
      if (e.time < startedAt) {
        const k = `${e.apiVersion}|${e.kind}|${e.namespace}|${e.name}`;
        if (e.type === 'DELETED') before.delete(k);
        else before.set(k, e);
      } else after.push(e);
    }
    const history = [...[...before.values()].map((e) => ({ ...e, type: 'ADDED' as const })), ...after].sort((a, b) => a.seq - b.seq);
    return { startedAt, now: all.now, namespace: lab.setup.namespace, history, commands: lines.map((line, i) => ({ seq: i + 1, time: all.now, node: node!, line })) };
  }
  // A real cluster: what exists now is all there is to judge.
  const now = Date.now();
  const history: HistoryEntry[] = [];
  for (const k of kindsFor(lab.watch)) {
    const r = await api.resourceFor(k.apiVersion, k.kind);
    if (!r) continue;
    for (const o of (await api.list(r)).items) history.push(entryFor(history.length + 1, now, 'ADDED', o, r));
  }
  return { startedAt: marker?.startedAt ?? now, now, namespace: lab.setup.namespace, history, commands: [] };
}

export function verdictJson(v: LabVerdict, l: Language) {
  return {
    lab: v.labId,
    score: v.score,
    maxScore: v.maxScore,
    checkpoints: v.checkpoints.map((c) => ({
      id: c.id,
      step: c.step,
      passed: c.passed,
      points: c.points,
      maxPoints: c.maxPoints,
      message: c.passed ? c.message![l] : (c.hints[0]?.[l] ?? (c.waitingFor.length ? `waiting for: ${c.waitingFor.join(', ')}` : null)),
      ...(c.error ? { error: c.error } : {}),
    })),
  };
}

export function verdictTable(v: LabVerdict, l: Language): string {
  const rows = [['CHECKPOINT', 'STEP', 'POINTS', 'STATUS', 'MESSAGE']];
  for (const c of v.checkpoints) {
    const status = c.passed ? 'passed' : c.error ? 'error' : 'open';
    const msg = c.passed ? c.message![l] : c.error ? c.error : (c.hints[0]?.[l] ?? (c.waitingFor.length ? `waiting for: ${c.waitingFor.join(', ')}` : c.title[l]));
    rows.push([c.id, c.step, `${c.points}/${c.maxPoints}`, status, msg.replace(/\s+/g, ' ')]);
  }
  return table(rows) + `\nscore: ${v.score}/${v.maxScore}\n`;
}
