// Command-line flags parse into server options; bad values say which flag and why.

import { describe, expect, it } from "vitest";
import { parseCliArgs } from "./cli-options";

describe("parseCliArgs", () => {
  it("reads every flag, in both --flag value and --flag=value forms", () => {
    const r = parseCliArgs(["--port", "0", "--host=0.0.0.0", "--latency-ms", "25", "--fail-rate", "0.1", "--garbage-rate=0.05", "--seed", "abc", "--retry-after", "0"]);
    expect(r).toEqual({
      ok: true,
      help: false,
      options: { port: 0, host: "0.0.0.0", latencyMs: 25, failRate: 0.1, garbageRate: 0.05, seed: "abc", retryAfterSeconds: 0 },
    });
    expect(parseCliArgs([])).toEqual({ ok: true, help: false, options: { port: 8080 } });
  });

  it("rejects bad values and unknown flags with a message naming the flag", () => {
    expect(parseCliArgs(["--fail-rate", "1.5"])).toEqual({ ok: false, message: '--fail-rate: expected a number from 0 to 1, got "1.5"' });
    expect(parseCliArgs(["--port", "80.5"])).toEqual({ ok: false, message: '--port: expected an integer from 0 to 65535, got "80.5"' });
    expect(parseCliArgs(["--port"])).toEqual({ ok: false, message: "--port: missing value" });
    const unknown = parseCliArgs(["--bogus", "1"]);
    expect(unknown.ok).toBe(false);
    expect(unknown.ok ? "" : unknown.message).toMatch(/^unknown flag "--bogus"/);
  });
});
