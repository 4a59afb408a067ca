// The budget of one solve (decisions and time), and the message given when a solve runs out of it.
import type { PythonProvider } from "./python-provider";

export interface SolveLimits {
  /** Decisions (a version chosen for a package) before giving up; pip gives up after 200,000 rounds. */
  maxDecisions: number;
  /** Milliseconds from the start of the solve, network waits included. */
  maxMs: number;
}

export const DEFAULT_SOLVE_LIMITS: SolveLimits = { maxDecisions: 100_000, maxMs: 300_000 };

/** Why a solve stopped before an answer. */
export interface SolveStop {
  limit: "decisions" | "time";
  decisions: number;
  ms: number;
}

const PROJECTS_NAMED = 5;

/**
 * What a person reads when the budget ran out: which limit, how far the solver got, the projects it went back and forth
 * on most (the partial explanation: where the search space is), and how to raise the limit.
 */
export function limitMessage(stop: SolveStop, limits: SolveLimits, provider: PythonProvider): string {
  const spent = `${stop.decisions.toLocaleString("en-US")} decisions in ${(stop.ms / 1000).toFixed(1)} s`;
  const which =
    stop.limit === "decisions"
      ? `the limit of ${limits.maxDecisions.toLocaleString("en-US")} decisions (--max-decisions in the terminal)`
      : `the time limit of ${Math.round(limits.maxMs / 1000)} s (--max-seconds in the terminal)`;
  const lines = [`Gave up after ${spent}: ${which} was reached before a solution was found or proven impossible.`];
  const moved = provider.mostBacktracked(PROJECTS_NAMED);
  if (moved.length > 0) {
    lines.push(
      `The solver kept going back through the versions of ${moved.map(([name, tries]) => `${name} (${tries} versions tried)`).join(", ")}.`,
      "Narrowing the requirements on these (a lower bound, or a pin to a version you know works) shrinks the search; or raise the limit.",
    );
  } else {
    lines.push("Raise the limit, or narrow the requirements.");
  }
  return lines.join("\n");
}
