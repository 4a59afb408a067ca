// The audit store: vulnerabilities, licences and freshness of the current resolution, as app/audit-run.ts reports them.
import { create } from "zustand";
import type { AuditProgressDto, AuditReportDto } from "../../workers/api-audit";

export interface AuditState {
  /** The resolution run the audit belongs to (a new run clears it). */
  runId: number | null;
  status: "idle" | "loading" | "done" | "failed";
  progress: AuditProgressDto | null;
  report: AuditReportDto | null;
  /** Canonical names of the packages with at least one advisory. */
  vulnerable: string[];
  error: string | null;
  /** An audit of `total` packages began for a run (clearing the previous run's). */
  started: (runId: number, total: number) => void;
  /** Progress of the run's audit; ignored when a newer run's audit has begun. */
  progressed: (runId: number, progress: AuditProgressDto) => void;
  finished: (runId: number, report: AuditReportDto) => void;
  failed: (runId: number, error: string) => void;
}

export const useAudit = create<AuditState>()((set, get) => ({
  runId: null,
  status: "idle",
  progress: null,
  report: null,
  vulnerable: [],
  error: null,
  started: (runId, total) => set({ runId, status: "loading", progress: { done: 0, total }, report: null, vulnerable: [], error: null }),
  progressed: (runId, progress) => {
    if (get().runId === runId) set({ progress });
  },
  finished: (runId, report) => {
    if (get().runId !== runId) return;
    const vulnerable = report.packages.filter((p) => (p.vulnerabilities?.length ?? 0) > 0).map((p) => p.name);
    const total = get().progress?.total ?? report.packages.length;
    set({ status: "done", report, vulnerable, progress: { done: total, total } });
  },
  failed: (runId, error) => {
    if (get().runId === runId) set({ status: "failed", error });
  },
}));
