import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUNDLED_LABS_DIR, loadLabPack } from './lab-loader';

const good = readFileSync(join(BUNDLED_LABS_DIR, 'canary', 'lab.yaml'), 'utf8');

function load(text: string): string {
  const root = mkdtempSync(join(tmpdir(), 'kubelab-loader-'));
  mkdirSync(join(root, 'canary'));
  writeFileSync(join(root, 'canary', 'lab.yaml'), text);
  try {
    loadLabPack(join(root, 'canary'), root);
    return 'ok';
  } catch (e) {
    return (e as Error).message;
  }
}

test('the bundled canary pack loads', () => {
  assert.equal(load(good), 'ok');
});

test('errors name the file, the line, the field and the problem', () => {
  assert.equal(load(good.replace('topology: course', 'topology: minikube')), 'canary/lab.yaml:11:1: topology: must be one of "course", "k8s-master"');
  assert.match(load(good.replace('    points: 50\n    title:', '    points: 50\n    pionts: 5\n    title:')), /^canary\/lab\.yaml:\d+:5: checkpoints\[0\]\.pionts: unknown field "pionts"$/);
  assert.match(load(good.replace(/summary:\n {2}en: .*\n/, 'summary:\n')), /^canary\/lab\.yaml:\d+:\d+: summary: missing required field "en"$/);
  assert.match(load(good.replace('    step: resume', '    step: resumed')), /checkpoints\[1\]\.step: no step "resumed" \(steps: look, pause, resume\)$/);
  assert.match(load(good.replace('    requires: [canary-paused]', '    requires: [nope]')), /checkpoints\[1\]\.requires\[0\]: no checkpoint "nope"$/);
  assert.match(load(good.replace("snapshots('v1', 'Pod', 'dev').exists(s,", "snapshots('v1', 'Pod', 'dev').exists(s")), /checkpoints\[0\]\.expr: invalid CEL: at \d+:\d+/);
  assert.match(load(good.replace('id: canary', 'id: other')), /^canary\/lab\.yaml:\d+:1: id: is "other" but the folder is "canary"/);
  assert.match(load(good.replace('    points: 50\n    title:', '    points: 50\n    requires: [canary-resumed]\n    title:')), /checkpoints: checkpoints require each other in a cycle: canary-paused -> canary-resumed -> canary-paused/);
});
