// The resolver service: the object behind the worker's API, usable in a Worker and in Node alike.
import type { ProjectInfoDto, ResolveRequest, ResolverApi } from "./api";
import { createIndexClient, type IndexClient } from "./index/index-client";
import type { MetadataStore } from "./index/metadata-store";
import { parseInput } from "./formats/input/parse-input";
import { detectFormat } from "./api-input-format";
import { EXPORT_FORMATS, exportFormat, universalRefusal, type ExportFormat } from "./formats/output/export-formats";
import { canonicalizeName } from "./packaging/names";
import { parseRequirementLines } from "./requirement-lines";
import { abortableSource } from "./resolve/abortable-source";
import { indexOrder } from "./resolve/index-order";
import { resolveRequest } from "./resolve/resolve";
import { newerReleases } from "./resolve/newer-releases";
import { narrowUniversal, universalEnvironmentChoices } from "./resolve/narrow-universal";
import { textTreeView } from "./formats/output/text-tree";
import { lockViewDto } from "./compare/lock-view-dto";
import { packageDiffDto } from "./compare/package-diff-dto";
import { auditPackages } from "./audit/audit-packages";
import { fixVulnerability } from "./audit/fix-vulnerability";
import { createReleaseFactsClient, type ReleaseFactsClient } from "./audit/release-facts";

export interface ServiceEnvironment {
  /** The persistent metadata cache (IndexedDB in the browser, a directory in Node), opened once on first use. */
  openStore?: () => Promise<MetadataStore | undefined>;
  fetch?: typeof fetch;
  /** Milliseconds for timings and progress. */
  now?: () => number;
}

function pick({ id, label, fileName, mimeType }: ExportFormat) {
  return { id, label, fileName, mimeType };
}

export function createResolverService(environment: ServiceEnvironment = {}): ResolverApi {
  const now = environment.now ?? (() => performance.now());
  const runs = new Map<number, AbortController>();
  const clients = new Map<string, IndexClient>();
  let store: Promise<MetadataStore | undefined> | null = null;
  let facts: Promise<ReleaseFactsClient> | null = null;

  const openStore = (): Promise<MetadataStore | undefined> => {
    store ??= (environment.openStore?.() ?? Promise.resolve(undefined)).catch(() => undefined);
    return store;
  };

  /** One long-lived client per index setup, so its in-memory results serve every later resolution. */
  async function clientFor(indexUrls: string[], noCache: boolean, refresh: boolean): Promise<IndexClient> {
    const key = JSON.stringify([indexUrls, noCache]);
    let client = clients.get(key);
    if (!client || refresh) {
      client = createIndexClient({
        indexUrl: indexUrls[0],
        extraIndexUrls: indexUrls.slice(1),
        fetch: environment.fetch,
        store: noCache ? undefined : await openStore(),
        noCache,
        refresh,
      });
      clients.set(key, client);
    }
    return client;
  }

  return {
    parseLines: (text) => parseRequirementLines(text),

    analyzeInput: (input) =>
      parseInput(input.text, { format: input.format, fileName: input.fileName, files: input.files, extras: input.extras, groups: input.groups }),

    universalEnvironments: (scope, pythonVersions) => universalEnvironmentChoices(scope, pythonVersions),

    narrowUniversal: (packages, target) => narrowUniversal(packages, target),

    readInput: (input) => {
      const set = parseInput(input.text, { format: input.format, fileName: input.fileName, files: input.files, extras: input.extras, groups: input.groups });
      return { set, looksLike: detectFormat(input.text), lines: set.format === "requirements.txt" ? parseRequirementLines(input.text) : null };
    },

    async resolve(runId: number, request: ResolveRequest, onProgress) {
      const controller = new AbortController();
      runs.set(runId, controller);
      try {
        const client = await clientFor(indexOrder(request), request.noCache, request.refresh);
        return await resolveRequest(request, {
          source: abortableSource(client, controller.signal),
          signal: controller.signal,
          onProgress: onProgress ? (p) => void onProgress(p) : undefined,
          now,
          sourceStats: () => client.stats(),
          yieldToEventLoop: () => new Promise((resolve) => setTimeout(resolve, 0)),
        });
      } finally {
        runs.delete(runId);
      }
    },

    exportFormats: () => EXPORT_FORMATS.map((format) => ({ ...pick(format), universalRefusal: format.universal ? null : universalRefusal(format) })),

    exportResolution(formatId, resolution, request, audit) {
      const format = exportFormat(formatId);
      if (!format) throw new Error(`unknown export format "${formatId}"; known: ${EXPORT_FORMATS.map((f) => f.id).join(", ")}`);
      if (resolution.status !== "resolved") throw new Error("only a resolved resolution can be exported");
      if (resolution.universal && !format.universal) throw new Error(universalRefusal(format));
      return { fileName: format.fileName, mimeType: format.mimeType, text: format.write(resolution, request, audit) };
    },

    textTree: (packages, options) => textTreeView(packages, options),

    readLock: (input, view) => lockViewDto(input, view, new Date().toISOString()),

    diffPackages: (before, after, requested) => packageDiffDto(before, after, requested),

    cancel(runId: number) {
      runs.get(runId)?.abort();
    },

    async auditResolution(packages, onProgress) {
      facts ??= openStore().then((s) => createReleaseFactsClient({ fetch: environment.fetch, store: s }));
      const fallbackLicence = async (pkg: { index: string; name: string; version: string }) => {
        const client = await clientFor([pkg.index], false, false);
        const listing = await client.getListing(pkg.name, "prefetch");
        if (listing.kind !== "found") return null;
        const metadata = await client.getMetadata(listing.listing, pkg.version, "prefetch");
        return metadata.kind === "known" ? metadata.license : null;
      };
      return auditPackages(packages, { facts: await facts, fallbackLicence, onProgress: onProgress ? (p) => void onProgress(p) : undefined });
    },

    async fixVulnerability(request, packages, pkg, vulnerabilities) {
      const client = await clientFor(indexOrder(request), request.noCache, false);
      const resolve = (r: ResolveRequest) => resolveRequest(r, { source: client, now, sourceStats: () => client.stats(), yieldToEventLoop: () => new Promise((done) => setTimeout(done, 0)) });
      return fixVulnerability(request, packages, pkg, vulnerabilities, resolve);
    },

    async projectInfo(indexUrls: string[], name: string, version: string): Promise<ProjectInfoDto> {
      const client = await clientFor(indexUrls, false, false);
      const canonical = canonicalizeName(name);
      const listing = await client.getListing(canonical);
      if (listing.kind !== "found") {
        throw new Error(listing.kind === "not-found" ? `${canonical} is not on ${listing.indexUrls.join(", ")}` : listing.error.message);
      }
      const newer = newerReleases(listing.listing.releases, version);
      const metadata = await client.getMetadata(listing.listing, version);
      if (metadata.kind === "error") throw new Error(metadata.error.message);
      if (metadata.kind === "unknown") {
        return { name: canonical, version, summary: null, license: null, homePage: null, projectUrls: {}, requiresPython: null, newer };
      }
      return {
        name: canonical,
        version,
        summary: metadata.summary,
        license: metadata.license,
        homePage: metadata.homePage,
        projectUrls: metadata.projectUrls,
        requiresPython: metadata.requiresPython,
        newer,
      };
    },
  };
}
