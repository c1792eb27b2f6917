// Dev tool: records what the reference kubectl (/usr/bin/kubectl) prints for every case in
// cases.json, into goldens.json. Run it where the reference binary exists:
//   node --import tsx engine/kubectl/testdata/capture.ts
// Each case runs in a fresh directory holding the fixture kubeconfigs, with HOME fixed.
// klog headers (time, pid) are normalised so the goldens are stable.

import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalizeKlog, type Case, type Golden, fixtureFiles, goldenHome } from './golden-format';

const here = dirname(fileURLToPath(import.meta.url));
const cases = JSON.parse(readFileSync(join(here, 'cases.json'), 'utf8')) as Case[];
const out: Golden[] = [];
for (const c of cases) {
  const dir = mkdtempSync(join(tmpdir(), 'kubectl-golden-'));
  for (const f of fixtureFiles) cpSync(join(here, f), join(dir, f));
  rmSync(goldenHome, { recursive: true, force: true });
  const r = spawnSync('/usr/bin/kubectl', c.args, {
    cwd: dir,
    env: { PATH: '/usr/bin:/bin', HOME: goldenHome, ...(c.env ?? {}) },
    encoding: 'utf8',
  });
  const g: Golden = { name: c.name, stdout: r.stdout, stderr: normalizeKlog(r.stderr), code: r.status ?? -1 };
  if (c.checkFiles) {
    g.files = {};
    for (const f of c.checkFiles) g.files[f] = existsSync(join(dir, f)) ? readFileSync(join(dir, f), 'utf8') : null;
  }
  out.push(g);
  rmSync(dir, { recursive: true, force: true });
}
writeFileSync(join(here, 'goldens.json'), JSON.stringify(out, null, 1) + '\n');
console.log(`recorded ${out.length} cases`);

// Printer corpus: `kubectl label --local -f obj.json <absent-key>-` is an identity edit that
// runs any object through kubectl's unstructured YAML, JSON and JSONPath printers offline.
interface PrinterCases {
  objects: { metadata: { name: string } }[];
  jsonpath: { object: string; templates: string[] };
}
const pc = JSON.parse(readFileSync(join(here, 'printer-cases.json'), 'utf8')) as PrinterCases;
const printed: Record<string, Golden> = {};
const pdir = mkdtempSync(join(tmpdir(), 'kubectl-printer-'));
const viaLabel = (file: string, output: string): Golden => {
  const r = spawnSync('/usr/bin/kubectl', ['label', '--local', '-f', file, 'kubelab-absent-', '-o', output], {
    cwd: pdir,
    env: { PATH: '/usr/bin:/bin', HOME: goldenHome, KUBECONFIG: '/dev/null' },
    encoding: 'utf8',
  });
  return { name: `${file} -o ${output}`, stdout: r.stdout, stderr: normalizeKlog(r.stderr), code: r.status ?? -1 };
};
for (const o of pc.objects) {
  const file = `${o.metadata.name}.json`;
  writeFileSync(join(pdir, file), JSON.stringify(o));
  for (const fmt of ['yaml', 'json']) printed[`${o.metadata.name} ${fmt}`] = viaLabel(file, fmt);
}
for (const t of pc.jsonpath.templates) printed[`jsonpath ${t}`] = viaLabel(`${pc.jsonpath.object}.json`, `jsonpath=${t}`);
rmSync(pdir, { recursive: true, force: true });
writeFileSync(join(here, 'printer-goldens.json'), JSON.stringify(printed, null, 1) + '\n');
console.log(`recorded ${Object.keys(printed).length} printer outputs`);
