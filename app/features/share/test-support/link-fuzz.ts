// Test support: seeded hostile permalinks (mutated real links, crafted JSON payloads, bombs) and a check that decoding each ends in a typed result.
import { deflateRawSync } from "node:zlib";
import fc from "fast-check";
import { decodeSessionLink, encodeSessionLink, type LinkSession } from "../session-link";

/** The session a page opens with (the defaults a link's missing or invalid fields fall back to). */
export const FUZZ_DEFAULTS: LinkSession = {
  text: "",
  fileName: "requirements.txt",
  extras: [],
  groups: [],
  settings: { pythonVersion: "3.13", os: "linux", arch: "x86_64", indexUrl: "https://pypi.org/simple", resolution: "highest", prerelease: "if-necessary-or-explicit", excludeNewer: "", unknownDependencies: "assume-none", universal: false, universalPython: "", policy: "pip" },
  pins: {},
  excluded: [],
  resolvedAt: null,
};

const raw = (json: string): string => `s1.${Buffer.from(deflateRawSync(json)).toString("base64url")}`;

/** Any JSON value, including the shapes that break naive code: objects named like methods, deep nesting, huge strings. */
const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.record({ toString: fc.jsonValue(), valueOf: fc.jsonValue() }),
  fc.constantFrom<unknown>({ __proto__: { os: "beos" } }, { constructor: { prototype: 1 } }, [], null, "x".repeat(5000)),
);

const payload: fc.Arbitrary<string> = fc
  .record(
    {
      v: fc.oneof(fc.constant(1), hostileJson),
      text: fc.oneof(fc.string(), hostileJson),
      fileName: fc.oneof(fc.constantFrom("requirements.txt", "pyproject.toml", "../../etc/passwd"), hostileJson),
      format: fc.oneof(fc.constantFrom("pyproject.toml", "Pipfile", "nonsense"), hostileJson),
      extras: fc.oneof(fc.array(fc.string()), hostileJson),
      groups: fc.oneof(fc.array(fc.string()), hostileJson),
      settings: fc.oneof(
        fc.record(
          {
            os: fc.oneof(fc.constantFrom("linux", "macos", "beos"), hostileJson),
            arch: hostileJson,
            pythonVersion: fc.oneof(fc.constantFrom("3.12", "2.7", "3.999"), hostileJson),
            indexUrl: fc.oneof(fc.constantFrom("https://pypi.org/simple", "javascript:alert(1)"), hostileJson),
            excludeNewer: hostileJson,
            resolution: hostileJson,
            prerelease: hostileJson,
            unknownDependencies: hostileJson,
            policy: hostileJson,
          },
          { requiredKeys: [] },
        ),
        hostileJson,
      ),
      pins: fc.oneof(fc.dictionary(fc.string(), fc.string()), hostileJson),
      files: fc.oneof(fc.dictionary(fc.constantFrom("base.txt", "../up.txt", "/abs.txt", "", "a\u0000b", "sub/dir.txt"), fc.string()), hostileJson),
      constraints: fc.oneof(fc.string(), hostileJson),
      overrides: fc.oneof(fc.string(), hostileJson),
      excluded: hostileJson,
      resolvedAt: fc.oneof(fc.constantFrom("2026-01-01T00:00:00Z", "yesterday"), hostileJson),
    },
    { requiredKeys: [] },
  )
  .map((o) => JSON.stringify(o));

/** Links that inflate past the cap: built once, they are the same bytes every time. */
const BOMBS = [3, 16].map((mb) => raw(`{"text":"${"a".repeat(mb * 1024 * 1024)}"}`));

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/** A real link, then cut, with characters replaced, inserted or dropped. */
function mutated(link: string): fc.Arbitrary<string> {
  return fc
    .array(fc.tuple(fc.constantFrom("cut", "replace", "insert", "drop"), fc.nat(), fc.constantFrom(...ALPHABET, "$", "%", "é", "#")), { minLength: 1, maxLength: 4 })
    .map((edits) => {
      let out = link;
      for (const [kind, at, char] of edits) {
        const i = 3 + (at % Math.max(1, out.length - 3));
        if (kind === "cut") out = out.slice(0, i);
        else if (kind === "replace") out = out.slice(0, i) + char + out.slice(i + 1);
        else if (kind === "insert") out = out.slice(0, i) + char + out.slice(i);
        else out = out.slice(0, i) + out.slice(i + 1);
      }
      return out;
    });
}

/** Hostile fragments: valid-looking payloads, mutations of a real link, random text, and compressed bombs. */
export async function hostileLinks(): Promise<fc.Arbitrary<string>> {
  const real = await encodeSessionLink({ ...FUZZ_DEFAULTS, text: "flask==3.0.0\ndjango>=4.2\n".repeat(20), extras: ["socks"], pins: { numpy: "==1.26.4" } });
  return fc.oneof(
    { weight: 4, arbitrary: payload.map(raw) },
    { weight: 4, arbitrary: mutated(real) },
    { weight: 1, arbitrary: fc.string().map((s) => `s1.${s}`) },
    { weight: 1, arbitrary: fc.constantFrom(...BOMBS) },
  );
}

/** What decoding one link came to, for the fuzz report. */
export interface FuzzOutcome {
  link: string;
  ok: boolean;
  ms: number;
}

/** Decodes `runs` hostile links from `seed`; throws (with the seed and the link) when one escapes as an exception or breaks the result's shape. */
export async function fuzzLinks(seed: number, runs: number, clock: () => number): Promise<FuzzOutcome[]> {
  const samples = fc.sample(await hostileLinks(), { seed, numRuns: runs });
  const outcomes: FuzzOutcome[] = [];
  for (const link of samples) {
    const started = clock();
    const result = await decodeSessionLink(link, FUZZ_DEFAULTS).catch((error: unknown) => {
      throw new Error(`seed ${seed}: decoding ${JSON.stringify(link.slice(0, 200))} threw ${String(error)}`);
    });
    const shapeOk = result.ok
      ? typeof result.session.text === "string" &&
        Array.isArray(result.problems) &&
        result.problems.every((p) => typeof p === "string") &&
        // Files a link opens are named plainly (never climbing out of the project) and hold text.
        Object.entries(result.session.files ?? {}).every(([name, text]) => typeof text === "string" && name !== "" && !name.startsWith("/") && !name.split("/").includes(".."))
      : typeof result.message === "string" && result.message.length > 0 && !/could not be read/.test(result.message);
    if (!shapeOk) throw new Error(`seed ${seed}: decoding ${JSON.stringify(link.slice(0, 200))} gave ${JSON.stringify(result).slice(0, 300)}`);
    outcomes.push({ link, ok: result.ok, ms: clock() - started });
  }
  return outcomes;
}
