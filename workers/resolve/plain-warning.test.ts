// Tests of warnings in plain words: the real texts the 2020 snapshot's pyzmq listing produced.
import { describe, expect, it } from "vitest";
import { plainWarning } from "./plain-warning";

describe("plainWarning", () => {
  it("says what an undefined marker comparison means instead of packaging's repr", () => {
    const raw = `ignored "py ; implementation_name === "pypy"": its marker cannot be evaluated (Undefined <Op('===')> on 'cpython' and 'pypy'.)`;
    expect(plainWarning(raw)).toBe(
      `ignored "py ; implementation_name === "pypy"": its marker compares "cpython" with "pypy" using ===, which markers do not define; the requirement is left out, as pip leaves it out`,
    );
  });

  it("drops the raw exception quoted after a readable reason", () => {
    const raw = `skipped version "18.1.0_0_py38h16f9016" of pyzmq: pyzmq-18.1.0_0_py38h16f9016-py3-none-any.whl is not a valid file name (Invalid wheel filename (invalid version): 'pyzmq-18.1.0_0_py38h16f9016-py3-none-any')`;
    expect(plainWarning(raw)).toBe(`skipped version "18.1.0_0_py38h16f9016" of pyzmq: pyzmq-18.1.0_0_py38h16f9016-py3-none-any.whl is not a valid file name`);
  });

  it("leaves warnings that are already plain alone, parentheses included", () => {
    const plain = "the dependencies of oldpkg 0.5.0 are unknown (no metadata for an sdist); assumed to have none";
    expect(plainWarning(plain)).toBe(plain);
  });
});
