// Core metadata text and extra markers: Requires-Dist order kept, Provides-Extra before an extra's first use.

import { describe, expect, it } from "vitest";
import { writeCoreMetadata } from "./core-metadata";
import { extrasOf, providedExtras, withExtraMarker } from "./extra-markers";

describe("extra markers", () => {
  it("adds extra markers the way setuptools writes them", () => {
    expect(withExtraMarker("six>=1", "x")).toBe('six>=1; extra == "x"');
    expect(withExtraMarker('six; python_version < "3"', "x")).toBe('six; (python_version < "3") and extra == "x"');
    expect(withExtraMarker("pkg @ https://e.x/p;v=1.whl ; os_name == 'nt'", "x")).toBe("pkg @ https://e.x/p;v=1.whl; (os_name == 'nt') and extra == \"x\"");
  });

  it("reads extras back, in order of first mention", () => {
    expect(extrasOf("win-inet-pton; sys_platform == \"win32\" and (python_version == \"2.7\") and extra == 'socks'")).toEqual(["socks"]);
    expect(extrasOf("six")).toEqual([]);
    expect(providedExtras(["a; extra == 'b'", "c", 'd; extra == "a"', "e; extra == 'b'"])).toEqual(["b", "a"]);
  });
});

describe("writeCoreMetadata", () => {
  const base = { name: "Foo", version: "1.0", summary: "s", license: "MIT", requiresPython: ">=3.8", includeDependencies: true };

  it("writes headers, then requirements in order with Provides-Extra just before each extra's first one", () => {
    const text = writeCoreMetadata({ ...base, requiresDist: ["six (>=1)", "a; extra == 'x'", "b", "c; extra == 'x'"] });
    expect(text).toBe(
      [
        "Metadata-Version: 2.1",
        "Name: Foo",
        "Version: 1.0",
        "Summary: s",
        "License: MIT",
        "Requires-Python: >=3.8",
        "Requires-Dist: six (>=1)",
        "Provides-Extra: x",
        "Requires-Dist: a; extra == 'x'",
        "Requires-Dist: b",
        "Requires-Dist: c; extra == 'x'",
        "",
        "",
      ].join("\n"),
    );
  });

  it("writes old-style metadata without dependency fields when they are unknown", () => {
    const text = writeCoreMetadata({ ...base, requiresDist: ["six"], includeDependencies: false });
    expect(text).toContain("Metadata-Version: 1.1");
    expect(text).not.toContain("Requires-");
  });
});
