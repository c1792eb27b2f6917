// The differential corpus format: text files of sequences, each a list of steps. See README.md.
//
//   ## sequence-name [twin]        starts a sequence ([twin]: mutating, see below)
//   # comment                      ignored
//   $ kubectl create ns dev        setup: run with the reference kubectl only, not compared
//   kubectl get pods -n dev        compared: run with both kubectls, outputs compared
//   @file name.yaml <<EOF ... EOF  writes a file into the sequence's working directory
//   @stdin <<EOF ... EOF           standard input for the next compared/setup command
//   @sleep 1.5                     waits (seconds)
//   @settle [namespace]            waits until no pod is Pending/ContainerCreating (max 20 s)
//   @known <reason>                the next compared command is a known, explained mismatch
//   @cleanup kubectl delete ns dev setup run after each pass against an external cluster

export interface Step {
  kind: 'setup' | 'compare' | 'file' | 'sleep' | 'settle' | 'cleanup';
  /** argv after `kubectl` for setup/compare/cleanup. */
  argv?: string[];
  /** The line as written (reports). */
  text: string;
  line: number;
  file?: { name: string; content: string };
  stdin?: string;
  seconds?: number;
  namespace?: string;
  known?: string;
}

export interface Sequence {
  name: string;
  source: string;
  line: number;
  /** Mutating sequences run whole, once per kubectl, each on its own fresh engine. */
  twin: boolean;
  steps: Step[];
}

/** POSIX-shell-like word splitting: single and double quotes, backslash escapes. */
export function shellWords(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  let has = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === "'") {
      const j = s.indexOf("'", i + 1);
      if (j < 0) throw new Error(`unterminated quote in: ${s}`);
      cur += s.slice(i + 1, j);
      has = true;
      i = j;
    } else if (c === '"') {
      i++;
      for (; i < s.length && s[i] !== '"'; i++) {
        if (s[i] === '\\' && i + 1 < s.length && '"\\$`'.includes(s[i + 1])) i++;
        cur += s[i];
      }
      if (i >= s.length) throw new Error(`unterminated quote in: ${s}`);
      has = true;
    } else if (c === '\\' && i + 1 < s.length) {
      cur += s[++i];
      has = true;
    } else if (c === ' ' || c === '\t') {
      if (has) out.push(cur);
      cur = '';
      has = false;
    } else {
      cur += c;
      has = true;
    }
  }
  if (has) out.push(cur);
  return out;
}

function kubectlArgv(rest: string, where: string): string[] {
  const words = shellWords(rest);
  if (words[0] !== 'kubectl') throw new Error(`${where}: commands must start with kubectl: ${rest}`);
  return words.slice(1);
}

export function parseCorpus(text: string, source: string): Sequence[] {
  const lines = text.split('\n');
  const seqs: Sequence[] = [];
  let cur: Sequence | undefined;
  let pendingKnown: string | undefined;
  let pendingStdin: string | undefined;
  const heredoc = (i: number, marker: string): { body: string; end: number } => {
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && lines[j] !== marker; j++) body.push(lines[j]);
    if (j >= lines.length) throw new Error(`${source}:${i + 1}: heredoc without ${marker}`);
    return { body: body.join('\n') + '\n', end: j };
  };
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    const line = raw.trim();
    const where = `${source}:${i + 1}`;
    if (line === '' || (line.startsWith('#') && !line.startsWith('##'))) continue;
    if (line.startsWith('##')) {
      const m = /^##\s*(.+?)\s*(\[twin\])?$/.exec(line);
      if (!m) throw new Error(`${where}: bad sequence header`);
      cur = { name: m[1], source, line: i + 1, twin: !!m[2], steps: [] };
      seqs.push(cur);
      continue;
    }
    if (!cur) throw new Error(`${where}: step before the first ## sequence header`);
    const step = (s: Omit<Step, 'line' | 'text'>): Step => ({ ...s, line: i + 1, text: line });
    if (line.startsWith('@file ')) {
      const m = /^@file\s+(\S+)\s+<<(\w+)$/.exec(line);
      if (!m) throw new Error(`${where}: expected @file NAME <<MARKER`);
      const { body, end } = heredoc(i, m[2]);
      cur.steps.push(step({ kind: 'file', file: { name: m[1], content: body } }));
      i = end;
    } else if (line.startsWith('@stdin ')) {
      const m = /^@stdin\s+<<(\w+)$/.exec(line);
      if (!m) throw new Error(`${where}: expected @stdin <<MARKER`);
      const { body, end } = heredoc(i, m[1]);
      pendingStdin = body;
      i = end;
    } else if (line.startsWith('@sleep ')) {
      cur.steps.push(step({ kind: 'sleep', seconds: Number(line.slice(7)) }));
    } else if (line === '@settle' || line.startsWith('@settle ')) {
      cur.steps.push(step({ kind: 'settle', namespace: line.slice(8).trim() || undefined }));
    } else if (line.startsWith('@known ')) {
      pendingKnown = line.slice(7).trim();
    } else if (line.startsWith('@cleanup ')) {
      cur.steps.push(step({ kind: 'cleanup', argv: kubectlArgv(line.slice(9).trim(), where) }));
    } else if (line.startsWith('$ ')) {
      cur.steps.push(step({ kind: 'setup', argv: kubectlArgv(line.slice(2).trim(), where), stdin: pendingStdin }));
      pendingStdin = undefined;
    } else if (line.startsWith('kubectl')) {
      cur.steps.push(step({ kind: 'compare', argv: kubectlArgv(line, where), stdin: pendingStdin, known: pendingKnown }));
      pendingStdin = undefined;
      pendingKnown = undefined;
    } else {
      throw new Error(`${where}: unrecognised line: ${line}`);
    }
  }
  return seqs;
}
