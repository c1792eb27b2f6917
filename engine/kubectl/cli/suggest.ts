// Upstream: spf13/cobra command.go (SuggestionsFor) and cobra.go (ld).
// A typed name is suggested a command when it is within Levenshtein distance 2
// (case-insensitive) or is a prefix of the command's name, or listed in its SuggestFor.

export interface SuggestCandidate {
  name: string;
  hidden?: boolean;
  suggestFor?: string[];
}

export const suggestionsMinimumDistance = 2;

export function suggestionsFor(typed: string, candidates: SuggestCandidate[]): string[] {
  const out: string[] = [];
  for (const c of candidates) {
    if (c.hidden) continue;
    const d = levenshtein(typed, c.name, true);
    const byDistance = d <= suggestionsMinimumDistance;
    const byPrefix = c.name.toLowerCase().startsWith(typed.toLowerCase());
    if (byDistance || byPrefix) {
      out.push(c.name);
      continue;
    }
    if (c.suggestFor?.includes(typed)) out.push(c.name);
  }
  return out;
}

export function levenshtein(a: string, b: string, ignoreCase: boolean): number {
  if (ignoreCase) {
    a = a.toLowerCase();
    b = b.toLowerCase();
  }
  const s = [...a];
  const t = [...b];
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
    }
    prev = cur;
  }
  return prev[t.length];
}

/** The text cobra appends to "unknown command" errors. */
export function suggestionsText(typed: string, candidates: SuggestCandidate[]): string {
  const found = suggestionsFor(typed, candidates);
  if (found.length === 0) return '';
  return '\n\nDid you mean this?\n' + found.map((s) => `\t${s}\n`).join('');
}
