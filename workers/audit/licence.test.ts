import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { licenceOf } from "./licence";

describe("licence of a release", () => {
  it("takes the PEP 639 expression over classifiers and text", () => {
    const l = licenceOf({ expression: "MIT OR Apache-2.0", classifiers: ["License :: OSI Approved :: BSD License"], text: "whatever" });
    expect(l).toMatchObject({ kind: "expression", label: "MIT OR Apache-2.0", permissive: true });
    expect(licenceOf({ expression: "GPL-3.0-only AND MIT", classifiers: [], text: null }).permissive).toBe(false);
    expect(licenceOf({ expression: "LGPL-2.1-or-later OR BSD-3-Clause", classifiers: [], text: null }).permissive).toBe(true);
  });

  it("uses License classifiers next, ignoring a bare 'OSI Approved'", () => {
    const l = licenceOf({ expression: null, classifiers: ["Programming Language :: Python", "License :: OSI Approved", "License :: OSI Approved :: GNU General Public License v3 (GPLv3)"], text: "GPL" });
    expect(l).toMatchObject({ kind: "classifiers", label: "GNU General Public License v3 (GPLv3)", permissive: false });
  });

  it("shows free text as written, never as an SPDX id, and says 'not stated' for nothing or setuptools' UNKNOWN", () => {
    expect(licenceOf({ expression: null, classifiers: [], text: "Apache 2.0" })).toEqual({ kind: "text", text: "Apache 2.0", label: "Apache 2.0", permissive: false });
    expect(licenceOf({ expression: null, classifiers: [], text: "UNKNOWN" }).kind).toBe("not-stated");
    expect(licenceOf({ expression: "", classifiers: [], text: null })).toEqual({ kind: "not-stated", label: "not stated", permissive: false });
  });

  it("reads the recorded pypi.org samples as their fields say", () => {
    const root = new URL("../index/samples/release-json/", import.meta.url);
    const seen: Record<string, string> = {};
    for (const project of readdirSync(root)) {
      for (const file of readdirSync(new URL(`${project}/`, root))) {
        const info = (JSON.parse(readFileSync(new URL(`${project}/${file}`, root), "utf8")) as { info: { license_expression?: string | null; classifiers?: string[]; license?: string | null } }).info;
        seen[`${project}/${file}`] = licenceOf({ expression: info.license_expression ?? null, classifiers: info.classifiers ?? [], text: info.license ?? null }).label;
      }
    }
    expect(seen["funcsigs/1.0.2.json"]).toBe("Apache Software License");
    expect(seen["pastel/0.1.0.json"]).toBe("MIT");
    expect(seen["python-language-server/0.21.2.json"]).toBe("not stated");
  });
});
