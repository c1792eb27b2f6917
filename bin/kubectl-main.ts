// bin/kubectl: the bundled kubectl emulator as a standalone process (a host terminal's kubectl).
import { main } from '../engine/kubectl/main';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
