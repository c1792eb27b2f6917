// A stand-in for `kubelab shell --node N --kubeconfig F` in host tests: a prompt and a line echo.
import { createInterface } from 'node:readline';
const node = process.argv[process.argv.indexOf('--node') + 1];
const prompt = `[root@${node} ~]# `;
process.stdout.write(prompt);
createInterface({ input: process.stdin }).on('line', (line) => {
  if (line === 'exit') process.exit(0);
  process.stdout.write(`you typed: ${line}\r\n${prompt}`);
});
