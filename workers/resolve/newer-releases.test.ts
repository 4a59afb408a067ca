// Tests of the releases newer than a locked version, as the details panel names them.
import { describe, expect, it } from "vitest";
import type { DistributionFile, ListingRelease } from "../index/index-types";
import { newerReleases } from "./newer-releases";

function release(version: string, yanked: false | string = false, files = 1): ListingRelease {
  const file = { filename: `lib-${version}.tar.gz`, yanked } as DistributionFile;
  return { version, listedAs: version, files: Array.from({ length: files }, () => file) };
}

describe("newerReleases", () => {
  const releases = [release("1.0"), release("1.2"), release("1.1"), release("2.0rc1"), release("1.3", "broken"), release("1.4", false, 0)];

  it("lists the installable final releases newer than the version, newest first", () => {
    expect(newerReleases(releases, "1.0")).toEqual(["1.2", "1.1"]);
    expect(newerReleases(releases, "1.0.0")).toEqual(["1.2", "1.1"]);
    expect(newerReleases(releases, "1.2")).toEqual([]);
  });

  it("offers pre-releases only to a pre-release, and nothing for a version it cannot read", () => {
    expect(newerReleases(releases, "1.0b1")).toEqual(["2.0rc1", "1.2", "1.1", "1.0"]);
    expect(newerReleases(releases, "not a version")).toEqual([]);
  });
});
