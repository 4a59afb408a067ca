// The fixture index over real HTTP: pypi.org's shapes, negotiation, redirects, 404s, caching, CORS, faults, latency.

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startFixtureIndex } from "./server";
import type { FixtureIndex } from "./server";
import { readStoredZip } from "./stored-zip-reader";

// Verbatim pypi.org responses, copied into the repository by the index client (see its README for their source).
const SAMPLES = new URL("../../workers/index/samples", import.meta.url).pathname;
const CHALICE = fileURLToPath(new URL("../data/snapshots/pypi-2020-02-13-chalice.json", import.meta.url));
const SIMPLE_JSON = "application/vnd.pypi.simple.v1+json";
const PIP_ACCEPT = "application/vnd.pypi.simple.v1+json, application/vnd.pypi.simple.v1+html; q=0.1, text/html; q=0.01";

type Json = Record<string, unknown>;

interface SimpleFile {
  filename: string;
  url: string;
  hashes: { sha256: string; md5: string };
  "requires-python": string | null;
  yanked: boolean | string;
  "upload-time": string;
  size: number;
  "core-metadata": false | { sha256: string };
  "data-dist-info-metadata": false | { sha256: string };
}

interface SimpleProject {
  name: string;
  versions: string[];
  files: SimpleFile[];
  meta: { "api-version": string; "_last-serial": number };
}

function sample(path: string): Json {
  return JSON.parse(readFileSync(`${SAMPLES}/${path}`, "utf8")) as Json;
}

function keys(o: unknown): string[] {
  return Object.keys(o as Json).sort();
}

function sha256(data: Uint8Array | string): string {
  return createHash("sha256").update(data).digest("hex");
}

/** Anchors of a Simple HTML page: attribute maps (values HTML-unescaped) plus raw attribute text and link text. */
function anchors(html: string): { attrs: Map<string, string | true>; raw: string; text: string }[] {
  const unescape = (s: string): string => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");
  return [...html.matchAll(/<a\s([^>]*)>([^<]*)<\/a>/g)].map((m) => {
    const raw = m[1] ?? "";
    const attrs = new Map<string, string | true>();
    for (const a of raw.matchAll(/([a-z-]+)(?:="([^"]*)")?/g)) attrs.set(a[1] ?? "", a[2] === undefined ? true : unescape(a[2]));
    return { attrs, raw, text: unescape(m[2] ?? "") };
  });
}

let index: FixtureIndex;

async function get(path: string, headers: Record<string, string> = {}, method = "GET"): Promise<{ status: number; headers: Headers; body: Buffer }> {
  const res = await fetch(`${index.url}${path}`, { headers, redirect: "manual", method });
  return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
}

async function json<T>(path: string, accept = SIMPLE_JSON): Promise<T> {
  const r = await get(path, { Accept: accept });
  expect(r.status, path).toBe(200);
  return JSON.parse(r.body.toString("utf8")) as T;
}

const EDGE = {
  Foo_Bar: { "1.0": { dependencies: ["six (>=1.0)"], requiresPython: ">=3.8, <4" }, "2.0rc1": {} },
  "all-yanked": { "1.0": { yanked: true }, "2.0": { yanked: "bad" } },
};

beforeAll(async () => {
  index = await startFixtureIndex({ port: 0, scenarios: { edge: EDGE } });
});

afterAll(async () => {
  await index.close();
});

describe("Simple API JSON (PEP 691)", () => {
  it("serves a project page with exactly pypi.org's fields", async () => {
    const real = sample("simple-json/black.json");
    const r = await get("/scenarios/yanked/simple/pinned-lib/", { Accept: PIP_ACCEPT });
    expect(r.headers.get("content-type")).toBe(SIMPLE_JSON);
    expect(r.headers.get("vary")).toContain("Accept");
    const page = JSON.parse(r.body.toString()) as SimpleProject & Json;
    expect(keys(page)).toEqual(keys(real));
    expect(keys(page.meta)).toEqual(keys(real.meta));
    expect(page.meta["api-version"]).toBe("1.4");
    const realFile = (real.files as Json[])[0];
    for (const f of page.files) expect(keys(f)).toEqual(keys(realFile));
    expect(page.name).toBe("pinned-lib");
    expect(page.versions).toEqual(["1.0.0", "2.0.0", "2.1.0"]);
    expect(page.files.map((f) => f.yanked)).toEqual([false, "broken build, use 1.0.0", true]);
    for (const f of page.files) {
      expect(f["core-metadata"]).toEqual(f["data-dist-info-metadata"]);
      expect(f["core-metadata"]).toEqual({ sha256: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown });
      expect(f.url).toBe(`${index.url}/scenarios/yanked/files/${f.filename}`);
    }
  });

  it("lists the projects of an index with serials", async () => {
    const root = await json<{ meta: Json; projects: { name: string; "_last-serial": number }[] }>("/scenarios/edge/simple/");
    expect(keys(root)).toEqual(["meta", "projects"]);
    expect(root.projects.map((p) => p.name)).toEqual(["all-yanked", "Foo_Bar"]);
    for (const p of root.projects) expect(keys(p)).toEqual(["_last-serial", "name"]);
    expect(root.meta["api-version"]).toBe("1.4");
  });

  it("marks files without core metadata and carries per-file Requires-Python and yanks", async () => {
    const old = await json<SimpleProject>("/scenarios/unknown-metadata/simple/oldpkg/");
    expect(old.files.map((f) => [f.filename, f["core-metadata"] !== false])).toEqual([
      ["oldpkg-0.4.0-py3-none-any.whl", true],
      ["oldpkg-0.5.0.tar.gz", false],
    ]);
    const fast = await json<SimpleProject>("/scenarios/platform-wheels/simple/fastmath/");
    expect(fast.files.map((f) => f.filename)).toContain("fastmath-2.0.0-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl");
    expect(fast.files.filter((f) => f.filename.startsWith("fastmath-2.1.0")).every((f) => f["requires-python"] === ">=3.12")).toBe(true);
    const partial = await json<SimpleProject>("/scenarios/yanked/simple/partial/");
    expect(partial.files.map((f) => f.yanked)).toEqual(["wheel was built wrong <use the sdist>", false]);
  });
});

describe("Simple API HTML (PEP 503)", () => {
  it("uses only the attributes pypi.org uses, HTML-escaped, with the same hashes as the JSON", async () => {
    const sampleAttrs = new Set<string>();
    for (const f of ["black.html", "futures-partial-yank.html", "isort-metadata.html"]) {
      for (const a of anchors(readFileSync(`${SAMPLES}/simple-html/${f}`, "utf8"))) for (const k of a.attrs.keys()) sampleAttrs.add(k);
    }
    sampleAttrs.add("data-core-metadata"); // PEP 714's new name, which pypi.org now sends alongside the old one
    for (const path of ["/scenarios/yanked/simple/partial/", "/scenarios/requires-python/simple/modern-lib/"]) {
      const r = await get(path);
      expect(r.headers.get("content-type")).toBe("text/html; charset=utf-8");
      const html = r.body.toString();
      const js = await json<SimpleProject>(path);
      const links = anchors(html);
      expect(links.map((a) => a.text)).toEqual(js.files.map((f) => f.filename));
      links.forEach((a, i) => {
        const f = js.files[i];
        for (const k of a.attrs.keys()) expect(sampleAttrs.has(k), k).toBe(true);
        expect(a.attrs.get("href")).toBe(`${f?.url}#sha256=${f?.hashes.sha256}`);
        const meta = f?.["core-metadata"];
        expect(a.attrs.get("data-core-metadata")).toBe(meta ? `sha256=${meta.sha256}` : undefined);
        expect(a.attrs.get("data-dist-info-metadata")).toBe(a.attrs.get("data-core-metadata"));
        expect(a.attrs.get("data-requires-python")).toBe(f?.["requires-python"] ?? undefined);
        expect(a.attrs.get("data-yanked")).toBe(f?.yanked === false ? undefined : f?.yanked);
      });
    }
    const modern = (await get("/scenarios/requires-python/simple/modern-lib/")).body.toString();
    expect(modern).toContain('data-requires-python="&gt;=3.8, &lt;4"');
    const partial = (await get("/scenarios/yanked/simple/partial/")).body.toString();
    expect(partial).toContain('data-yanked="wheel was built wrong &lt;use the sdist&gt;"');
  });

  it("links projects from the index page by normalised name and titles pages with the display name", async () => {
    const html = (await get("/scenarios/edge/simple/")).body.toString();
    expect(anchors(html).map((a) => [a.attrs.get("href"), a.text])).toEqual([
      ["/scenarios/edge/simple/all-yanked/", "all-yanked"],
      ["/scenarios/edge/simple/foo-bar/", "Foo_Bar"],
    ]);
    expect((await get("/scenarios/edge/simple/foo-bar/")).body.toString()).toContain("<title>Links for Foo_Bar</title>");
  });
});

describe("content negotiation over HTTP", () => {
  it("picks the representation from Accept (q-values) or ?format=", async () => {
    const ct = async (accept: string | null, query = ""): Promise<string | null> =>
      (await get(`/scenarios/yanked/simple/${query}`, accept === null ? {} : { Accept: accept })).headers.get("content-type");
    expect(await ct(null)).toBe("text/html; charset=utf-8");
    expect(await ct("*/*")).toBe("text/html; charset=utf-8");
    expect(await ct(PIP_ACCEPT)).toBe(SIMPLE_JSON);
    expect(await ct("application/vnd.pypi.simple.v1+html")).toBe("application/vnd.pypi.simple.v1+html");
    expect(await ct("application/vnd.pypi.simple.v1+json;q=0.2, text/html;q=0.9")).toBe("text/html; charset=utf-8");
    expect(await ct("application/vnd.pypi.simple.latest+json")).toBe(SIMPLE_JSON);
    expect(await ct(null, "?format=application/vnd.pypi.simple.v1%2Bjson")).toBe(SIMPLE_JSON);
  });
});

describe("redirects and 404s", () => {
  it("redirects non-normalised names and missing slashes like PyPI", async () => {
    const loc = async (path: string): Promise<[number, string | null]> => {
      const r = await get(path);
      return [r.status, r.headers.get("location")];
    };
    expect(await loc("/scenarios/requires-python/simple/Modern_Lib/")).toEqual([301, "/scenarios/requires-python/simple/modern-lib/"]);
    expect(await loc("/scenarios/requires-python/simple/modern.lib")).toEqual([301, "/scenarios/requires-python/simple/modern-lib/"]);
    expect(await loc("/scenarios/requires-python/simple/modern-lib")).toEqual([301, "/scenarios/requires-python/simple/modern-lib/"]);
    expect(await loc("/scenarios/requires-python/simple")).toEqual([301, "/scenarios/requires-python/simple/"]);
    expect(await loc("/scenarios/requires-python/simple/Modern_Lib/?format=text/html")).toEqual([301, "/scenarios/requires-python/simple/modern-lib/?format=text/html"]);
    // The JSON API redirects to the display name (project.name on PyPI).
    expect(await loc("/scenarios/edge/pypi/foo-bar/json")).toEqual([301, "/scenarios/edge/pypi/Foo_Bar/json"]);
    expect(await loc("/scenarios/edge/pypi/FOO.BAR/1.0/json")).toEqual([301, "/scenarios/edge/pypi/Foo_Bar/1.0/json"]);
    const followed = await fetch(`${index.url}/scenarios/edge/simple/Foo.Bar/`, { headers: { Accept: SIMPLE_JSON } });
    expect(followed.status).toBe(200);
    expect(((await followed.json()) as SimpleProject).name).toBe("foo-bar");
  });

  it("answers 404 for unknown projects, versions, files and indexes, JSON API with {message}", async () => {
    expect((await get("/scenarios/yanked/simple/nope/")).status).toBe(404);
    const api = await get("/scenarios/yanked/pypi/nope/json");
    expect(api.status).toBe(404);
    expect(JSON.parse(api.body.toString())).toEqual({ message: "Not Found" });
    expect(api.headers.get("access-control-allow-origin")).toBe("*");
    expect(JSON.parse((await get("/scenarios/yanked/pypi/pinned-lib/9.9/json")).body.toString())).toEqual({ message: "Not Found" });
    expect((await get("/scenarios/yanked/files/pinned_lib-9.9-py3-none-any.whl")).status).toBe(404);
    expect((await get("/scenarios/yanked/files/partial-1.0.0.tar.gz.metadata")).status).toBe(404);
    expect((await get("/no-such-index/simple/")).status).toBe(404);
    expect((await get("/scenarios/yanked/elsewhere")).status).toBe(404);
  });
});

describe("files and core metadata", () => {
  it("serves bytes whose sha256 and size match the listing, as immutable, with the hash as ETag", async () => {
    const page = await json<SimpleProject>("/scenarios/platform-wheels/simple/fastmath/");
    for (const f of page.files) {
      const r = await get(new URL(f.url).pathname);
      expect(r.status).toBe(200);
      expect(sha256(r.body)).toBe(f.hashes.sha256);
      expect(r.body.length).toBe(f.size);
      expect(r.headers.get("content-length")).toBe(String(f.size));
      expect(r.headers.get("etag")).toBe(`"${f.hashes.sha256}"`);
      expect(r.headers.get("cache-control")).toContain("immutable");
    }
  });

  it("serves .metadata matching the listing's hash and the METADATA inside the wheel", async () => {
    const page = await json<SimpleProject>("/scenarios/extras-conflict/simple/web/");
    const f = page.files[0];
    const meta = f?.["core-metadata"];
    if (!f || !meta) throw new Error("web has a wheel with metadata");
    const text = (await get(`${new URL(f.url).pathname}.metadata`)).body.toString("utf8");
    expect(sha256(text)).toBe(meta.sha256);
    const wheel = readStoredZip(new Uint8Array((await get(new URL(f.url).pathname)).body));
    expect(wheel.get("web-1.0.0.dist-info/METADATA")?.toString("utf8")).toBe(text);
    expect(text.split("\n").filter((l) => /^(Provides-Extra|Requires-Dist):/.test(l))).toEqual([
      "Requires-Dist: aio>=1",
      "Provides-Extra: async",
      'Requires-Dist: aio>=2; extra == "async"',
      "Provides-Extra: sync",
      'Requires-Dist: blocking-io; extra == "sync"',
      'Requires-Dist: win-helper; (sys_platform == "win32") and extra == "sync"',
    ]);
  });

  it("puts each recorded release's exact dependencies in its metadata and JSON API, with ordered upload times", async () => {
    const snap = JSON.parse(readFileSync(CHALICE, "utf8")) as Record<string, Record<string, { dependencies: string[] }>>;
    const recorded = Date.parse("2020-02-13T00:00:00Z");
    for (const project of ["chalice", "attrs"]) {
      const page = await json<SimpleProject>(`/chalice/simple/${project}/`);
      expect(new Set(page.versions)).toEqual(new Set(Object.keys(snap[project] ?? {})));
      let last = 0;
      for (const f of page.files) {
        const version = page.versions.find((v) => f.filename === `${project}-${v}-py3-none-any.whl`) ?? "";
        const deps = snap[project]?.[version]?.dependencies ?? [];
        const meta = f["core-metadata"];
        if (!meta) throw new Error(`${f.filename} has metadata`);
        const text = (await get(`${new URL(f.url).pathname}.metadata`)).body.toString("utf8");
        expect(sha256(text)).toBe(meta.sha256);
        expect(text.split("\n").filter((l) => l.startsWith("Requires-Dist: ")).map((l) => l.slice(15))).toEqual(deps);
        expect(text).toContain("Summary: \n");
        expect(text).not.toContain("License:");
        const t = Date.parse(f["upload-time"]);
        expect(t).toBeGreaterThan(last);
        expect(t).toBeLessThan(recorded);
        last = t;
      }
      const v = page.versions.at(-1) ?? "";
      const rel = await json<{ info: Json }>(`/chalice/pypi/${project}/${v}/json`, "application/json");
      const deps = snap[project]?.[v]?.dependencies ?? [];
      expect(rel.info.requires_dist).toEqual(deps.length > 0 ? deps : null);
    }
  });
});

describe("JSON API", () => {
  it("serves a release with exactly pypi.org's fields", async () => {
    const real = sample("release-json/black/21.11b0.json");
    const rel = await json<Json & { info: Json; urls: Json[] }>("/scenarios/yanked/pypi/pinned-lib/2.0.0/json", "application/json");
    expect(keys(rel)).toEqual(keys(real));
    expect(keys(rel.info)).toEqual(keys(real.info));
    for (const u of rel.urls) expect(keys(u)).toEqual(keys((real.urls as Json[])[0]));
    expect(rel.info.yanked).toBe(true);
    expect(rel.info.yanked_reason).toBe("broken build, use 1.0.0");
    expect(rel.urls[0]?.yanked_reason).toBe("broken build, use 1.0.0");
    expect(rel.info.requires_dist).toBeNull();
    const page = await json<SimpleProject>("/scenarios/yanked/simple/pinned-lib/");
    expect((rel.urls[0]?.digests as Json).sha256).toBe(page.files[1]?.hashes.sha256);
    expect(rel.urls[0]?.upload_time_iso_8601).toBe(page.files[1]?.["upload-time"]);
  });

  it("serves a project: the latest non-yanked final release, plus every release's files", async () => {
    const real = sample("release-json/black/21.11b0.json");
    const beta = await json<Json & { info: Json; releases: Record<string, Json[]>; urls: Json[] }>("/scenarios/prereleases/pypi/beta-lib/json", "application/json");
    expect(keys(beta)).toEqual([...keys(real), "releases"].sort());
    expect(beta.info.version).toBe("1.0.0");
    expect(Object.keys(beta.releases)).toEqual(["1.0.0", "2.0.0a1", "2.0.0b2", "2.0.0rc1"]);
    expect(beta.urls).toEqual(beta.releases["1.0.0"]);
    expect((await json<{ info: Json }>("/scenarios/yanked/pypi/pinned-lib/json", "application/json")).info.version).toBe("1.0.0");
    expect((await json<{ info: Json }>("/scenarios/prereleases/pypi/next-only/json", "application/json")).info.version).toBe("0.1.0a1");
    expect((await json<{ info: Json }>("/scenarios/edge/pypi/all-yanked/json", "application/json")).info.version).toBe("2.0");
  });

  it("reports unknown dependencies as requires_dist null, known ones with extras", async () => {
    const unknown = await json<{ info: Json }>("/scenarios/unknown-metadata/pypi/oldpkg/0.5.0/json", "application/json");
    expect(unknown.info.requires_dist).toBeNull();
    const known = await json<{ info: Json }>("/scenarios/unknown-metadata/pypi/oldpkg/0.4.0/json", "application/json");
    expect(known.info.requires_dist).toEqual(["helper>=1"]);
    const edge = await json<{ info: Json; urls: Json[] }>("/scenarios/edge/pypi/Foo_Bar/1.0/json", "application/json");
    expect(edge.info.requires_python).toBe(">=3.8, <4");
    expect(edge.info.name).toBe("Foo_Bar");
    const tool = await json<{ info: Json }>("/scenarios/extras-conflict/pypi/tool/json", "application/json");
    expect(tool.info.provides_extra).toEqual(["old", "new"]);
  });
});

describe("HTTP behaviour", () => {
  it("answers If-None-Match with 304 for listings, JSON and files", async () => {
    for (const [path, accept] of [
      ["/scenarios/yanked/simple/pinned-lib/", SIMPLE_JSON],
      ["/scenarios/yanked/simple/pinned-lib/", "text/html"],
      ["/scenarios/yanked/pypi/pinned-lib/json", "application/json"],
      ["/scenarios/yanked/files/pinned_lib-1.0.0-py3-none-any.whl", "*/*"],
    ] as const) {
      const first = await get(path, { Accept: accept });
      const etag = first.headers.get("etag") ?? "";
      expect(etag).toMatch(/^"[0-9a-f]{32,64}"$/);
      expect(first.headers.get("cache-control")).toMatch(/max-age=\d+/);
      const again = await get(path, { Accept: accept, "If-None-Match": `W/"nope", W/${etag}` });
      expect(again.status).toBe(304);
      expect(again.body.length).toBe(0);
      expect(again.headers.get("etag")).toBe(etag);
      expect((await get(path, { Accept: accept, "If-None-Match": '"other"' })).status).toBe(200);
    }
    const html = (await get("/scenarios/yanked/simple/pinned-lib/", { Accept: "text/html" })).headers.get("etag");
    const js = (await get("/scenarios/yanked/simple/pinned-lib/", { Accept: SIMPLE_JSON })).headers.get("etag");
    expect(html).not.toBe(js);
  });

  it("sends CORS headers everywhere and answers preflights", async () => {
    for (const path of ["/scenarios/yanked/simple/", "/scenarios/yanked/simple/Pinned_Lib/", "/scenarios/yanked/simple/nope/"]) {
      expect((await get(path)).headers.get("access-control-allow-origin")).toBe("*");
    }
    const pre = await get("/scenarios/yanked/simple/", { "Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": "x-custom" }, "OPTIONS");
    expect(pre.status).toBe(204);
    expect(pre.headers.get("access-control-allow-origin")).toBe("*");
    expect(pre.headers.get("access-control-allow-methods")).toContain("GET");
    expect(pre.headers.get("access-control-allow-headers")).toBe("x-custom");
  });

  it("answers HEAD with headers only and other methods with 405", async () => {
    const head = await get("/scenarios/yanked/simple/pinned-lib/", { Accept: SIMPLE_JSON }, "HEAD");
    const full = await get("/scenarios/yanked/simple/pinned-lib/", { Accept: SIMPLE_JSON });
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(head.headers.get("content-length")).toBe(String(full.body.length));
    expect((await get("/scenarios/yanked/simple/", {}, "DELETE")).status).toBe(405);
  });

  it("counts requests by kind and resets the counts", async () => {
    expect((await get("/__stats/reset", {}, "POST")).status).toBe(200);
    await get("/scenarios/yanked/simple/", { Accept: SIMPLE_JSON });
    await get("/scenarios/yanked/simple/pinned-lib/", { Accept: SIMPLE_JSON });
    await get("/scenarios/yanked/simple/pinned-lib/", { Accept: SIMPLE_JSON });
    await get("/scenarios/yanked/pypi/pinned-lib/json");
    await get("/scenarios/yanked/pypi/pinned-lib/1.0.0/json");
    await get("/scenarios/yanked/files/pinned_lib-1.0.0-py3-none-any.whl");
    await get("/scenarios/yanked/files/pinned_lib-1.0.0-py3-none-any.whl.metadata");
    await get("/scenarios/yanked/simple/Pinned_Lib/");
    await get("/scenarios/yanked/simple/nope/");
    const stats = JSON.parse((await get("/__stats")).body.toString()) as ReturnType<FixtureIndex["stats"]>;
    expect(stats.requests).toBe(9);
    expect(Object.fromEntries(Object.entries(stats.byKind).map(([k, v]) => [k, v?.requests]))).toEqual({
      "simple-index": 1,
      "simple-project": 2,
      "json-project": 1,
      "json-release": 1,
      file: 1,
      metadata: 1,
      redirect: 1,
      "not-found": 1,
    });
    expect(stats.bytes).toBe(Object.values(stats.byKind).reduce((n, k) => n + (k?.bytes ?? 0), 0));
    expect(stats.byKind.file?.bytes).toBeGreaterThan(500);
    expect(index.stats()).toEqual(stats);
    index.resetStats();
    expect(index.stats().requests).toBe(0);
  });
});

describe("fault injection and latency", () => {
  const paths = Array.from({ length: 30 }, (_, i) => `/scenarios/deep-backjump/simple/chain-${"abcde"[i % 5]}/`);

  async function statuses(opts: { failRate?: number; garbageRate?: number; seed?: string }): Promise<string[]> {
    const server = await startFixtureIndex({ port: 0, retryAfterSeconds: 0, ...opts });
    try {
      const out: string[] = [];
      for (const p of paths) {
        const r = await fetch(`${server.url}${p}`, { headers: { Accept: SIMPLE_JSON } });
        const body = await r.text();
        let valid = true;
        try {
          JSON.parse(body);
        } catch {
          valid = false;
        }
        expect(r.headers.get("access-control-allow-origin")).toBe("*");
        if (r.status === 429 || r.status === 503) expect(r.headers.get("retry-after")).toBe("0");
        out.push(r.status === 200 && !valid ? "garbage" : String(r.status));
      }
      return out;
    } finally {
      await server.close();
    }
  }

  it("fails and garbles the same requests for the same seed", async () => {
    const a = await statuses({ failRate: 0.4, garbageRate: 0.3, seed: "t" });
    expect(await statuses({ failRate: 0.4, garbageRate: 0.3, seed: "t" })).toEqual(a);
    expect(await statuses({ failRate: 0.4, garbageRate: 0.3, seed: "other" })).not.toEqual(a);
    expect(a.some((s) => s === "500" || s === "503" || s === "429")).toBe(true);
    expect(a).toContain("garbage");
    expect(a).toContain("200");
  });

  it("counts failed requests under the kind of endpoint they were for", async () => {
    const server = await startFixtureIndex({ port: 0, failRate: 1, retryAfterSeconds: 0 });
    try {
      for (const p of ["/scenarios/yanked/simple/pinned-lib/", "/scenarios/yanked/pypi/pinned-lib/json", "/scenarios/yanked/files/x.whl"]) {
        expect([500, 503, 429]).toContain((await fetch(`${server.url}${p}`)).status);
      }
      const s = server.stats();
      expect(Object.values(s.faults).reduce((n, k) => n + k, 0)).toBe(3);
      expect(Object.keys(s.byKind).sort()).toEqual(["file", "json-project", "simple-project"]);
    } finally {
      await server.close();
    }
  });

  it("garbles file bytes so their hash no longer matches", async () => {
    const server = await startFixtureIndex({ port: 0, garbageRate: 1 });
    try {
      const good = await json<SimpleProject>("/scenarios/yanked/simple/pinned-lib/");
      const f = good.files[0];
      const r = await fetch(`${server.url}/scenarios/yanked/files/${f?.filename ?? ""}`);
      expect(r.status).toBe(200);
      expect(sha256(new Uint8Array(await r.arrayBuffer()))).not.toBe(f?.hashes.sha256);
      expect(server.stats().faults.garbage).toBe(1);
      expect(server.stats().byKind.file?.requests).toBe(1);
    } finally {
      await server.close();
    }
  });

  it("delays responses by --latency-ms", async () => {
    // The wait is the test's: the response must not come before it is released, whatever the machine's speed.
    const waits: number[] = [];
    let release: () => void = () => undefined;
    const sleep = (ms: number) => new Promise<void>((resolve) => ((release = resolve), waits.push(ms)));
    const server = await startFixtureIndex({ port: 0, latencyMs: 150, sleep });
    try {
      let answered = false;
      const response = fetch(`${server.url}/scenarios/yanked/simple/`).then((r) => ((answered = true), r));
      await vi.waitFor(() => expect(waits).toEqual([150]));
      expect(answered).toBe(false);
      release();
      expect((await response).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
