// Reads every corpus file (test/differential/corpus/*.txt), in name order.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCorpus, type Sequence } from './corpus-format';

export const corpusDir = join(dirname(fileURLToPath(import.meta.url)), 'corpus');

export function loadCorpus(filter?: string): Sequence[] {
  const seqs: Sequence[] = [];
  for (const f of readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).sort()) {
    seqs.push(...parseCorpus(readFileSync(join(corpusDir, f), 'utf8'), `corpus/${f}`));
  }
  return filter ? seqs.filter((s) => `${s.source} ${s.name}`.includes(filter)) : seqs;
}
