// Property test: over random small registries whose requirements carry platform, Python and extra markers, a universal answer narrowed to any of 3 platforms x 2 Pythons is a valid resolution there, and a failure names where.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { TargetDto } from "../api";
import { evaluateMarker } from "../packaging/markers";
import { narrowUniversal } from "./narrow-universal";
import { parseDependency } from "./parsed-dependency";
import { resolveRequest } from "./resolve";
import { request } from "./test-support/fixture-resolve";
import { environment, narrow, registrySource, validityProblems, type Registry } from "./test-support/narrowed-resolution";

const NAMES = ["a", "b", "c", "d"];
const VERSIONS = ["1.0", "2.0", "3.0"];
const SPECIFIERS = ["", "", "", ">=2", "<2", "==1.0", "!=2.0", ">=3", "<3"];
const MARKERS = [
  "",
  "",
  "; sys_platform == 'linux'",
  "; sys_platform != 'linux'",
  "; sys_platform == 'win32' or python_version < '3.10'",
  "; python_version < '3.11'",
  "; python_version >= '3.11'",
  "; os_name == 'nt' and python_full_version >= '3.10.2'",
  "; platform_system == 'Darwin'",
  "; extra == 'x'",
  "; extra == 'x' and sys_platform == 'linux'",
];

const requirement = (names: string[]) =>
  fc.tuple(fc.constantFrom(...names), fc.constantFrom("", "[x]"), fc.constantFrom(...SPECIFIERS), fc.constantFrom(...MARKERS)).map(([n, e, s, m]) => `${n}${e}${s}${m}`);

const registryArb: fc.Arbitrary<Registry> = fc.record(
  Object.fromEntries(
    NAMES.map((name) => [
      name,
      fc.dictionary(
        fc.constantFrom(...VERSIONS),
        fc.record({ requires: fc.array(requirement(NAMES.filter((n) => n !== name)), { maxLength: 3 }), requires_python: fc.constantFrom(undefined, undefined, undefined, ">=3.10", "<3.12") }, { requiredKeys: ["requires"] }),
        { minKeys: 2, maxKeys: 3 },
      ),
    ]),
  ),
) as fc.Arbitrary<Registry>;

const OS = { linux: "linux", darwin: "macos", win32: "windows" } as const;

const worldArb = fc.record({ registry: registryArb, roots: fc.array(requirement(NAMES), { minLength: 1, maxLength: 4 }) });

describe("universal resolution over random registries with markers", () => {
  it("narrowed to each of linux/darwin/win32 x Python 3.9/3.12 the answer is a valid resolution; a failure says where", async () => {
    let resolved = 0;
    let forked = 0;
    await fc.assert(
      fc.asyncProperty(worldArb, async ({ registry, roots }) => {
        const resolution = await resolveRequest(request(roots, { universal: { python: ">=3.9" } }), { source: registrySource(registry), now: () => 0 });
        if (resolution.status === "unsatisfiable") {
          expect(resolution.explanation).toMatch(/^On (Linux|macOS|Windows)[^\n]* with Python [^\n]*:\n/);
          return;
        }
        expect(resolution.status).toBe("resolved");
        if (resolution.status !== "resolved") return;
        resolved++;
        if ((resolution.universal?.forks.length ?? 0) > 1) forked++;
        for (const sys of ["linux", "darwin", "win32"] as const) {
          for (const python of ["3.9.0", "3.12.0"]) {
            const env = environment(sys, python);
            expect(validityProblems(registry, roots, narrow(resolution.packages, env), env), `${sys} ${python}`).toEqual([]);
            // The page's narrowing: a package is direct there exactly when one of your requirements holds there.
            const target: TargetDto = { implementation: "cpython", pythonVersion: python.replace(/\.0$/, ""), os: OS[sys], arch: "x86_64" };
            const shown = narrowUniversal(resolution.packages, target);
            const asked = roots.flatMap((text) => {
              const parsed = parseDependency(text);
              return parsed.ok && (!parsed.dependency.marker || evaluateMarker(parsed.dependency.marker, { ...env, extra: "" })) ? [parsed.dependency.name] : [];
            });
            expect(new Set(shown.filter((p) => p.direct).map((p) => p.name)), `${sys} ${python}: direct`).toEqual(new Set(asked));
            expect(new Set(shown.filter((p) => p.dependents.includes("<root>")).map((p) => p.name)), `${sys} ${python}: root edges`).toEqual(new Set(asked));
          }
        }
      }),
      { numRuns: 200 },
    );
    // The property says something only if many worlds resolve, some of them across forks.
    expect(resolved).toBeGreaterThan(50);
    expect(forked).toBeGreaterThan(10);
  });
});
