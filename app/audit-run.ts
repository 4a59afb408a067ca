// Starts the audit of a resolution in the worker (once per run) and reports its progress and outcome to the audit store.
import { proxy } from "comlink";
import type { ResolvedPackageDto } from "../workers/api";
import type { AuditProgressDto } from "../workers/api-audit";
import { resolver } from "./resolver-client";
import { useAudit } from "./stores/audit";

/** Set when an audit starts (the e2e spec checks it comes after the graph's "drawn" mark). */
export const AUDIT_START_MARK = "tangle:audit-start";

/** Audits a resolution's packages; a second call for the same run does nothing, a newer run's audit supersedes it. */
export function runAudit(runId: number, packages: ResolvedPackageDto[]): void {
  if (useAudit.getState().runId === runId) return;
  performance.mark(AUDIT_START_MARK);
  useAudit.getState().started(runId, packages.length);
  const onProgress = (progress: AuditProgressDto) => useAudit.getState().progressed(runId, progress);
  resolver()
    .auditResolution(packages, proxy(onProgress))
    .then(
      (report) => useAudit.getState().finished(runId, report),
      (error: unknown) => useAudit.getState().failed(runId, String(error)),
    );
}
