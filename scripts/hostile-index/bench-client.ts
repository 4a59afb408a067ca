// The index client's and resolver's own cost per request, without HTTP: many-deps and many-versions answered by an in-memory fetch.
// Usage: npx tsx scripts/hostile-index/bench-client.ts [dependencies=10000] [versions=100000]
import { createIndexClient } from "../../workers/index/index-client";
import { resolveRequest } from "../../workers/resolve/resolve";
import { request } from "../../workers/resolve/test-support/fixture-resolve";
import { coreMetadata, fileEntry, listingJson, manyVersionsListing } from "./payloads";
import { measured } from "./run-attack";

const dependencies = Number(process.argv[2] ?? 10_000);
const versions = Number(process.argv[3] ?? 100_000);
const ROOT = "http://bench.invalid/simple/";
const JSON_TYPE = { "content-type": "application/vnd.pypi.simple.v1+json" };

/** Answers like the hostile index's many-deps and many-versions attacks, from memory. */
function memoryFetch(): { fetch: typeof fetch; requests: () => number } {
  let requests = 0;
  const manyListing = [...manyVersionsListing("many", versions)].join("");
  const fetchImpl = (input: RequestInfo | URL): Promise<Response> => {
    requests += 1;
    const url = new URL(typeof input === "string" ? input : input instanceof URL ? input.href : input.url);
    const parts = url.pathname.split("/");
    if (parts[1] === "simple") {
      const name = parts[2];
      if (name === "many") return Promise.resolve(new Response(manyListing, { headers: JSON_TYPE }));
      return Promise.resolve(new Response(listingJson(name, [fileEntry(name, "1.0")]), { headers: JSON_TYPE }));
    }
    if (parts[1] === "files") {
      const [dist, version] = parts[2].split("-");
      const name = dist.replace(/_/g, "-");
      const requires = name === "root" ? Array.from({ length: dependencies }, (_, i) => `dep-${i}`) : [];
      return Promise.resolve(new Response(coreMetadata(name, version, requires)));
    }
    return Promise.resolve(new Response("Not Found", { status: 404 }));
  };
  return { fetch: fetchImpl as typeof fetch, requests: () => requests };
}

for (const [what, requirement] of [
  [`${dependencies} dependencies`, "root"],
  [`${versions} versions`, "many"],
] as const) {
  const memory = memoryFetch();
  const client = createIndexClient({ indexUrl: ROOT, fetch: memory.fetch, noCache: true });
  const { value, realMs, peakHeapMiB } = await measured(() =>
    resolveRequest({ ...request([requirement]), indexUrl: ROOT }, { source: client, now: () => performance.now() }),
  );
  const status = value.status === "resolved" ? `resolved ${value.packages.length}` : value.status;
  console.log(`${what.padEnd(18)} ${status.padEnd(16)} ${(realMs / 1000).toFixed(1).padStart(6)} s  ${String(memory.requests()).padStart(6)} requests  ${((realMs * 1000) / memory.requests()).toFixed(0).padStart(6)} µs/request  heap +${peakHeapMiB.toFixed(0)} MiB`);
}
