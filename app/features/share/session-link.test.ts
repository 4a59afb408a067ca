// Permalinks are untrusted input: they round-trip exactly, and damaged ones say what is wrong and keep what they can.
import { deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { decodeSessionLink, encodeSessionLink, MAX_INFLATED_BYTES, MAX_LINK_FILES, SessionTooLargeForLink, type LinkSession } from "./session-link";
import { FUZZ_DEFAULTS, fuzzLinks } from "./test-support/link-fuzz";

const defaults: LinkSession = FUZZ_DEFAULTS;

const session: LinkSession = {
  text: '[project]\nname = "demo"\ndependencies = ["requests[socks]>=2.20", "pandas; python_version >= \\"3.9\\""]\n# ünïcødé ✓\n',
  fileName: "pyproject.toml",
  extras: ["test"],
  groups: ["dev"],
  settings: { pythonVersion: "3.11", os: "macos", arch: "arm64", indexUrl: "https://pypi.org/simple", resolution: "lowest-direct", prerelease: "allow", excludeNewer: "2024-01-31", unknownDependencies: "exclude", universal: true, policy: "uv", universalPython: ">=3.9, <3.13" },
  pins: { numpy: "==1.26.4" },
  excluded: ["pyarrow"],
  resolvedAt: "2026-11-21T10:00:00.000Z",
};

const encodeRaw = (json: string) => `s1.${Buffer.from(deflateRawSync(json)).toString("base64url")}`;

describe("session links", () => {
  it("round-trip a whole session exactly, in a URL-safe fragment", async () => {
    const link = await encodeSessionLink(session);
    expect(link).toMatch(/^s1\.[A-Za-z0-9_-]+$/);
    expect(await decodeSessionLink(`#${link}`, defaults)).toEqual({ ok: true, session, problems: [] });
  });

  it("make the same link for the same session, whatever order its fields and settings were built in", async () => {
    const { text, resolvedAt, settings, ...others } = session;
    const { pythonVersion, ...otherSettings } = settings;
    const reordered: LinkSession = { resolvedAt, ...others, settings: { ...otherSettings, pythonVersion }, text };
    expect(Object.keys(reordered)).not.toEqual(Object.keys(session));
    expect(await encodeSessionLink(reordered)).toBe(await encodeSessionLink(session));
  });

  it("compress a long requirements file well below its size", async () => {
    const text = Array.from({ length: 300 }, (_, i) => `package-number-${i}>=1.${i},<2`).join("\n");
    const link = await encodeSessionLink({ ...session, text });
    expect(link.length).toBeLessThan(text.length / 2);
  });

  it("a cut-off link says so and recovers the requirements it starts with", async () => {
    const link = await encodeSessionLink({ ...session, text: "flask==3.0.0\ndjango>=4.2\n".repeat(40) + "x" });
    const result = await decodeSessionLink(link.slice(0, Math.floor(link.length * 0.6)), defaults);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toMatch(/incomplete — it was probably cut off/);
    expect(result.recovered.text?.startsWith("flask==3.0.0\ndjango>=4.2\nflask")).toBe(true);
  });

  it("rejects characters no link contains, and links from another format", async () => {
    expect(await decodeSessionLink("#s1.abc$%^", defaults)).toMatchObject({ ok: false, message: expect.stringMatching(/damaged/) });
    expect(await decodeSessionLink("#s9.abc", defaults)).toMatchObject({ ok: false, message: expect.stringMatching(/newer Tangle \(session format 9\)/) });
    expect(await decodeSessionLink("#hello", defaults)).toMatchObject({ ok: false, message: expect.stringMatching(/not a Tangle session link/) });
  });

  it("stops inflating a decompression bomb at the cap", async () => {
    const bomb = encodeRaw(`{"text":"${"a".repeat(MAX_INFLATED_BYTES * 2)}"}`);
    expect(bomb.length).toBeLessThan(10_000);
    const result = await decodeSessionLink(bomb, defaults);
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/expands to more than 2 MB/) });
  });

  it("keeps valid fields of a tampered link and names each invalid one", async () => {
    const tampered = encodeRaw(
      JSON.stringify({ v: 1, text: "six\n", fileName: "requirements.txt", settings: { pythonVersion: "2.7", os: "beos", arch: "arm64", indexUrl: "javascript:alert(1)", excludeNewer: "soon" }, pins: "nope", extras: [1] }),
    );
    const result = await decodeSessionLink(tampered, defaults);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.session.text).toBe("six\n");
    expect(result.session.settings).toEqual({ ...defaults.settings, arch: "arm64" });
    expect(result.problems).toEqual([
      'the link\'s os "beos" is not one of linux, macos, windows; using linux',
      'the link\'s Python version "2.7" is not a Python 3 version; using 3.13',
      "the link's index URL is not an http(s) URL; using https://pypi.org/simple",
      'the link\'s exclude-newer date "soon" is not a YYYY-MM-DD date; ignored',
      "the link's pinned versions are unreadable; ignored",
      "the link's extras are not a list of names; ignored",
    ]);
  });
});

describe("session links of a project of several files", () => {
  const project: LinkSession = {
    ...session,
    text: "[metadata]\nname = demo\n\n[options]\ninstall_requires = file: requirements.txt\n",
    fileName: "setup.cfg",
    files: { "requirements.txt": "-r base.txt\nrequests>=2.20\n", "base.txt": "six\n" },
    constraints: "urllib3<1.26\n",
    overrides: "idna==2.10\n",
  };

  it("round-trip the project's files, constraints and overrides exactly", async () => {
    expect(await decodeSessionLink(await encodeSessionLink(project), defaults)).toEqual({ ok: true, session: project, problems: [] });
  });

  it("open without the files a tampered link gives badly (names that climb out, too many, not text), saying so", async () => {
    const bad = [
      { "../secret.txt": "x" },
      { "/etc/passwd": "x" },
      { "a\u0000b": "x" },
      { "base.txt": 3 },
      Object.fromEntries(Array.from({ length: MAX_LINK_FILES + 1 }, (_, i) => [`f${i}.txt`, "six\n"])),
      ["base.txt"],
    ];
    for (const files of bad) {
      const result = await decodeSessionLink(encodeRaw(JSON.stringify({ v: 1, text: "six\n", files, constraints: 7 })), defaults);
      expect(result.ok).toBe(true);
      if (!result.ok) continue;
      expect(result.session).not.toHaveProperty("files");
      expect(result.session).not.toHaveProperty("constraints");
      expect(result.problems).toEqual([
        `the link's project files are unreadable (at most ${MAX_LINK_FILES} files, each a plain relative name with text); only the editor's file was opened`,
        "the link's constraints are not text; ignored",
      ]);
    }
  });

  it("refuse to make a link that opening would refuse, saying how big it is and what to do", async () => {
    const big = { ...project, files: { "huge.txt": "x".repeat(MAX_INFLATED_BYTES) } };
    await expect(encodeSessionLink(big)).rejects.toBeInstanceOf(SessionTooLargeForLink);
    await expect(encodeSessionLink(big)).rejects.toThrow(/^This session is too big for a link: its text and files come to 2\.0 MB, and a link holds up to 2\.0 MB\. Share the files themselves/);
  });
});

describe("universal settings in links", () => {
  it("open a link made before universal resolution existed for its one target, even where this browser resolves for all platforms", async () => {
    const old = encodeRaw(JSON.stringify({ v: 1, text: "six\n", fileName: "requirements.txt", settings: { pythonVersion: "3.11", os: "windows" } }));
    const here = { ...defaults, settings: { ...defaults.settings, universal: true, universalPython: ">=3.10" } };
    const result = await decodeSessionLink(old, here);
    expect(result).toMatchObject({ ok: true, problems: [], session: { settings: { universal: false, universalPython: "", os: "windows" } } });
  });

  it("name a universal Python range that is not a specifier and use the project's", async () => {
    const bad = encodeRaw(JSON.stringify({ text: "six\n", settings: { universal: true, universalPython: "<script>" } }));
    const result = await decodeSessionLink(bad, defaults);
    expect(result).toMatchObject({ ok: true, session: { settings: { universal: true, universalPython: "" } } });
    if (result.ok) expect(result.problems).toEqual(['the link\'s universal Python range "<script>" is not a version specifier; the project\'s requires-python is used']);
  });
});

describe("the rules setting in a link", () => {
  it("carries uv's rules, reads a link from before the setting as pip's, and names an unknown value", async () => {
    const uv = await decodeSessionLink(await encodeSessionLink({ ...session, settings: { ...session.settings, policy: "uv" } }), defaults);
    expect(uv.ok && uv.session.settings.policy).toBe("uv");
    const old = await decodeSessionLink(encodeRaw(JSON.stringify({ v: 1, text: "six\n", settings: { os: "linux" } })), defaults);
    expect(old.ok && old.session.settings.policy).toBe("pip");
    const odd = await decodeSessionLink(encodeRaw(JSON.stringify({ v: 1, text: "six\n", settings: { policy: "poetry" } })), defaults);
    expect(odd.ok && odd.problems).toEqual(['the link\'s policy "poetry" is not one of pip, uv; using pip']);
  });
});

describe("session links with a comparison of two locks", () => {
  const comparison = {
    old: { fileName: "poetry.lock", text: '[[package]]\nname = "flask"\nversion = "1.0.4"\n'.repeat(50) },
    new: { fileName: "poetry.next.lock", text: '[[package]]\nname = "flask"\nversion = "1.1.2"\n'.repeat(50) },
  };

  it("round-trip both lock files exactly, compressed with the rest", async () => {
    const link = await encodeSessionLink({ ...session, comparison });
    expect(await decodeSessionLink(link, defaults)).toEqual({ ok: true, session: { ...session, comparison }, problems: [] });
    expect(link.length).toBeLessThan((comparison.old.text.length + comparison.new.text.length) / 4);
  });

  it("open without the comparison, saying so, when it is mangled; the rest of the session is kept", async () => {
    const mangled: unknown[] = [
      "not an object",
      { old: comparison.old },
      { old: comparison.old, new: { fileName: "../../etc/passwd", text: "x" } },
      { old: comparison.old, new: { fileName: "a\u0000b.lock", text: "x" } },
      { old: comparison.old, new: { fileName: "", text: "x" } },
      { old: comparison.old, new: { fileName: "x.lock", text: 42 } },
      { old: comparison.old, new: { ...comparison.new, extra: { toString: "boom" } } },
      { old: comparison.old, new: { fileName: "x".repeat(300), text: "" } },
    ];
    for (const value of mangled) {
      const result = await decodeSessionLink(encodeRaw(JSON.stringify({ v: 1, ...session, comparison: value })), defaults);
      expect(result, JSON.stringify(value).slice(0, 80)).toEqual({ ok: true, session, problems: ["the link's comparison of two lock files is unreadable; it opens without it"] });
    }
  });
});

describe("session links cut at any length", () => {
  it("are reported as cut off (never as damaged), with as much of the text as arrived", async () => {
    const text = "flask==3.0.0\ndjango>=4.2\n".repeat(30);
    const link = await encodeSessionLink({ ...session, text });
    for (let cut = "s1.".length + 40; cut < link.length; cut += 3) {
      const result = await decodeSessionLink(link.slice(0, cut), defaults);
      // Losing only the stream's last bits can leave the whole payload readable: then it is the whole session.
      if (result.ok) {
        expect(result.session, `cut at ${cut}`).toEqual({ ...session, text });
        continue;
      }
      expect(result.message, `cut at ${cut}`).toMatch(/incomplete — it was probably cut off/);
      if (result.recovered.text !== undefined) expect(text.startsWith(result.recovered.text), `cut at ${cut}`).toBe(true);
    }
  });
});

describe("hostile links", () => {
  it("name a setting that is an object with a bogus toString instead of throwing", async () => {
    const result = await decodeSessionLink(encodeRaw(JSON.stringify({ text: "six\n", settings: { os: { toString: 1 } } })), defaults);
    expect(result).toMatchObject({ ok: true, session: { text: "six\n", settings: { os: "linux" } } });
    if (result.ok) expect(result.problems).toEqual(['the link\'s os "{"toString":1}" is not one of linux, macos, windows; using linux']);
  });

  it("say corrupted, not cut off, when characters were changed", async () => {
    const link = await encodeSessionLink({ ...session, text: "flask==3.0.0\n".repeat(50) });
    const flipped = link.slice(0, 20) + (link[20] === "A" ? "B" : "A") + link.slice(21);
    const result = await decodeSessionLink(flipped, defaults);
    if (result.ok) return; // a flip in a stored block can still inflate to valid JSON: then every field was checked
    expect(result.message).toMatch(/corrupted/);
    expect(result.message).not.toMatch(/cut off/);
  });

  it("refuse a bomb that inflates in one step without holding more than a slice of it", async () => {
    const bomb = encodeRaw(`{"text":"${"a".repeat(64 * 1024 * 1024)}"}`);
    const before = process.memoryUsage().arrayBuffers;
    const result = await decodeSessionLink(bomb, defaults);
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/expands to more than 2 MB/) });
    // Inflating all 64 MB would hold it in memory at once; the slice-at-a-time inflater stops a few MB past the cap.
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(32 * 1024 * 1024);
  });

  it("end in a typed result for every seeded hostile link (fuzz; FC_SEED reproduces)", async () => {
    const seed = Number(process.env.FC_SEED ?? 20261204);
    const outcomes = await fuzzLinks(seed, 1000, () => 0);
    expect(outcomes).toHaveLength(1000);
    expect(outcomes.some((o) => o.ok)).toBe(true);
    expect(outcomes.some((o) => !o.ok)).toBe(true);
  });
});
