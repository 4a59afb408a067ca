import { describe, expect, it } from "vitest";
import { resolvedPackage } from "../../test-support/resolved-package";
import { freshnessOf } from "./freshness";
import { diffPackages } from "./resolution-diff";

const file = (uploadTime: string | null) => ({ filename: "x.whl", url: "https://x/x.whl", hashes: {}, size: null, uploadTime, kind: "wheel" as const, requiresPython: null });

describe("freshness of a resolved package", () => {
  it("counts newer final releases, names the gap to the newest and keeps the resolver's reasons", () => {
    const f = freshnessOf(
      resolvedPackage("urllib3", "1.23", {
        files: [file("2018-06-05T10:00:00Z"), file("2018-06-04T22:00:00Z")],
        rejectedNewer: [
          { version: "1.24", reason: "excluded by requests's requirement urllib3<1.24,>=1.21.1" },
          { version: "2.0.0a1", reason: "a pre-release (not allowed unless asked for)" },
          { version: "1.26.2", reason: "excluded by requests's requirement urllib3<1.24,>=1.21.1" },
        ],
      }),
    );
    expect(f).toEqual({
      name: "urllib3",
      version: "1.23",
      newest: "1.26.2",
      behind: 2,
      gap: "minor",
      newer: [
        { version: "2.0.0a1", reason: "a pre-release (not allowed unless asked for)" },
        { version: "1.26.2", reason: "excluded by requests's requirement urllib3<1.24,>=1.21.1" },
        { version: "1.24", reason: "excluded by requests's requirement urllib3<1.24,>=1.21.1" },
      ],
      releasedAt: "2018-06-04T22:00:00Z",
    });
  });

  it("is current when nothing newer exists, and names a major gap", () => {
    expect(freshnessOf(resolvedPackage("six", "1.15.0"))).toMatchObject({ newest: "1.15.0", behind: 0, gap: null, releasedAt: null });
    expect(freshnessOf(resolvedPackage("django", "2.2.17", { rejectedNewer: [{ version: "3.1.3", reason: "excluded by your requirement django<3" }] })).gap).toBe("major");
  });
});

describe("diff of two resolutions", () => {
  it("sorts changes by PEP 440 direction, not by text", () => {
    const before = [resolvedPackage("a", "1.9"), resolvedPackage("b", "2.0"), resolvedPackage("c", "1.0")];
    const after = [resolvedPackage("a", "1.10"), resolvedPackage("b", "1.10"), resolvedPackage("d", "0.1")];
    expect(diffPackages(before, after)).toEqual({
      added: [{ name: "d", to: "0.1" }],
      removed: [{ name: "c", from: "1.0" }],
      upgraded: [{ name: "a", from: "1.9", to: "1.10" }],
      downgraded: [{ name: "b", from: "2.0", to: "1.10" }],
    });
  });
});
