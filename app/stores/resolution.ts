// The resolution store: the run in progress (progress, cancel), the latest result and the one before it (for "what changed").
// State and its transitions only: app/resolution-run.ts starts and cancels runs on the worker and reports here.
import { create } from "zustand";
import type { ResolvedPackageDto, Resolution, ResolveProgress, ResolveRequest } from "../../workers/api";

export interface FinishedResolution {
  runId: number;
  request: ResolveRequest;
  resolution: Resolution;
  /** The lock file the packages were read from, when they were read rather than resolved (nothing was chosen). */
  readFrom?: string;
}

export interface ResolutionState {
  running: { runId: number; startedAt: number; progress: ResolveProgress | null; request: ResolveRequest; cancelRequested: boolean } | null;
  /** The latest result that was not cancelled. */
  current: FinishedResolution | null;
  /** The resolved packages of the resolution before the latest resolved one, to show what a change did. */
  previousPackages: ResolvedPackageDto[] | null;
  /** A one-line notice about the last run that left no result (cancelled, or the worker failed). */
  notice: { kind: "cancelled" | "failure"; message: string } | null;
  /** A run began (any earlier one is superseded); `startedAt` is the page's clock reading, for the elapsed time shown. */
  started: (runId: number, request: ResolveRequest, startedAt: number) => void;
  /** Progress of the run `runId`; ignored once another run has begun. */
  progressed: (runId: number, progress: ResolveProgress) => void;
  /** The run `runId` ended with a resolution (resolved or not): it becomes the current one. */
  finished: (runId: number, request: ResolveRequest, resolution: Resolution) => void;
  /** The run ended without a result (cancelled, or the worker failed), with a one-line notice saying so. */
  stopped: (notice: { kind: "cancelled" | "failure"; message: string }) => void;
  /** The person asked to cancel the run in progress. */
  cancelRequested: () => void;
  dismissChanges: () => void;
}

export const useResolution = create<ResolutionState>()((set, get) => ({
  running: null,
  current: null,
  previousPackages: null,
  notice: null,
  started: (runId, request, startedAt) => set({ running: { runId, startedAt, progress: null, request, cancelRequested: false }, notice: null }),
  progressed: (runId, progress) => {
    const running = get().running;
    if (running?.runId === runId) set({ running: { ...running, progress } });
  },
  finished: (runId, request, resolution) => {
    const { current, previousPackages } = get();
    const lastResolved = current?.resolution.status === "resolved" ? current.resolution.packages : null;
    set({
      running: null,
      current: { runId, request, resolution },
      previousPackages: resolution.status === "resolved" ? lastResolved : previousPackages,
    });
  },
  stopped: (notice) => set({ running: null, notice }),
  cancelRequested: () => {
    const running = get().running;
    if (running) set({ running: { ...running, cancelRequested: true } });
  },
  dismissChanges: () => set({ previousPackages: null }),
}));
