// Tests for the TOML literals: every string or key survives a round trip through a TOML parser (smol-toml); datetimes come out in UTC.
import fc from "fast-check";
import { parse, TomlDate } from "smol-toml";
import { describe, expect, it } from "vitest";
import { basicString, tomlArray, tomlInlineTable, tomlKey, tomlString, tomlUtcDatetime, tomlValue } from "./toml-values";

/** What TOML can hold: the string with lone surrogates replaced (TOML strings are Unicode scalar values). */
const scalarValues = (s: string) => s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");

const anyString = fc.oneof(fc.string({ unit: "binary" }), fc.string({ unit: fc.constantFrom("'", '"', "\\", "\n", "\t", "\u0000", "\u007f", "a", "é", "\uD800", "\uDC00", "😀") }));

describe("TOML strings and keys", () => {
  it("round-trips any string as a value and as a key", () => {
    fc.assert(
      fc.property(anyString, anyString, (value, key) => {
        // Two documents: a generated key may be "b" itself (seed 24 found it), and a key twice is no TOML.
        const doc = parse(`${tomlKey(key || "k")} = ${tomlString(value)}`);
        expect(doc[scalarValues(key || "k")]).toBe(scalarValues(value));
        expect(parse(`b = ${basicString(value)}`).b).toBe(scalarValues(value));
      }),
      { numRuns: 500 },
    );
  });

  it("writes a literal string only when it saves escapes", () => {
    expect(tomlString('python_version == "3.8"')).toBe(`'python_version == "3.8"'`);
    expect(tomlString("plain")).toBe('"plain"');
    expect(tomlString(`it's "quoted"`)).toBe(String.raw`"it's \"quoted\""`);
    expect(tomlString("tab\there")).toBe(String.raw`"tab\there"`);
    expect(basicString("\u0001\u007f")).toBe(String.raw`"\u0001\u007F"`);
  });

  it("writes bare keys when allowed and quotes the rest", () => {
    expect(tomlKey("upload-time")).toBe("upload-time");
    expect(tomlKey("a.b")).toBe('"a.b"');
    expect(tomlKey("")).toBe('""');
  });

  it("writes arrays, inline tables and integers, and refuses what it cannot write exactly", () => {
    expect(parse(`a = ${tomlArray(["x", 1, true])}\nt = ${tomlInlineTable([["name", "six"], ["n", 2]])}\ne = ${tomlInlineTable([])}`)).toEqual({ a: ["x", 1, true], t: { name: "six", n: 2 }, e: {} });
    expect(() => tomlValue(1.5)).toThrow();
    expect(() => tomlValue(2 ** 60)).toThrow();
  });
});

describe("TOML datetimes", () => {
  it("keeps a UTC time and its fraction of a second exactly", () => {
    expect(tomlUtcDatetime("2020-09-10T02:42:57.967334Z")?.toml).toBe("2020-09-10T02:42:57.967334Z");
    expect(tomlUtcDatetime("2020-09-10t02:42:57+00:00")?.toml).toBe("2020-09-10T02:42:57Z");
  });

  it("takes a time without offset as UTC and converts other offsets", () => {
    expect(tomlUtcDatetime("2014-01-02 03:04:05")?.toml).toBe("2014-01-02T03:04:05Z");
    expect(tomlUtcDatetime("2014-01-02T03:04:05.5-05:30")?.toml).toBe("2014-01-02T08:34:05.500Z");
    expect(tomlUtcDatetime("2014-01-02T03:04:05+01:00")?.toml).toBe("2014-01-02T02:04:05Z");
  });

  it("refuses what is not a valid instant", () => {
    for (const bad of ["", "2020-02-30T00:00:00Z", "2021-02-29T00:00:00Z", "2020-13-01T00:00:00Z", "2020-01-01T24:00:00Z", "2020-01-01", "yesterday"]) {
      expect(tomlUtcDatetime(bad), bad).toBeNull();
    }
    expect(tomlUtcDatetime("2020-02-29T00:00:00Z")?.toml).toBe("2020-02-29T00:00:00Z");
  });

  it("is read back by a TOML parser as the same instant, for any time", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("1970-01-01T00:00:00Z"), max: new Date("2099-12-31T23:59:59Z"), noInvalidDate: true }), fc.integer({ min: -14 * 60, max: 14 * 60 }), (date, offsetMinutes) => {
        const local = new Date(date.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 23);
        const sign = offsetMinutes < 0 ? "-" : "+";
        const abs = Math.abs(offsetMinutes);
        const text = `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
        const written = tomlUtcDatetime(text);
        expect(written?.toml.endsWith("Z")).toBe(true);
        const value = parse(`t = ${written?.toml}`).t;
        expect(value).toBeInstanceOf(TomlDate);
        expect((value as TomlDate).getTime()).toBe(date.getTime());
      }),
      { numRuns: 300 },
    );
  });
});
