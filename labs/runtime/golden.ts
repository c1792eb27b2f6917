// Golden files of recorded lab runs (labs/<id>/testdata/*.json): a record and the verdict it must
// give. The integration test writes them (KUBELAB_UPDATE_GOLDEN=1) from real runs; the unit test
// (testdata.test.ts) re-evaluates every one, so a change to a checkpoint or to the CEL
// environment that flips a verdict shows up without starting a cluster.
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { LabRecord } from './history';

export interface GoldenCase {
  description: string;
  /** Checkpoint id -> passed. */
  expect: Record<string, boolean>;
  record: LabRecord;
}

/**
 * Keeps what the bundled labs' checkpoints read: the lab's namespace (and the Namespace object),
 * without Events and Endpoints. The integration test checks that trimming leaves the verdict as it was.
 */
export function trimRecord(r: LabRecord): LabRecord {
  return {
    ...r,
    history: r.history.filter((e) => (e.namespace === r.namespace && e.kind !== 'Event' && e.kind !== 'Endpoints') || (e.kind === 'Namespace' && e.name === r.namespace)),
  };
}

export function readGoldens(labDir: string): Array<{ name: string; golden: GoldenCase }> {
  const dir = join(labDir, 'testdata');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ name: f, golden: JSON.parse(readFileSync(join(dir, f), 'utf8')) as GoldenCase }));
}

export function writeGolden(labDir: string, name: string, golden: GoldenCase): void {
  // One history entry per line: reviewable diffs, and still JSON.
  const { record, ...head } = golden;
  const { history, commands, ...meta } = record;
  const lines = [
    '{',
    `"description": ${JSON.stringify(head.description)},`,
    `"expect": ${JSON.stringify(head.expect)},`,
    `"record": {`,
    ...Object.entries(meta).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)},`),
    `"commands": [`,
    commands.map((c) => JSON.stringify(c)).join(',\n'),
    `],`,
    `"history": [`,
    history.map((e) => JSON.stringify(e)).join(',\n'),
    ']}}',
  ];
  writeFileSync(join(labDir, 'testdata', `${name}.json`), lines.join('\n') + '\n');
}
