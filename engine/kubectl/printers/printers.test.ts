// The YAML, JSON and JSONPath printers against output recorded from the reference kubectl
// (testdata/printer-goldens.json, made by testdata/capture.ts through `kubectl label --local`,
// which prints any object through kubectl's unstructured printers).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderError, KubectlError } from '../errors';
import { toGoJson } from './json-printer';
import { toYaml } from './yaml-printer';
import { makePrinter } from './print-flags';
import type { Golden } from '../testdata/golden-format';
import type { KubeObject } from './name-printer';

const here = join(dirname(fileURLToPath(import.meta.url)), '..', 'testdata');
const cases = JSON.parse(readFileSync(join(here, 'printer-cases.json'), 'utf8')) as {
  objects: KubeObject[];
  jsonpath: { object: string; templates: string[] };
};
const goldens = JSON.parse(readFileSync(join(here, 'printer-goldens.json'), 'utf8')) as Record<string, Golden>;

/** What kubectl would print for `fn`: its output, or the rendered error. */
function outcome(fn: () => string): { stdout: string; stderr: string; code: number } {
  try {
    return { stdout: fn(), stderr: '', code: 0 };
  } catch (e) {
    const r = renderError(new KubectlError((e as Error).message));
    return { stdout: '', stderr: r.text, code: r.exitCode };
  }
}

const same = (got: ReturnType<typeof outcome>, want: Golden) => {
  assert.equal(got.stdout, want.stdout);
  assert.equal(got.stderr, want.stderr);
  assert.equal(got.code, want.code);
};

for (const obj of cases.objects) {
  const name = obj.metadata!.name!;
  test(`yaml: ${name}`, () => same(outcome(() => toYaml(obj)), goldens[`${name} yaml`]));
  test(`json: ${name}`, () => same(outcome(() => toGoJson(obj, { indent: '    ', sortKeys: true }) + '\n'), goldens[`${name} json`]));
}

const pod = cases.objects.find((o) => o.metadata?.name === cases.jsonpath.object)!;
for (const t of cases.jsonpath.templates) {
  test(`jsonpath: ${t}`, () => same(outcome(() => makePrinter({ output: `jsonpath=${t}` }).print(pod)), goldens[`jsonpath ${t}`]));
}
