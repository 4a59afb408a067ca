// Synthetic upload times rise with the version and stay before every bound they must precede.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { UPLOAD_BASE, isoMicros, spreadUploadTimes } from "./upload-times";

describe("spreadUploadTimes", () => {
  it("is strictly increasing, after the base and before each release's and every later release's bound", () => {
    // Bounds are recording instants: whole minutes (in practice days) apart, so there is room between them.
    const bound = fc.integer({ min: 1, max: 10_000_000 }).map((minutes) => UPLOAD_BASE + minutes * 60_000);
    fc.assert(
      fc.property(fc.array(bound, { minLength: 1, maxLength: 60 }), (bounds) => {
        const versions = bounds.map((_, i) => `${i}.0`);
        const times = spreadUploadTimes("p", versions, bounds);
        for (let i = 0; i < times.length; i++) {
          const t = times[i] ?? 0;
          expect(t).toBeGreaterThan(UPLOAD_BASE);
          for (let j = i; j < bounds.length; j++) expect(t).toBeLessThan(bounds[j] ?? 0);
          if (i > 0) expect(t).toBeGreaterThan(times[i - 1] ?? 0);
        }
      }),
    );
  });

  it("is deterministic and formats like PyPI", () => {
    const b = [Date.parse("2020-02-13T00:00:00Z"), Date.parse("2020-02-13T00:00:00Z")];
    expect(spreadUploadTimes("six", ["1.0", "1.1"], b)).toEqual(spreadUploadTimes("six", ["1.0", "1.1"], b));
    expect(isoMicros(Date.parse("2019-10-28T23:53:54.123Z"))).toMatch(/^2019-10-28T23:53:54\.123\d{3}Z$/);
  });
});
