// CLI entry of the fixture package index: `npm run index -- --port 8080 [--latency-ms N] [--fail-rate F] ...`.

import { USAGE, parseCliArgs } from "./fixture-index/cli-options";
import { startFixtureIndex } from "./fixture-index/server";

const parsed = parseCliArgs(process.argv.slice(2));
if (!parsed.ok) {
  console.error(parsed.message);
  process.exit(2);
}
if (parsed.help) {
  console.log(USAGE);
  process.exit(0);
}
try {
  const index = await startFixtureIndex(parsed.options);
  console.log(`Fixture index on ${index.url}`);
  for (const m of index.indexes) console.log(`  ${m.kind.padEnd(14)} ${index.url}/${m.prefix}/simple/`);
  const stop = (): void => {
    index.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
}
