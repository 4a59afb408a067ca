// Tests of range shortening to the versions that exist, and of where the pass applies it.
import { describe, expect, it } from "vitest";
import type { IntRange } from "../test-support/int-range";
import { range, semverSets, ver } from "../test-support/semver";
import { TreeBuilder } from "../test-support/tree-builder";
import { shortenRanges } from "./shorten-ranges";
import { versionListShortener } from "./version-list-shortener";

const known: Record<string, string[]> = { foo: ["2.0.0", "1.0.0", "1.2.0", "1.1.0"], bar: ["1.0.0", "2.0.0"] };
const shorten = versionListShortener<number, IntRange>({
  versions: (pkg) => known[pkg]?.map(ver),
  compare: (a, b) => a - b,
  sets: semverSets,
  atLeast: (v) => semverSets.atLeast(v),
  lessThan: (v) => semverSets.lessThan(v),
});
const short = (pkg: string, text: string) => shorten(pkg, range(text)).toString();

describe("versionListShortener", () => {
  it("writes runs of existing versions as simply as pub does", () => {
    expect(short("foo", "1.0.0")).toBe("<1.1.0");
    expect(short("foo", "1.1.0")).toBe("1.1.0");
    expect(short("foo", ">=1.1.0 <1.3.0")).toBe("^1.1.0");
    expect(short("foo", ">=1.5.0")).toBe(">=2.0.0");
    expect(short("foo", "^1.0.0")).toBe("<2.0.0");
    expect(short("foo", ">=0.5.0")).toBe("any");
    const gaps = semverSets.singleton(ver("1.0.0")).union(semverSets.singleton(ver("1.2.0")));
    expect(shorten("foo", gaps).toString()).toBe("<1.1.0 or 1.2.0");
  });

  it("leaves sets without existing versions, and unknown packages, alone", () => {
    expect(short("foo", ">=3.0.0")).toBe(">=3.0.0");
    expect(short("baz", "1.0.0")).toBe("1.0.0");
  });
});

describe("shortenRanges", () => {
  it("by default shortens dependers, unavailable versions and positive terms, not declared requirements", () => {
    const b = new TreeBuilder();
    const d = b.derived(
      b.dependency("foo", ">=1.1.0 <1.5.0", "bar", ">=0.1.0 <3.0.0"),
      b.noVersions("bar", ">=5.0.0"),
      "foo >=1.1.0 <1.5.0",
      "not bar >=0.1.0 <3.0.0",
    );
    const out = shortenRanges(b.tree(d), shorten).root;
    if (out.kind !== "derived" || out.cause1.kind !== "dependency" || out.cause2.kind !== "no-versions") throw new Error("shape");
    expect(out.terms.map((t) => t.set.toString())).toEqual(["^1.1.0", ">=0.1.0 <3.0.0"]);
    expect(out.cause1.versions.toString()).toBe("^1.1.0");
    expect(out.cause1.dependencyRange.toString()).toBe(">=0.1.0 <3.0.0");
    expect(out.cause1.terms.map((t) => t.set.toString())).toEqual(["^1.1.0", ">=0.1.0 <3.0.0"]);
    expect(out.cause2.versions.toString()).toBe(">=5.0.0");
  });

  it("shortens any chosen places", () => {
    const b = new TreeBuilder();
    const d = b.dependency("foo", "1.0.0", "bar", ">=0.1.0 <3.0.0");
    const out = shortenRanges(b.tree(d), shorten, ["dependency"]).root;
    expect(out.kind === "dependency" && out.dependencyRange.toString()).toBe("any");
    expect(out.kind === "dependency" && out.versions.toString()).toBe("1.0.0");
  });
});
