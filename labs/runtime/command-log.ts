// Turns successive reads of ~/.bash_history into new command entries. The file is a list that
// grows at the end and drops its oldest lines past 1000, so the new lines are what follows the
// longest overlap between the end of the last read and the start of this one.

export function newLines(known: readonly string[], current: readonly string[]): string[] {
  if (known.length === 0) return [...current];
  for (let drop = 0; drop < known.length; drop++) {
    const tail = known.length - drop;
    if (tail > current.length) continue;
    let same = true;
    for (let i = 0; i < tail; i++) {
      if (known[drop + i] !== current[i]) {
        same = false;
        break;
      }
    }
    if (same) return current.slice(tail);
  }
  return [...current];
}
