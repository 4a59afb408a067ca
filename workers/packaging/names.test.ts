// Tests for PEP 503 name normalisation and project-name validation (packaging's canonicalize_name rules).
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { canonicalizeName, isValidProjectName } from "./names";

describe("canonicalizeName", () => {
  it("lower-cases and collapses runs of - _ . into one -", () => {
    expect(canonicalizeName("Django")).toBe("django");
    expect(canonicalizeName("oslo.concurrency")).toBe("oslo-concurrency");
    expect(canonicalizeName("Foo__Bar-.-baz")).toBe("foo-bar-baz");
    expect(canonicalizeName("zope.interface")).toBe("zope-interface");
    expect(canonicalizeName("_leading.")).toBe("-leading-");
  });

  it("is idempotent and leaves no separator runs (property)", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9._-]{0,20}$/), (name) => {
        const c = canonicalizeName(name);
        expect(canonicalizeName(c)).toBe(c);
        expect(c).not.toMatch(/[_.A-Z]|--/);
        if (isValidProjectName(name)) expect(c).toMatch(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/);
      }),
    );
  });
});

describe("isValidProjectName", () => {
  it("follows the core-metadata name rule", () => {
    expect(isValidProjectName("requests")).toBe(true);
    expect(isValidProjectName("a")).toBe(true);
    expect(isValidProjectName("Zope.Interface_2")).toBe(true);
    expect(isValidProjectName("-foo")).toBe(false);
    expect(isValidProjectName("foo-")).toBe(false);
    expect(isValidProjectName("")).toBe(false);
    expect(isValidProjectName("foo bar")).toBe(false);
    expect(isValidProjectName("caf\u00e9")).toBe(false);
    expect(isValidProjectName("\u017fix")).toBe(false);
  });
});
