// One resolution from request to plain-data result: parse the input, run PubGrub with the Python provider, explain or list.
import type { ResolveRequest, ResolveStats, Resolution } from "../api";
import type { SolveStats } from "../pubgrub/solver";
import { explainFailure } from "./explain-failure";
import { prepareRequest } from "./prepare-request";
import { IndexFailure } from "./index-failure";
import type { PythonProvider } from "./python-provider";
import type { ResolveContext } from "./resolve-context";
import { resolvedPackages } from "./resolved-packages";
import { skippedRequirements, targetScope } from "./skipped-requirements";
import { solveOnce, type SolveRun } from "./solve-once";
import { DEFAULT_SOLVE_LIMITS, limitMessage } from "./solve-limits";
import { resolveUniversal, type UniversalHooks } from "./universal-resolve";
import { findWaysOut, type WaysOut } from "./ways-out";
import type { PreparedRequest } from "./prepare-request";

const PROGRESS_INTERVAL_MS = 100;

function emptyStats(): ResolveStats {
  return { wallMs: 0, solveMs: 0, requests: 0, bytes: 0, cacheHits: 0, decisions: 0, conflicts: 0 };
}

/** Resolves a request end to end. Never throws for problems a person can cause: they come back as `status: "error"`. */
export async function resolveRequest(request: ResolveRequest, context: ResolveContext): Promise<Resolution> {
  const started = context.now();
  const resolvedAt = new Date().toISOString();
  const baseStats = context.sourceStats?.() ?? { requests: 0, bytes: 0, cacheHits: 0, inFlight: 0 };
  const stats = emptyStats();
  const finish = (run: SolveRun | null, solveStats: SolveStats | null) => {
    const now = context.sourceStats?.() ?? baseStats;
    stats.wallMs = Math.round(context.now() - started);
    stats.solveMs = Math.round(run?.solveMs ?? 0);
    stats.requests = now.requests - baseStats.requests;
    stats.bytes = now.bytes - baseStats.bytes;
    stats.cacheHits = now.cacheHits - baseStats.cacheHits;
    stats.decisions = solveStats?.decisions ?? 0;
    stats.conflicts = solveStats?.conflicts ?? 0;
    return stats;
  };

  const prepared = prepareRequest(request);
  if (!prepared.ok) {
    return { status: "error", error: { kind: "input", message: prepared.message }, warnings: [], diagnostics: prepared.diagnostics, stats: finish(null, null), resolvedAt };
  }
  const { options, roots, diagnostics } = prepared.prepared;

  let lastProgress = -Infinity;
  let latest: { stats: SolveStats | null; provider: PythonProvider | null } = { stats: null, provider: null };
  const report = (force = false) => {
    const now = context.now();
    if (!context.onProgress || !latest.provider || (!force && now - lastProgress < PROGRESS_INTERVAL_MS)) return;
    lastProgress = now;
    const source = context.sourceStats?.();
    context.onProgress({
      projectsDiscovered: latest.provider.projectsDiscovered(),
      metadataFetched: latest.provider.metadataFetched,
      requestsInFlight: source?.inFlight ?? 0,
      decisions: latest.stats?.decisions ?? 0,
      conflicts: latest.stats?.conflicts ?? 0,
      elapsedMs: Math.round(now - started),
    });
  };
  // While the solver waits on the index it makes no progress calls: a timer keeps the counts moving.
  const ticker = context.onProgress ? setInterval(() => report(), PROGRESS_INTERVAL_MS) : null;

  if (request.universal) {
    try {
      return await universalResolution(prepared.prepared, request, context, {
        onStats: (stats, provider) => {
          latest = { stats, provider };
          report();
        },
        onStart: (provider) => {
          latest = { stats: null, provider };
        },
      }, finish, resolvedAt);
    } catch (error) {
      if (error instanceof IndexFailure) {
        return { status: "error", error: { kind: error.kind, message: error.message, url: error.url }, warnings: [], diagnostics, stats: finish(null, null), resolvedAt };
      }
      throw error;
    } finally {
      if (ticker !== null) clearInterval(ticker);
    }
  }

  const skipped = skippedRequirements(prepared.prepared.input, targetScope(options.markerEnv, options.targetLabel));
  let run: SolveRun;
  try {
    run = await solveOnce(
      options,
      roots,
      context,
      (stats, provider) => {
        latest = { stats, provider };
        report();
      },
      (provider) => {
        latest = { stats: null, provider };
      },
    );
  } catch (error) {
    if (error instanceof IndexFailure) {
      const kind = error.kind;
      return { status: "error", error: { kind, message: error.message, url: error.url }, warnings: [], diagnostics, stats: finish(null, null), resolvedAt };
    }
    throw error;
  } finally {
    if (ticker !== null) clearInterval(ticker);
  }
  const { result, provider } = run;
  latest = { stats: result.stats, provider };
  report(true);
  const warnings = [...provider.warnings.entries()].flatMap(([name, list]) => list.map((w) => `${name}: ${w}`));

  if (result.kind === "cancelled" && run.stopped !== null) {
    const message = limitMessage(run.stopped, { ...DEFAULT_SOLVE_LIMITS, ...context.limits }, provider);
    return { status: "error", error: { kind: "too-complex", message }, warnings, diagnostics, stats: finish(run, result.stats), resolvedAt };
  }
  if (result.kind === "cancelled") {
    return { status: "error", error: { kind: "cancelled", message: "Resolution cancelled." }, warnings, diagnostics, stats: finish(run, result.stats), resolvedAt };
  }
  if (result.kind === "solved") {
    const packages = resolvedPackages(result.solution, provider, options, roots);
    return { status: "resolved", packages, warnings, skipped, diagnostics, stats: finish(run, result.stats), resolvedAt };
  }
  const explanation = await explainFailure(result.tree, provider, options, { roots, rootLines: prepared.prepared.rootSources.map((s) => (s.file ? null : s.line)) });
  const verdict: Resolution = {
    status: "unsatisfiable",
    summary: explanation.summary,
    explanation: explanation.text,
    graph: explanation.graph,
    suggestions: [],
    warnings,
    skipped,
    diagnostics,
    stats: { ...finish(run, result.stats) },
    resolvedAt,
  };
  context.onVerdict?.(verdict);
  let waysOut: WaysOut = { suggestions: [], complete: false };
  try {
    waysOut = await findWaysOut(result.tree, prepared.prepared, context);
  } catch (error) {
    if (!(error instanceof IndexFailure)) throw error;
  }
  // The stats count every request, the ways-out re-solves' too.
  return { ...verdict, suggestions: waysOut.suggestions, waysOutIncomplete: !waysOut.complete, stats: finish(run, result.stats) };
}

/** A universal request through {@link resolveUniversal}, in the same result shapes (stats summed over the forks' solves). */
async function universalResolution(
  prepared: PreparedRequest,
  request: ResolveRequest,
  context: ResolveContext,
  hooks: UniversalHooks,
  finish: (run: SolveRun | null, stats: SolveStats | null) => ResolveStats,
  resolvedAt: string,
): Promise<Resolution> {
  const { diagnostics } = prepared;
  const outcome = await resolveUniversal(prepared, request, context, hooks);
  const summed = (runs: readonly SolveRun[]): ResolveStats => {
    const last = runs[runs.length - 1] ?? null;
    const total = runs.reduce((acc, r) => ({ decisions: acc.decisions + r.result.stats.decisions, conflicts: acc.conflicts + r.result.stats.conflicts }), { decisions: 0, conflicts: 0 });
    const stats = finish(last, last ? { ...last.result.stats, ...total } : null);
    stats.solveMs = Math.round(runs.reduce((acc, r) => acc + r.solveMs, 0));
    return stats;
  };
  if (outcome.kind === "error") {
    return { status: "error", error: { kind: outcome.errorKind, message: outcome.message }, warnings: [], diagnostics, stats: summed(outcome.runs), resolvedAt };
  }
  if (outcome.kind === "stopped") {
    const { run } = outcome;
    const message = run.stopped !== null ? limitMessage(run.stopped, { ...DEFAULT_SOLVE_LIMITS, ...context.limits }, run.provider) : "Resolution cancelled.";
    return { status: "error", error: { kind: run.stopped !== null ? "too-complex" : "cancelled", message }, warnings: [], diagnostics, stats: summed(outcome.runs), resolvedAt };
  }
  if (outcome.kind === "resolved") {
    return { status: "resolved", ...outcome.resolution, diagnostics, stats: summed(outcome.runs), resolvedAt };
  }
  const verdict: Resolution = { status: "unsatisfiable", ...outcome.resolution, suggestions: [], diagnostics, stats: summed(outcome.runs), resolvedAt };
  context.onVerdict?.(verdict);
  return verdict;
}
