// Fault injection is a pure function of seed, request and attempt number, at roughly the requested rates.

import { describe, expect, it } from "vitest";
import { FaultInjector, garbageBody } from "./faults";

const opts = { failRate: 0.3, garbageRate: 0.2, seed: "s1", retryAfterSeconds: 0 };

function sequence(inj: FaultInjector, paths: readonly string[]): string[] {
  return paths.map((p) => {
    const f = inj.decide("GET", p);
    return f === null ? "ok" : f.kind === "fail" ? String(f.status) : "garbage";
  });
}

describe("FaultInjector", () => {
  const paths = Array.from({ length: 400 }, (_, i) => `/simple/p${i % 50}/`);

  it("gives the same faults for the same seed and request sequence, and different ones for another seed", () => {
    const a = sequence(new FaultInjector(opts), paths);
    expect(sequence(new FaultInjector(opts), paths)).toEqual(a);
    expect(sequence(new FaultInjector({ ...opts, seed: "s2" }), paths)).not.toEqual(a);
    const inj = new FaultInjector(opts);
    sequence(inj, paths);
    inj.reset();
    expect(sequence(inj, paths)).toEqual(a);
  });

  it("does not depend on how other URLs interleave, and retries draw again", () => {
    const inj1 = new FaultInjector(opts);
    const inj2 = new FaultInjector(opts);
    const mine = ["/x/", "/x/", "/x/", "/x/"];
    const alone = sequence(inj1, mine);
    const mixed = ["/x/", "/y/", "/x/", "/z/", "/x/", "/y/", "/x/"].map((p) => [p, sequence(inj2, [p])[0]] as const);
    expect(mixed.filter(([p]) => p === "/x/").map(([, r]) => r)).toEqual(alone);
  });

  it("fails and garbles at about the requested rates, with all three statuses", () => {
    const out = sequence(new FaultInjector(opts), Array.from({ length: 4000 }, (_, i) => `/p${i}`));
    const fail = out.filter((r) => r !== "ok" && r !== "garbage").length / out.length;
    const garbage = out.filter((r) => r === "garbage").length / out.length;
    expect(fail).toBeGreaterThan(0.25);
    expect(fail).toBeLessThan(0.35);
    expect(garbage).toBeGreaterThan(0.7 * 0.2 * 0.8);
    expect(garbage).toBeLessThan(0.7 * 0.2 * 1.2);
    expect(new Set(out)).toEqual(new Set(["ok", "garbage", "500", "503", "429"]));
    expect(sequence(new FaultInjector({ ...opts, failRate: 0, garbageRate: 0 }), paths).every((r) => r === "ok")).toBe(true);
  });

  it("makes bodies that no longer parse or hash the same", () => {
    expect(() => JSON.parse(Buffer.from(garbageBody("json", new Uint8Array())).toString())).toThrow();
    const file = new Uint8Array(300).fill(7);
    const damaged = garbageBody("file", file);
    expect(damaged.length).toBe(file.length);
    expect(Buffer.from(damaged).equals(Buffer.from(file))).toBe(false);
  });
});
