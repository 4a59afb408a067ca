// Tests for the fetch pool: the concurrency bound, priorities, de-duplication, promotion and cancellation.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { createFetchPool } from "./fetch-pool";

/** A task that records its start and finishes when the test says so. */
function gate<T>(log: string[], name: string, value: T) {
  let open = (): void => undefined;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  const task = async (): Promise<T> => {
    log.push(name);
    await opened;
    return value;
  };
  return { task, open };
}

const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

describe("fetch pool", () => {
  it("never runs more than `concurrency` tasks at once, and runs them all", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 5 }), fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 30 }), async (concurrency, delays) => {
        const pool = createFetchPool({ concurrency });
        let running = 0;
        let peak = 0;
        const results = await Promise.all(
          delays.map((delay, i) =>
            pool.run(`k${i}`, i % 2 === 0 ? "urgent" : "prefetch", async () => {
              running += 1;
              peak = Math.max(peak, running);
              await new Promise((r) => setTimeout(r, delay));
              running -= 1;
              return i;
            }),
          ),
        );
        expect(results).toEqual(delays.map((_, i) => i));
        expect(peak).toBeLessThanOrEqual(concurrency);
        expect(pool.stats()).toEqual({ running: 0, queued: 0 });
      }),
      { numRuns: 30 },
    );
  });

  it("can hold prefetches until a first urgent task starts, so a caller that never needs the network sends nothing", async () => {
    const log: string[] = [];
    const pool = createFetchPool({ concurrency: 4, holdPrefetchesUntilUrgent: true });
    const [a, b, c] = [gate(log, "a", 1), gate(log, "b", 2), gate(log, "c", 3)];
    const held = [pool.run("a", "prefetch", a.task), pool.run("b", "prefetch", b.task)];
    await tick();
    expect(log).toEqual([]);
    expect(pool.stats()).toEqual({ running: 0, queued: 2 });
    const urgent = pool.run("c", "urgent", c.task);
    await tick();
    expect(log).toEqual(["c", "a", "b"]);
    for (const g of [a, b, c]) g.open();
    expect(await Promise.all([...held, urgent])).toEqual([1, 2, 3]);
  });

  it("runs a held prefetch at once when an urgent caller joins it", async () => {
    const log: string[] = [];
    const pool = createFetchPool({ holdPrefetchesUntilUrgent: true });
    const a = gate(log, "a", 1);
    const first = pool.run("a", "prefetch", a.task);
    const joined = pool.run("a", "urgent", async () => 99);
    await tick();
    expect(log).toEqual(["a"]);
    a.open();
    expect(await Promise.all([first, joined])).toEqual([1, 1]);
  });

  it("starts urgent tasks before queued prefetches, FIFO within a priority", async () => {
    const log: string[] = [];
    const pool = createFetchPool({ concurrency: 1 });
    const a = gate(log, "a", 1);
    const tasks = { b: gate(log, "b", 2), c: gate(log, "c", 3), d: gate(log, "d", 4) };
    const all = [pool.run("a", "prefetch", a.task), pool.run("b", "prefetch", tasks.b.task), pool.run("c", "urgent", tasks.c.task), pool.run("d", "urgent", tasks.d.task)];
    expect(pool.stats()).toEqual({ running: 1, queued: 3 });
    for (const g of [a, tasks.c, tasks.d, tasks.b]) {
      await tick();
      g.open();
    }
    expect(await Promise.all(all)).toEqual([1, 2, 3, 4]);
    expect(log).toEqual(["a", "c", "d", "b"]);
  });

  it("shares one run between identical in-flight keys and promotes a queued prefetch asked for urgently", async () => {
    const log: string[] = [];
    const pool = createFetchPool({ concurrency: 1 });
    const first = gate(log, "first", "f");
    const other = gate(log, "other", "o");
    const shared = gate(log, "shared", "s");
    const p1 = pool.run("first", "urgent", first.task);
    const p2 = pool.run("other", "prefetch", other.task);
    const p3 = pool.run("shared", "prefetch", shared.task);
    let duplicateRan = false;
    const p4 = pool.run("shared", "urgent", async () => {
      duplicateRan = true;
      return "dup";
    });
    expect(p4).toBe(p3);
    for (const g of [first, shared, other]) {
      await tick();
      g.open();
    }
    expect(await Promise.all([p1, p2, p3, p4])).toEqual(["f", "o", "s", "s"]);
    expect(duplicateRan).toBe(false);
    expect(log).toEqual(["first", "shared", "other"]);
    // Settled keys are forgotten: the same key runs again.
    expect(await pool.run("shared", "urgent", async () => "again")).toBe("again");
  });

  it("passes a failure to every caller and frees the slot", async () => {
    const pool = createFetchPool({ concurrency: 1 });
    const failing = pool.run("x", "urgent", async () => {
      throw new Error("boom");
    });
    const joined = pool.run("x", "urgent", async () => "never");
    await expect(failing).rejects.toThrow("boom");
    await expect(joined).rejects.toThrow("boom");
    expect(await pool.run("y", "urgent", async () => "next")).toBe("next");
    expect(pool.promote("nothing")).toBe(false);
  });

  it("rejects queued tasks when its signal aborts, leaving running ones alone", async () => {
    const controller = new AbortController();
    const pool = createFetchPool({ concurrency: 1, signal: controller.signal });
    const log: string[] = [];
    const running = gate(log, "running", "done");
    const p1 = pool.run("a", "urgent", running.task);
    let queuedRan = false;
    const p2 = pool.run("b", "urgent", async () => {
      queuedRan = true;
      return "b";
    });
    controller.abort(new Error("stop"));
    await expect(p2).rejects.toThrow("stop");
    running.open();
    expect(await p1).toBe("done");
    expect(queuedRan).toBe(false);
    await expect(pool.run("c", "urgent", async () => "c")).rejects.toThrow("stop");
  });

  it("drops a queued task nobody wants any more when its turn comes, without starting it", async () => {
    const pool = createFetchPool({ concurrency: 1, dropped: (key) => new Error(`dropped ${key}`) });
    const log: string[] = [];
    const first = gate(log, "first", "1");
    const run = new AbortController();
    const p1 = pool.run("a", "urgent", first.task, () => !run.signal.aborted);
    const p2 = pool.run("b", "prefetch", gate(log, "b", "2").task, () => !run.signal.aborted);
    const p3 = pool.run("c", "prefetch", async () => {
      log.push("c");
      return "3";
    });
    run.abort();
    first.open();
    // A task already running finishes; the unwanted queued one fails unstarted; one without `wanted` still runs.
    expect(await p1).toBe("1");
    await expect(p2).rejects.toThrow("dropped b");
    expect(await p3).toBe("3");
    expect(log).toEqual(["first", "c"]);
    expect(pool.stats()).toEqual({ running: 0, queued: 0 });
  });

  it("starts a queued task while any of its callers still wants it", async () => {
    const pool = createFetchPool({ concurrency: 1 });
    const log: string[] = [];
    const first = gate(log, "first", "1");
    const cancelled = new AbortController();
    const next = new AbortController();
    void pool.run("a", "urgent", first.task);
    const old = pool.run("b", "prefetch", gate(log, "b-old", "old").task, () => !cancelled.signal.aborted);
    // A later run asks for the same thing before the first run is cancelled: the request still goes out, once.
    const joined = pool.run("b", "urgent", gate(log, "b-new", "new").task, () => !next.signal.aborted);
    cancelled.abort();
    first.open();
    await tick();
    expect(log).toEqual(["first", "b-old"]);
    expect(joined).toBe(old);
  });

  it("a caller without `wanted` joining a queued task keeps it wanted", async () => {
    const pool = createFetchPool({ concurrency: 1 });
    const log: string[] = [];
    const first = gate(log, "first", "1");
    const cancelled = new AbortController();
    void pool.run("a", "urgent", first.task);
    const queued = pool.run("b", "prefetch", async () => {
      log.push("b");
      return "b";
    }, () => !cancelled.signal.aborted);
    void pool.run("b", "urgent", async () => "never");
    cancelled.abort();
    first.open();
    expect(await queued).toBe("b");
    expect(log).toEqual(["first", "b"]);
  });
});
