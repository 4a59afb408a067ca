// Benchmark: Simple API listing latency for big projects (cold and warm), against a static server of the same bytes.
// Run: npx tsx scripts/fixture-index/bench-listing.ts

import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { startFixtureIndex } from "./server";

const JSON_ACCEPT = { Accept: "application/vnd.pypi.simple.v1+json" };

async function timed(url: string, headers: Record<string, string> = {}): Promise<{ ms: number; body: Buffer }> {
  const t = performance.now();
  const res = await fetch(url, { headers });
  const body = Buffer.from(await res.arrayBuffer());
  if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
  return { ms: performance.now() - t, body };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

const index = await startFixtureIndex({ port: 0 });
const start = performance.now();
await timed(`${index.url}/snapshot-2020/simple/`, JSON_ACCEPT);
console.log(`load snapshot-2020 union + render its project list: ${(performance.now() - start).toFixed(0)} ms`);

for (const project of ["setuptools", "botocore"]) {
  const url = `${index.url}/snapshot-2020/simple/${project}/`;
  const cold = await timed(url, JSON_ACCEPT);
  const warm: number[] = [];
  for (let i = 0; i < 25; i++) warm.push((await timed(url, JSON_ACCEPT)).ms);
  const files = (JSON.parse(cold.body.toString()) as { files: unknown[] }).files.length;

  // Reference: a bare Node server answering with the same bytes.
  const ref = createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": "application/json", "Content-Length": String(cold.body.length) });
    res.end(cold.body);
  });
  await new Promise<void>((resolve) => ref.listen(0, "127.0.0.1", resolve));
  const refUrl = `http://127.0.0.1:${(ref.address() as AddressInfo).port}/`;
  const base: number[] = [];
  for (let i = 0; i < 25; i++) base.push((await timed(refUrl)).ms);
  await new Promise<void>((resolve) => ref.close(() => resolve()));

  const w = median(warm);
  const b = median(base);
  console.log(
    `${project}: ${files} files, ${(cold.body.length / 1024).toFixed(0)} KiB; cold ${cold.ms.toFixed(1)} ms; ` +
      `warm median ${w.toFixed(2)} ms; static server ${b.toFixed(2)} ms; warm/static ${(w / b).toFixed(2)}x`,
  );
}
await index.close();
