// Audits a resolved package list: each release's vulnerabilities and licence from its index, and its freshness.
import type { ResolvedPackageDto } from "../api";
import type { AuditProgressDto, AuditReportDto, PackageFactsDto } from "../api-audit";
import { IndexError } from "../index/index-error";
import { freshnessOf } from "./freshness";
import { licenceOf } from "./licence";
import type { ReleaseFactsClient } from "./release-facts";

export interface AuditOptions {
  facts: ReleaseFactsClient;
  /** The free-text licence from core metadata, for indexes without a JSON API. */
  fallbackLicence?: (pkg: ResolvedPackageDto) => Promise<string | null>;
  onProgress?: (progress: AuditProgressDto) => void;
  /** The clock progress is spaced by (milliseconds; default `Date.now`). */
  now?: () => number;
  /** Requests at once (default 8: the graph's own fetches come first). */
  concurrency?: number;
}

/** The message for a package whose index publishes no vulnerability data. */
export const VULNERABILITY_DATA_UNAVAILABLE = "vulnerability data not available from this index";

async function factsOf(pkg: ResolvedPackageDto, options: AuditOptions): Promise<PackageFactsDto> {
  const result = await options.facts.facts(pkg.index, pkg.name, pkg.version);
  if (result instanceof IndexError) {
    return { name: pkg.name, version: pkg.version, vulnerabilities: null, licence: licenceOf({ expression: null, classifiers: [], text: null }), error: result.message };
  }
  const licenceFields = result.licence ?? { expression: null, classifiers: [], text: (await options.fallbackLicence?.(pkg)) ?? null };
  return { name: pkg.name, version: pkg.version, vulnerabilities: result.vulnerabilities, licence: licenceOf(licenceFields), error: null };
}

/**
 * Progress goes out at most this often, and always at the start and the end: one call per package re-rendered the
 * page's graph panel a thousand times during a 1,000-package audit.
 */
export const AUDIT_PROGRESS_INTERVAL_MS = 100;

export async function auditPackages(packages: readonly ResolvedPackageDto[], options: AuditOptions): Promise<AuditReportDto> {
  const results: PackageFactsDto[] = new Array<PackageFactsDto>(packages.length);
  let next = 0;
  let done = 0;
  const now = options.now ?? Date.now;
  let reportedAt = -Infinity;
  const report = () => {
    const at = now();
    if (done !== 0 && done !== packages.length && at - reportedAt < AUDIT_PROGRESS_INTERVAL_MS) return;
    reportedAt = at;
    options.onProgress?.({ done, total: packages.length });
  };
  report();
  const worker = async () => {
    while (next < packages.length) {
      const i = next++;
      results[i] = await factsOf(packages[i], options);
      done++;
      report();
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 8, packages.length) }, worker));
  return {
    packages: results,
    freshness: packages.map(freshnessOf),
    vulnerableCount: results.filter((r) => (r.vulnerabilities?.length ?? 0) > 0).length,
    unavailableCount: results.filter((r) => r.vulnerabilities === null).length,
  };
}
