// The audit store: vulnerabilities, licences and freshness of the current resolution, loaded by the worker after the graph is drawn.
import { create } from "zustand";
import type { ResolvedPackageDto } from "../../workers/api";
import type { AuditProgressDto, AuditReportDto } from "../../workers/api-audit";
import { resolver } from "../resolver-client";
import { proxy } from "comlink";

/** Set when an audit starts (the e2e spec checks it comes after the graph's "drawn" mark). */
export const AUDIT_START_MARK = "tangle:audit-start";

export interface AuditState {
  /** The resolution run the audit belongs to (a new run clears it). */
  runId: number | null;
  status: "idle" | "loading" | "done" | "failed";
  progress: AuditProgressDto | null;
  report: AuditReportDto | null;
  /** Canonical names of the packages with at least one advisory. */
  vulnerable: string[];
  error: string | null;
  /** Starts the audit of a resolution once; later calls for the same run do nothing. */
  start: (runId: number, packages: ResolvedPackageDto[]) => void;
}

export const useAudit = create<AuditState>()((set, get) => ({
  runId: null,
  status: "idle",
  progress: null,
  report: null,
  vulnerable: [],
  error: null,
  start: (runId, packages) => {
    if (get().runId === runId) return;
    performance.mark(AUDIT_START_MARK);
    set({ runId, status: "loading", progress: { done: 0, total: packages.length }, report: null, vulnerable: [], error: null });
    const onProgress = (progress: AuditProgressDto) => {
      if (get().runId === runId) set({ progress });
    };
    resolver()
      .auditResolution(packages, proxy(onProgress))
      .then(
        (report) => {
          if (get().runId !== runId) return;
          const vulnerable = report.packages.filter((p) => (p.vulnerabilities?.length ?? 0) > 0).map((p) => p.name);
          set({ status: "done", report, vulnerable, progress: { done: packages.length, total: packages.length } });
        },
        (error: unknown) => {
          if (get().runId === runId) set({ status: "failed", error: String(error) });
        },
      );
  },
}));
