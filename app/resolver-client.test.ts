// Tests of a run's cancel: the page gets a cancelled resolution at once, whatever the worker is doing, and the worker is told.
import { describe, expect, it } from "vitest";
import type { Resolution } from "../workers/api";
import { cancelledResolution, trackRun } from "./resolver-client";

/** A worker answer that arrives only when the test says so. */
function pendingAnswer(): { answer: Promise<Resolution>; deliver: (r: Resolution) => void } {
  let deliver = (_r: Resolution): void => undefined;
  const answer = new Promise<Resolution>((resolve) => (deliver = resolve));
  return { answer, deliver };
}

const { stats, resolvedAt } = cancelledResolution();
const resolved: Resolution = { status: "resolved", packages: [], warnings: [], diagnostics: [], stats, resolvedAt };

describe("trackRun", () => {
  it("settles with a cancelled resolution on cancel while the worker has not answered, and asks the worker to stop once", async () => {
    const { answer, deliver } = pendingAnswer();
    const stops: number[] = [];
    const run = trackRun(7, answer, () => stops.push(7));
    run.cancel();
    const result = await run.promise;
    expect(result.status).toBe("error");
    expect(result.status === "error" && result.error.kind).toBe("cancelled");
    expect(stops).toEqual([7]);
    // The worker's late answer changes nothing, and a second cancel asks nothing more.
    deliver(resolved);
    await answer;
    run.cancel();
    expect(await run.promise).toBe(result);
    expect(stops).toEqual([7]);
  });

  it("settles with the worker's answer when not cancelled, and a cancel after it asks the worker nothing", async () => {
    const { answer, deliver } = pendingAnswer();
    const stops: number[] = [];
    const run = trackRun(8, answer, () => stops.push(8));
    deliver(resolved);
    expect(await run.promise).toBe(resolved);
    run.cancel();
    expect(stops).toEqual([]);
  });

  it("passes a worker failure on when not cancelled", async () => {
    const run = trackRun(9, Promise.reject(new Error("worker died")), () => undefined);
    await expect(run.promise).rejects.toThrow("worker died");
  });
});
