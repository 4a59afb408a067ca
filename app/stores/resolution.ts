// The resolution store: the run in progress (progress, cancel), the latest result and the one before it (for "what changed").
import { create } from "zustand";
import type { ResolvedPackageDto, Resolution, ResolveProgress, ResolveRequest } from "../../workers/api";
import { resolve, type ResolveRun } from "../resolver-client";
import { buildResolveRequest } from "./build-request";
import { useSession } from "./session";

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
  run: () => void;
  cancel: () => void;
  dismissChanges: () => void;
}

let active: ResolveRun | null = null;

export const useResolution = create<ResolutionState>()((set, get) => ({
  running: null,
  current: null,
  previousPackages: null,
  notice: null,
  run: () => {
    active?.cancel();
    const session = useSession.getState();
    const request = buildResolveRequest(session);
    const started = performance.now();
    const run = resolve(request, (progress) => {
      const running = get().running;
      if (running?.runId === run.runId) set({ running: { ...running, progress } });
    });
    active = run;
    set({ running: { runId: run.runId, startedAt: started, progress: null, request, cancelRequested: false }, notice: null });
    run.promise.then(
      (resolution) => {
        if (active !== run) return;
        active = null;
        if (resolution.status === "error" && resolution.error.kind === "cancelled") {
          const seconds = ((performance.now() - started) / 1000).toFixed(1);
          set({ running: null, notice: { kind: "cancelled", message: `Resolution cancelled after ${seconds} s.` } });
          return;
        }
        const { current, previousPackages } = get();
        const lastResolved = current?.resolution.status === "resolved" ? current.resolution.packages : null;
        set({
          running: null,
          current: { runId: run.runId, request, resolution },
          previousPackages: resolution.status === "resolved" ? lastResolved : previousPackages,
        });
      },
      (error: unknown) => {
        if (active !== run) return;
        active = null;
        set({ running: null, notice: { kind: "failure", message: `The resolver stopped unexpectedly: ${String(error)}` } });
      },
    );
  },
  cancel: () => {
    const running = get().running;
    if (!running || !active) return;
    active.cancel();
    set({ running: { ...running, cancelRequested: true } });
  },
  dismissChanges: () => set({ previousPackages: null }),
}));
