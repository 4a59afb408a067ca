// Benchmark: listings as big as pypi.org's (botocore: thousands of releases; numpy: dozens of wheels per release), PEP 691
// JSON parsed, built into a listing, judged for a target and a candidate chosen, at 1x, 2x and 4x the size. Prints the
// time per doubling (about 2x when no step is quadratic) and the ratio to JSON.parse of the same text (the floor).
// Usage: npx tsx scripts/bench-big-listing.ts
import { VersionRange } from "../workers/packaging/ranges";
import { parseVersion } from "../workers/packaging/version";
import { buildProjectListing } from "../workers/index/project-listing";
import { parseSimplePage } from "../workers/index/simple-page";
import { prepareRequest } from "../workers/resolve/prepare-request";
import { projectCandidates } from "../workers/resolve/project-candidates";
import { request } from "../workers/resolve/test-support/fixture-resolve";

const PAGE = "https://pypi.org/simple/";
const hex = (n: number) => n.toString(16).padStart(64, "0");

interface FileSpec {
  filename: string;
  requiresPython: string | null;
}

/** A PEP 691 page with pypi.org's field set, as warehouse serves it. */
function page(name: string, releases: { version: string; files: FileSpec[] }[]): string {
  let n = 0;
  const files = releases.flatMap((r) =>
    r.files.map((f) => {
      n++;
      return {
        "core-metadata": f.filename.endsWith(".whl") ? { sha256: hex(n * 7) } : false,
        "data-dist-info-metadata": f.filename.endsWith(".whl") ? { sha256: hex(n * 7) } : false,
        filename: f.filename,
        hashes: { sha256: hex(n) },
        "requires-python": f.requiresPython,
        size: 1000 + n,
        "upload-time": new Date(Date.UTC(2015, 0, 1) + n * 3_600_000).toISOString(),
        url: `https://files.pythonhosted.org/packages/${hex(n).slice(0, 2)}/${hex(n).slice(2, 4)}/${hex(n).slice(4)}/${f.filename}`,
        yanked: false,
      };
    }),
  );
  return JSON.stringify({ files, meta: { "_last-serial": 1, "api-version": "1.1" }, name, versions: releases.map((r) => r.version) });
}

/** botocore: `count` releases 1.x.y, each a universal wheel and an sdist. */
function botocore(count: number): string {
  const releases = Array.from({ length: count }, (_, i) => {
    const version = `1.${Math.floor(i / 100)}.${i % 100}`;
    return {
      version,
      files: [
        { filename: `botocore-${version}-py3-none-any.whl`, requiresPython: ">= 3.7" },
        { filename: `botocore-${version}.tar.gz`, requiresPython: ">= 3.7" },
      ],
    };
  });
  return page("botocore", releases);
}

const NUMPY_TAGS = [
  ...["cp39", "cp310", "cp311", "cp312", "cp313"].flatMap((py) => [
    `${py}-${py}-manylinux_2_17_x86_64.manylinux2014_x86_64`,
    `${py}-${py}-manylinux_2_17_aarch64.manylinux2014_aarch64`,
    `${py}-${py}-musllinux_1_1_x86_64`,
    `${py}-${py}-macosx_10_9_x86_64`,
    `${py}-${py}-macosx_11_0_arm64`,
    `${py}-${py}-win_amd64`,
    `${py}-${py}-win32`,
  ]),
  "pp39-pypy39_pp73-manylinux_2_17_x86_64.manylinux2014_x86_64",
];

/** numpy: `count` releases, each with 36 wheels and an sdist. */
function numpy(count: number): string {
  const releases = Array.from({ length: count }, (_, i) => {
    const version = `1.${Math.floor(i / 10)}.${i % 10}`;
    return {
      version,
      files: [
        ...NUMPY_TAGS.map((tags) => ({ filename: `numpy-${version}-${tags}.whl`, requiresPython: ">=3.9" })),
        { filename: `numpy-${version}.tar.gz`, requiresPython: ">=3.9" },
      ],
    };
  });
  return page("numpy", releases);
}

const prepared = prepareRequest(request(["numpy"], { target: { implementation: "cpython", pythonVersion: "3.12", os: "linux", arch: "x86_64" } }));
if (!prepared.ok) throw new Error(prepared.message);
const context = prepared.prepared.options;
const range = VersionRange.upperBounded(parseVersion("1.5"), false);

/** Parse, build, judge and choose (the first candidate in range, as the provider does): ms, best of several runs. */
function measure(name: string, text: string): { ms: number; jsonMs: number; files: number; chosen: string } {
  let best = Infinity;
  let jsonBest = Infinity;
  let files = 0;
  let chosen = "";
  for (let run = 0; run < 5; run++) {
    const t0 = performance.now();
    JSON.parse(text);
    jsonBest = Math.min(jsonBest, performance.now() - t0);
    const started = performance.now();
    const parsed = parseSimplePage(text, "application/vnd.pypi.simple.v1+json", `${PAGE}${name}/`);
    const listing = buildProjectListing(parsed, { name, indexUrl: PAGE, pageUrl: `${PAGE}${name}/`, fetchedAt: 0 });
    const judged = projectCandidates(listing, context);
    const pick = judged.candidates.find((c) => range.contains(c.version));
    best = Math.min(best, performance.now() - started);
    files = parsed.files.length;
    chosen = pick?.version.toString() ?? "none";
  }
  return { ms: best, jsonMs: jsonBest, files, chosen };
}

console.log(`${"listing".padEnd(26)} ${"files".padStart(7)} ${"KB".padStart(7)} ${"ms".padStart(8)} ${"x JSON.parse".padStart(13)} ${"x previous".padStart(11)}  chosen <1.5`);
let worstGrowth = 0;
for (const [label, make, sizes] of [
  ["botocore", botocore, [1500, 3000, 6000]],
  ["numpy", numpy, [60, 120, 240]],
] as const) {
  let previous: number | null = null;
  for (const size of sizes) {
    const text = make(size);
    const m = measure(label, text);
    const growth = previous === null ? null : m.ms / previous;
    if (growth !== null) worstGrowth = Math.max(worstGrowth, growth);
    console.log(
      `${`${label} (${size} releases)`.padEnd(26)} ${String(m.files).padStart(7)} ${(text.length / 1024).toFixed(0).padStart(7)} ${m.ms.toFixed(1).padStart(8)} ${(m.ms / m.jsonMs).toFixed(1).padStart(12)}x ${growth === null ? "".padStart(11) : `${growth.toFixed(2)}x`.padStart(11)}  ${m.chosen}`,
    );
    previous = m.ms;
  }
}
console.log(`\ntime per doubling of the listing: worst ${worstGrowth.toFixed(2)}x (linear is 2x; quadratic would be 4x; target <= 2.5x)`);
