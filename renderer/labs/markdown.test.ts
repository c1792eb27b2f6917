import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseMarkdown } from './markdown';

test('lab Markdown: paragraphs joined, inline code, command fences', () => {
  const blocks = parseMarkdown('A **ReplicaSet** keeps\n`replicas` pods.\n\n```console\nkubectl get rs -n dev\n\nkubectl get pods -n dev\n```\n- one\n- two');
  assert.deepEqual(blocks[0], { kind: 'paragraph', inlines: [{ kind: 'text', text: 'A ' }, { kind: 'strong', text: 'ReplicaSet' }, { kind: 'text', text: ' keeps ' }, { kind: 'code', text: 'replicas' }, { kind: 'text', text: ' pods.' }] });
  assert.deepEqual(blocks[1], { kind: 'code', lang: 'console', text: 'kubectl get rs -n dev\n\nkubectl get pods -n dev', commands: ['kubectl get rs -n dev', 'kubectl get pods -n dev'] });
  assert.equal(blocks[2].kind, 'list');
});
