// The request handler (connect-style `(req, res, next?)`) that serves every mounted index like pypi.org does.

import type { IncomingMessage, ServerResponse } from "node:http";
import { SIMPLE_JSON, contentTypeHeader, negotiateSimple } from "./content-negotiation";
import { FaultInjector, garbageBody } from "./faults";
import type { Fault } from "./faults";
import { CACHE_IMMUTABLE, CACHE_LISTING, CORS_HEADERS, bodyEtag, sendResponse } from "./http-response";
import type { ResponseSpec } from "./http-response";
import { IndexRegistry } from "./index-registry";
import type { IndexSourceOptions } from "./index-registry";
import { routeIndexPath } from "./index-routes";
import type { IndexLocation } from "./index-urls";
import { releaseVulnerabilities } from "./advisories";
import { latestRelease, renderProjectJsonApi, renderReleaseJsonApi } from "./json-api";
import { LruCache } from "./lru-cache";
import { normalizeName } from "./project-name";
import { RequestStats } from "./request-stats";
import type { RequestKind, StatsSnapshot } from "./request-stats";
import { renderIndexHtml, renderProjectHtml } from "./simple-html";
import { renderIndexJson, renderProjectJson } from "./simple-json";
import type { SyntheticFiles } from "./synthetic-files";
import { versionsEqual } from "./version-order";

export interface IndexHandlerOptions extends IndexSourceOptions {
  /** Path the handler is mounted under, e.g. `/index` (default: the root). Other paths go to `next()` or 404. */
  basePath?: string;
  /** Delay every index response by this many milliseconds. */
  latencyMs?: number;
  /** How the latency is waited out (default: a timer); a test passes its own to release responses when it chooses. */
  sleep?: (ms: number) => Promise<void>;
  /** Fraction of index requests answered 500/503/429 (deterministic from `seed`). */
  failRate?: number;
  /** Fraction of index requests answered 200 with an invalid body (deterministic from `seed`). */
  garbageRate?: number;
  seed?: string | number;
  /** Retry-After seconds on 429/503 (default 1). */
  retryAfterSeconds?: number;
  /** Called with a line for each unexpected error (default: console.error). */
  log?: (line: string) => void;
}

export type NextFunction = (err?: unknown) => void;

export interface IndexHandler {
  (req: IncomingMessage, res: ServerResponse, next?: NextFunction): void;
  stats(): StatsSnapshot;
  resetStats(): void;
  /** Resolves once the mounted indexes are known (scenario files read); rejects on a bad scenario. */
  ready(): Promise<IndexRegistry>;
}

const JSON_TYPE = "application/json";
const NOT_FOUND_JSON = JSON.stringify({ message: "Not Found" });
const LISTING_CACHE_BYTES = 64 * 1024 * 1024;

interface Outcome {
  kind: RequestKind;
  spec: ResponseSpec;
  garbage?: "json" | "html" | "file" | "metadata";
}

function notFoundHtml(): ResponseSpec {
  return { status: 404, contentType: "text/html; charset=utf-8", body: "<html><head><title>404 Not Found</title></head><body><h1>404 Not Found</h1></body></html>\n" };
}

function notFoundJson(): ResponseSpec {
  return { status: 404, contentType: JSON_TYPE, body: NOT_FOUND_JSON };
}

function requestOrigin(req: IncomingMessage): string {
  const secure = "encrypted" in req.socket && req.socket.encrypted === true;
  const host = req.headers.host ?? `${req.socket.localAddress ?? "127.0.0.1"}:${req.socket.localPort ?? 80}`;
  return `${secure ? "https" : "http"}://${host}`;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Builds the handler; nothing is read from disk until the first request (or `ready()`). */
export function createIndexHandler(options: IndexHandlerOptions = {}): IndexHandler {
  const basePath = (options.basePath ?? "").replace(/\/+$/, "");
  const stats = new RequestStats();
  const faults = new FaultInjector({
    failRate: options.failRate ?? 0,
    garbageRate: options.garbageRate ?? 0,
    seed: options.seed ?? 0,
    retryAfterSeconds: options.retryAfterSeconds ?? 1,
  });
  const log = options.log ?? ((line: string) => console.error(line));
  let registry: Promise<IndexRegistry> | undefined;
  // Rendered listings by index, origin, representation and project: warm requests skip rendering and hashing.
  const rendered = new LruCache<{ body: Uint8Array; etag: string }>(LISTING_CACHE_BYTES, (v) => v.body.length);
  const cachedBody = (key: string, render: () => string): { body: Uint8Array; etag: string } => {
    let hit = rendered.get(key);
    if (hit === undefined) {
      const body = new Uint8Array(Buffer.from(render(), "utf8"));
      hit = { body, etag: bodyEtag(body) };
      rendered.set(key, hit);
    }
    return hit;
  };
  const ready = (): Promise<IndexRegistry> => (registry ??= IndexRegistry.create(options));

  function redirect(indexPath: string, location: string, search: string): Outcome {
    return {
      kind: "redirect",
      spec: { status: 301, body: "", headers: { Location: `${indexPath}${location}${search}` }, cacheControl: CACHE_LISTING },
    };
  }

  function serveSimple(req: IncomingMessage, url: URL, files: SyntheticFiles, loc: IndexLocation, projectKey: string | null): Outcome {
    const type = negotiateSimple(req.headers.accept, url.searchParams.get("format"));
    const json = type === SIMPLE_JSON;
    const headers: Record<string, string> = { Vary: "Accept, Accept-Encoding" };
    const cacheKey = `${loc.origin}${loc.indexPath}|${type}|${projectKey ?? ""}`;
    if (projectKey === null) {
      headers["X-PyPI-Last-Serial"] = String(files.indexSerial());
      const { body, etag } = cachedBody(cacheKey, () => (json ? renderIndexJson(files) : renderIndexHtml(files, loc)));
      return {
        kind: "simple-index",
        garbage: json ? "json" : "html",
        spec: { status: 200, contentType: contentTypeHeader(type), cacheControl: CACHE_LISTING, headers, body, etag },
      };
    }
    const project = files.project(projectKey);
    if (project === undefined) return { kind: "not-found", spec: json ? notFoundJson() : notFoundHtml() };
    headers["X-PyPI-Last-Serial"] = String(project.lastSerial);
    const { body, etag } = cachedBody(cacheKey, () => (json ? renderProjectJson(project, files, loc) : renderProjectHtml(project, files, loc)));
    return {
      kind: "simple-project",
      garbage: json ? "json" : "html",
      spec: { status: 200, contentType: contentTypeHeader(type), cacheControl: CACHE_LISTING, headers, body, etag },
    };
  }

  async function route(req: IncomingMessage, url: URL, path: string): Promise<Outcome> {
    const reg = await ready();
    const hit = reg.match(path);
    if (hit === undefined) return { kind: "not-found", spec: notFoundHtml() };
    const indexPath = `${basePath}/${hit.index.prefix}`;
    const r = routeIndexPath(hit.rest);
    if (r.kind === "redirect") return redirect(indexPath, r.location, url.search);
    if (r.kind === "not-found") return { kind: "not-found", spec: notFoundHtml() };
    const files = await reg.files(hit.index.prefix);
    const loc: IndexLocation = { origin: requestOrigin(req), indexPath };
    switch (r.kind) {
      case "simple-index":
        return serveSimple(req, url, files, loc, null);
      case "simple-project":
        return serveSimple(req, url, files, loc, r.name);
      case "file":
      case "metadata": {
        const file = files.file(r.filename);
        if (file === undefined || (r.kind === "metadata" && !file.hasMetadata)) return { kind: "not-found", spec: notFoundHtml() };
        if (r.kind === "metadata") {
          const digests = files.digests(file);
          return {
            kind: "metadata",
            garbage: "metadata",
            spec: { status: 200, contentType: "text/plain; charset=utf-8", cacheControl: CACHE_IMMUTABLE, etag: `"${digests.metadataSha256 ?? ""}"`, body: files.metadata(file) },
          };
        }
        const digests = files.digests(file);
        return {
          kind: "file",
          garbage: "file",
          spec: { status: 200, contentType: "application/octet-stream", cacheControl: CACHE_IMMUTABLE, etag: `"${digests.sha256}"`, body: files.bytes(file) },
        };
      }
      case "json-project":
      case "json-release": {
        const project = files.project(normalizeName(r.name));
        if (project === undefined) return { kind: "not-found", spec: notFoundJson() };
        if (r.name !== project.name) {
          const tail = r.kind === "json-release" ? `/${encodeURIComponent(r.version)}/json` : "/json";
          return redirect(indexPath, `/pypi/${encodeURIComponent(project.name)}${tail}`, url.search);
        }
        const headers = { "X-PyPI-Last-Serial": String(project.lastSerial) };
        // Recorded PyPI data gets the real advisories; hand-written scenarios (invented projects) get none.
        const vulnerabilities = (version: string) => (hit.index.kind === "scenario" ? [] : releaseVulnerabilities(project.name, version));
        if (r.kind === "json-project") {
          const latest = latestRelease(project);
          if (latest === undefined) return { kind: "not-found", spec: notFoundJson() };
          const { body, etag } = cachedBody(`${loc.origin}${indexPath}|json-api|${project.key}`, () =>
            renderProjectJsonApi(project, latest, files, loc, vulnerabilities(latest.decl.version)),
          );
          return { kind: "json-project", garbage: "json", spec: { status: 200, contentType: JSON_TYPE, cacheControl: CACHE_LISTING, headers, body, etag } };
        }
        const release = project.releases.find((x) => x.decl.version === r.version) ?? project.releases.find((x) => versionsEqual(x.decl.version, r.version));
        if (release === undefined) return { kind: "not-found", spec: notFoundJson() };
        const { body, etag } = cachedBody(`${loc.origin}${indexPath}|json-api|${project.key}|${release.decl.version}`, () =>
          renderReleaseJsonApi(project, release, files, loc, vulnerabilities(release.decl.version)),
        );
        return { kind: "json-release", garbage: "json", spec: { status: 200, contentType: JSON_TYPE, cacheControl: CACHE_LISTING, headers, body, etag } };
      }
    }
  }

  /** The endpoint kind a path names, without loading index data (to count faulted requests by kind). */
  async function kindOf(path: string): Promise<RequestKind> {
    const hit = (await ready()).match(path);
    if (hit === undefined) return "not-found";
    const r = routeIndexPath(hit.rest);
    return r.kind === "simple-project" && normalizeName(r.name) !== r.name ? "redirect" : r.kind;
  }

  function faultResponse(fault: Fault & { kind: "fail" }): ResponseSpec {
    const text = { 500: "500 Internal Server Error", 503: "503 Service Unavailable", 429: "429 Too Many Requests" }[fault.status];
    const headers: Record<string, string> = fault.status === 500 ? {} : { "Retry-After": String(faults.options.retryAfterSeconds) };
    return { status: fault.status, contentType: "text/plain; charset=utf-8", cacheControl: "no-store", headers, body: `${text}\n` };
  }

  async function handle(req: IncomingMessage, res: ServerResponse, path: string, url: URL): Promise<void> {
    const method = req.method ?? "GET";
    if (path === "/__stats" || path === "/__stats/reset") {
      if (path === "/__stats/reset" && method === "POST") {
        stats.reset();
        faults.reset();
      } else if (method !== "GET" && method !== "HEAD") {
        sendResponse(req, res, { status: 405, headers: { Allow: path === "/__stats" ? "GET, HEAD" : "POST" }, body: "" });
        return;
      }
      sendResponse(req, res, { status: 200, contentType: JSON_TYPE, cacheControl: "no-store", body: JSON.stringify(stats.snapshot()) });
      return;
    }
    if (method !== "GET" && method !== "HEAD") {
      sendResponse(req, res, { status: 405, headers: { Allow: "GET, HEAD, OPTIONS" }, body: "" });
      return;
    }
    if (path === "/" || path === "") {
      const reg = await ready();
      const body = JSON.stringify({ indexes: reg.list().map((m) => ({ ...m, simple: `${basePath}/${m.prefix}/simple/` })) });
      sendResponse(req, res, { status: 200, contentType: JSON_TYPE, cacheControl: "no-store", body });
      return;
    }
    if (options.latencyMs !== undefined && options.latencyMs > 0) await (options.sleep ?? sleep)(options.latencyMs);
    const fault = faults.decide(method, `${path}${url.search}`);
    if (fault?.kind === "fail") {
      stats.fault(String(fault.status));
      const sent = sendResponse(req, res, faultResponse(fault));
      stats.record(await kindOf(path), sent.bytes);
      return;
    }
    const out = await route(req, url, path);
    let spec = out.spec;
    if (fault?.kind === "garbage" && spec.status === 200 && out.garbage !== undefined) {
      stats.fault("garbage");
      const real = typeof spec.body === "string" ? new Uint8Array(Buffer.from(spec.body, "utf8")) : spec.body;
      spec = { ...spec, etag: undefined, cacheControl: "no-store", body: garbageBody(out.garbage, real) };
    }
    const sent = sendResponse(req, res, spec);
    if (sent.notModified) stats.notModified();
    stats.record(out.kind, sent.bytes);
  }

  const handler = ((req: IncomingMessage, res: ServerResponse, next?: NextFunction): void => {
    const url = new URL(req.url ?? "/", "http://fixture.invalid");
    let path = url.pathname;
    if (basePath !== "") {
      if (path !== basePath && !path.startsWith(`${basePath}/`)) {
        if (next) next();
        else sendResponse(req, res, notFoundHtml());
        return;
      }
      path = path.slice(basePath.length);
    }
    if (req.method === "OPTIONS") {
      res.writeHead(204, {
        ...CORS_HEADERS,
        "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
        "Access-Control-Allow-Headers": req.headers["access-control-request-headers"] ?? "*",
        "Access-Control-Max-Age": "86400",
        "Content-Length": "0",
      });
      res.end();
      return;
    }
    handle(req, res, path, url).catch((err: unknown) => {
      const message = err instanceof Error ? err.message : String(err);
      log(`fixture index: ${req.method ?? "GET"} ${req.url ?? ""}: ${message}`);
      if (!res.headersSent) sendResponse(req, res, { status: 500, contentType: "text/plain; charset=utf-8", cacheControl: "no-store", body: `fixture index error: ${message}\n` });
      else res.destroy();
    });
  }) as IndexHandler;
  handler.stats = () => stats.snapshot();
  handler.resetStats = () => {
    stats.reset();
    faults.reset();
  };
  handler.ready = ready;
  return handler;
}
