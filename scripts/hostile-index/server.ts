// A hostile package index on 127.0.0.1 (ephemeral port): every path prefix is one attack on the index client.
import { createServer } from "node:http";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import {
  coreMetadata,
  endlessBody,
  fileEntry,
  gzipBomb,
  hugeListing,
  injection,
  listingJson,
  manyVersionsListing,
  wheelName,
} from "./payloads";

/**
 * The attacks, each mounted at `/<attack>/simple/` (its Simple root; files under `/<attack>/files/`, the JSON API
 * under `/<attack>/pypi/`). Every project name is served; what comes back depends only on the attack.
 */
export const ATTACKS = [
  /** Listings and metadata gzip-encoded, inflating to `bombBytes` (default 1 GiB). */
  "gzip-bomb",
  /** A valid JSON listing of `hugeBytes` (default 200 MB), chunked. */
  "huge-listing",
  /** The same, with a Content-Length that says so up front. */
  "huge-declared",
  /** A listing body that never ends (the server stops after 16 GiB). */
  "endless",
  /** Headers, then nothing. */
  "stall",
  /** Headers and half a body, then nothing. */
  "stall-body",
  /** One byte every `dribbleMs` (default 50 ms), at most 100,000 bytes. */
  "slow-body",
  /** Redirects back and forth between two URLs. */
  "redirect-loop",
  /** Redirects to a new URL every time (stops after 10,000). */
  "redirect-chain",
  /** 200 answers that are not what the API promises (a listing that is not JSON, metadata that is binary). */
  "garbage",
  /** Metadata whose bytes do not match the sha256 the listing advertised. */
  "hash-mismatch",
  /** 429 Too Many Requests with Retry-After: 86400 (a day). */
  "retry-after",
  /** A project with 100,000 versions, one wheel each, no dependencies. */
  "many-versions",
  /** `root` 1.0 requires dep-0 ... dep-9999, each with one version and no dependencies. */
  "many-deps",
  /** HTML and script in every text field of listings, metadata and the JSON API, plus javascript: file URLs. */
  "injection",
] as const;

export type Attack = (typeof ATTACKS)[number];

export interface HostileIndexOptions {
  bombBytes?: number;
  hugeBytes?: number;
  dribbleMs?: number;
  /** Versions of the many-versions project; default 100,000. */
  versions?: number;
  /** Dependencies of many-deps' root; default 10,000. */
  dependencies?: number;
}

export interface HostileIndex {
  /** `http://127.0.0.1:PORT`; an attack's Simple root is `${url}/<attack>/simple/`. */
  url: string;
  simpleRoot(attack: Attack): string;
  /** Requests received per attack since the last reset. */
  requests(attack: Attack): number;
  resetStats(): void;
  close(): Promise<void>;
}

const SIMPLE_JSON = "application/vnd.pypi.simple.v1+json";
const MIB = 1024 * 1024;

/** Writes `chunks` with backpressure until they run out or the client goes away. */
function stream(res: ServerResponse, chunks: Iterator<string>): void {
  const pump = (): void => {
    while (!res.destroyed) {
      const next = chunks.next();
      if (next.done === true) {
        res.end();
        return;
      }
      if (!res.write(next.value)) {
        res.once("drain", pump);
        return;
      }
    }
  };
  pump();
}

export async function startHostileIndex(options: HostileIndexOptions = {}): Promise<HostileIndex> {
  const bombBytes = options.bombBytes ?? 1024 * MIB;
  const hugeBytes = options.hugeBytes ?? 200 * 1000 * 1000;
  const dribbleMs = options.dribbleMs ?? 50;
  const versions = options.versions ?? 100_000;
  const dependencies = options.dependencies ?? 10_000;
  const counts = new Map<string, number>();
  const timers = new Set<NodeJS.Timeout>();

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const [attack = "", area = "", ...rest] = url.pathname.split("/").slice(1);
    counts.set(attack, (counts.get(attack) ?? 0) + 1);
    // Readable from any page, so the app in a browser meets the same attacks (errors and redirects included).
    res.setHeader("access-control-allow-origin", "*");
    const project = area === "simple" ? (rest[0] ?? "") : area === "pypi" ? (rest[0] ?? "") : "";
    const isListing = area === "simple" && project !== "";
    const isMetadata = area === "files" && (rest[0] ?? "").endsWith(".metadata");
    const isJson = area === "pypi";
    const json = (body: string, status = 200): void => {
      res.writeHead(status, { "content-type": isListing ? SIMPLE_JSON : "application/json" });
      res.end(body);
    };
    const text = (body: string, type = "text/plain"): void => {
      res.writeHead(200, { "content-type": type });
      res.end(body);
    };
    if (!isListing && !isMetadata && !isJson) {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("Not Found");
      return;
    }
    switch (attack as Attack) {
      case "gzip-bomb": {
        const body = await gzipBomb(bombBytes);
        res.writeHead(200, { "content-type": isListing ? SIMPLE_JSON : "text/plain", "content-encoding": "gzip", "content-length": body.length });
        res.end(body);
        return;
      }
      case "huge-listing":
      case "huge-declared": {
        const headers: Record<string, string | number> = { "content-type": SIMPLE_JSON };
        if (attack === "huge-declared") headers["content-length"] = hugeBytes + 1_000_000;
        res.writeHead(200, headers);
        stream(res, hugeListing(project, hugeBytes));
        return;
      }
      case "endless":
        res.writeHead(200, { "content-type": SIMPLE_JSON });
        stream(res, endlessBody(16 * 1024 * MIB));
        return;
      case "stall":
        res.writeHead(200, { "content-type": SIMPLE_JSON });
        res.flushHeaders();
        return; // the socket stays open until the client gives up or the server closes
      case "stall-body":
        res.writeHead(200, { "content-type": SIMPLE_JSON });
        res.write('{"meta": {"api-version": "1.1"}, "name": "stall", "files": [');
        return;
      case "slow-body": {
        res.writeHead(200, { "content-type": SIMPLE_JSON });
        let sent = 0;
        const timer = setInterval(() => {
          if (res.destroyed || sent >= 100_000) {
            clearInterval(timer);
            timers.delete(timer);
            res.end();
            return;
          }
          res.write(" ");
          sent += 1;
        }, dribbleMs);
        timers.add(timer);
        return;
      }
      case "redirect-loop": {
        const next = url.search === "" ? `${url.pathname}?hop` : url.pathname;
        res.writeHead(302, { location: next });
        res.end();
        return;
      }
      case "redirect-chain": {
        const hop = Number(url.searchParams.get("hop") ?? "0");
        if (hop >= 10_000) {
          res.writeHead(404);
          res.end();
          return;
        }
        res.writeHead(302, { location: `${url.pathname}?hop=${hop + 1}` });
        res.end();
        return;
      }
      case "garbage":
        if (isListing) text("<html><body>Service temporarily unavailable, try again</body>", SIMPLE_JSON);
        else text("\u0000\u0001\u0002PK\u0003\u0004 not metadata \uFFFD");
        return;
      case "hash-mismatch":
        if (isListing) json(listingJson(project, [fileEntry(project, "1.0", { "core-metadata": { sha256: "0".repeat(64) } })]));
        else text(coreMetadata(project, "1.0"));
        return;
      case "retry-after":
        res.writeHead(429, { "content-type": "text/plain", "retry-after": "86400" });
        res.end("Too Many Requests");
        return;
      case "many-versions":
        if (isListing) {
          res.writeHead(200, { "content-type": SIMPLE_JSON });
          stream(res, manyVersionsListing(project, versions));
        } else text(coreMetadata(metadataName(rest[0] ?? ""), metadataVersion(rest[0] ?? "")));
        return;
      case "many-deps":
        if (isListing) json(listingJson(project, [fileEntry(project, "1.0")]));
        else if (isMetadata) {
          const name = metadataName(rest[0] ?? "");
          const requires = name === "root" ? Array.from({ length: dependencies }, (_, i) => `dep-${i}`) : [];
          text(coreMetadata(name, "1.0", requires));
        } else json('{"message": "Not Found"}', 404);
        return;
      case "injection":
        serveInjection(project, isListing, isMetadata, rest, json, text);
        return;
      default:
        res.writeHead(404, { "content-type": "text/plain" });
        res.end("Not Found");
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // Computed before anyone measures: the bomb is the server's, not the client's, memory.
  await gzipBomb(bombBytes);
  return {
    url,
    simpleRoot: (attack) => `${url}/${attack}/simple/`,
    requests: (attack) => counts.get(attack) ?? 0,
    resetStats: () => counts.clear(),
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const timer of timers) clearInterval(timer);
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** The project name in a wheel file name `name-version-py3-none-any.whl.metadata`. */
function metadataName(file: string): string {
  return file.split("-")[0]?.replace(/_/g, "-") ?? "";
}

function metadataVersion(file: string): string {
  return file.split("-")[1] ?? "0";
}

function serveInjection(
  project: string,
  isListing: boolean,
  isMetadata: boolean,
  rest: string[],
  json: (body: string, status?: number) => void,
  text: (body: string, type?: string) => void,
): void {
  if (isListing) {
    json(
      listingJson(project, [
        fileEntry(project, "1.0", { "requires-python": `>=3; ${injection(0)}`, yanked: false, "upload-time": injection(1) }),
        fileEntry(project, "0.9", { yanked: injection(2) }),
        { ...fileEntry(project, "0.8"), url: "javascript:globalThis.__pwned=1" },
        { ...fileEntry(project, "0.7"), url: "data:text/html,<script>globalThis.__pwned=1</script>" },
      ]),
    );
    return;
  }
  if (isMetadata) {
    const name = metadataName(rest[0] ?? "");
    text(
      coreMetadata(name, metadataVersion(rest[0] ?? ""), [`other; extra == "${injection(3)}"`], {
        Summary: injection(0),
        License: injection(1),
        "Home-page": injection(2),
        "Project-URL": `Docs, ${injection(2)}`,
        Author: injection(4),
      }),
    );
    return;
  }
  json(
    JSON.stringify({
      info: { name: project, version: "1.0", summary: injection(0), license: injection(1), home_page: injection(2), project_urls: { [injection(3)]: injection(2) }, requires_dist: [] },
      urls: [{ filename: wheelName(project, "1.0"), url: injection(2), packagetype: "bdist_wheel", digests: {}, yanked: false }],
    }),
  );
}
