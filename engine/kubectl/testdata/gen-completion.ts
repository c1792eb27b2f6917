// Dev tool: re-captures `kubectl completion SHELL` from the reference binary into
// cmd/docs/completion-scripts.ts. Run where /usr/bin/kubectl exists:
//   node --import tsx engine/kubectl/testdata/gen-completion.ts
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const shells = ['bash', 'zsh', 'fish', 'powershell'];
let out =
  '// The shell completion scripts `kubectl completion SHELL` prints, captured from the reference\n' +
  '// kubectl v1.32 (cobra completion V2: the scripts are generic and call back `kubectl __complete`).\n' +
  '// Output we must match, kept as data; regenerate with testdata/gen-completion.ts.\n\n' +
  'export const completionScripts: Record<string, string> = {\n';
for (const s of shells) {
  const text = execFileSync('/usr/bin/kubectl', ['completion', s], { encoding: 'utf8', env: { PATH: '/usr/bin:/bin', HOME: '/tmp' } });
  out += `  ${s}: ${JSON.stringify(text)},\n`;
}
out += '};\n';
writeFileSync(join(here, '..', 'cmd', 'docs', 'completion-scripts.ts'), out);
console.log('wrote cmd/docs/completion-scripts.ts');
