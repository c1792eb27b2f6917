// Default tab completion: command names (builtins, functions, aliases, registered commands) in
// command position, `$VARIABLES`, and file names everywhere else.
import type { Completion } from './line-editor';
import type { Interpreter } from './interpreter';
import { resolvePath } from './virtual-fs';

/** Finds the word being completed: from the last unquoted blank or operator before the cursor. */
export function currentWord(line: string, cursor: number): { start: number; word: string; commandPosition: boolean } {
  let start = 0;
  let quote: string | undefined;
  let lastOperatorEnd = 0;
  let wordsSinceOperator = 0;
  let inWord = false;
  for (let i = 0; i < cursor; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = undefined;
      continue;
    }
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      if (!inWord) {
        inWord = true;
        start = i;
      }
      continue;
    }
    if (/[\s]/.test(c)) {
      if (inWord) wordsSinceOperator++;
      inWord = false;
      start = i + 1;
      continue;
    }
    if (/[|&;()<>]/.test(c)) {
      if (inWord) wordsSinceOperator++;
      inWord = false;
      start = i + 1;
      if (c !== '<' && c !== '>') {
        lastOperatorEnd = i + 1;
        wordsSinceOperator = 0;
      } else wordsSinceOperator = 1; // a redirection target is a file
      continue;
    }
    if (!inWord) {
      inWord = true;
      start = i;
    }
  }
  void lastOperatorEnd;
  const word = line.slice(start, cursor);
  // Leading assignments (A=1 cmd) do not count as the command word.
  const before = line.slice(0, start);
  const commandPosition = wordsSinceOperator === 0 || /(^|[|&;(])\s*(\w+=\S*\s+)+$/.test(before);
  return { start, word, commandPosition };
}

function unquote(word: string): string {
  return word.replace(/\\(.)/g, '$1').replace(/^["']|["']$/g, '');
}

function escapeName(name: string): string {
  return name.replace(/([\s'"\\$`&|;()<>*?[\]!#{}])/g, '\\$1');
}

export function createDefaultCompleter(shell: () => Interpreter): (line: string, cursor: number) => Promise<Completion> {
  return async (line, cursor) => {
    const sh = shell();
    const { start, word, commandPosition } = currentWord(line, cursor);
    if (word.startsWith('$') && !word.includes('/')) {
      const prefix = word.slice(word.startsWith('${') ? 2 : 1);
      const names = [...sh.state.vars.keys()].filter((n) => n.startsWith(prefix)).sort();
      return { candidates: names.map((n) => (word.startsWith('${') ? '${' + n + '}' : '$' + n)), replaceFrom: start };
    }
    if (commandPosition && !word.includes('/') && !word.startsWith('~')) {
      const names = sh.commandNames().filter((n) => n.startsWith(word));
      // A directory in the current directory also completes in command position (`cd`-less use is rare).
      return { candidates: names, replaceFrom: start };
    }
    return completeFile(sh, word, start);
  };
}

function completeFile(sh: Interpreter, rawWord: string, start: number): Completion {
  const word = unquote(rawWord);
  const slash = word.lastIndexOf('/');
  const dirPart = slash >= 0 ? word.slice(0, slash + 1) : '';
  const prefix = word.slice(slash + 1);
  const home = sh.get('HOME') ?? sh.shared.identity.home;
  const dirExpanded = dirPart.startsWith('~/') || dirPart === '~/' ? home + dirPart.slice(1) : dirPart;
  if (word.startsWith('~') && slash < 0) {
    return { candidates: [`~${sh.shared.identity.user}/`], replaceFrom: start };
  }
  const dir = resolvePath(sh.state.cwd, dirExpanded || '.');
  const fs = sh.shared.fs;
  if (!fs.isDirectory(dir)) return { candidates: [], replaceFrom: start };
  const names = fs.readdir(dir).filter((n) => n.startsWith(prefix) && (prefix.startsWith('.') || !n.startsWith('.')));
  const candidates: string[] = [];
  const display: string[] = [];
  for (const n of names) {
    const isDir = fs.isDirectory(resolvePath(dir, n));
    candidates.push(escapeName(dirPart) + escapeName(n) + (isDir ? '/' : ''));
    display.push(n + (isDir ? '/' : ''));
  }
  return { candidates, replaceFrom: start, display };
}
