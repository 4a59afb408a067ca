// The `tangle` program: runs the command over the process's standard streams and sets its exit status.
// Run it with `npx tsx workers/cli-main.ts`; the built command (dist-cli/, scripts/build-cli.ts) starts here too.
import { readFileSync } from "node:fs";
import { runCli, type CliIo } from "./cli";

const io: CliIo = {
  stdin: () => readFileSync(0, "utf8"),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
};
runCli(process.argv.slice(2), io).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    process.stderr.write(`tangle: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 70;
  },
);
