// Manual check (needs python3 + pip, not a unit test): pip installs the served wheels with --require-hashes, and
// pip's resolver (pip download) agrees with every scenario case. Run: npx tsx scripts/fixture-index/check-pip-install.ts

import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startFixtureIndex } from "./server";
import { downloadedPins, PIP_NO_SOLUTION, run } from "./pip-download";
import type { ScenarioCase } from "./scenario-loader";
import { normalizeVersion } from "./version-order";

/** Pins installed from the snapshot union: plain, dotted name, non-normalised version, many releases, pre-release. */
const SNAPSHOT_PINS = ["six==1.14.0", "jaraco.functools==3.0.1", "regex==2019.06.05", "botocore==1.13.50", "setuptools==45.2.0"];

interface SimpleFile {
  filename: string;
  url: string;
  hashes: { sha256: string };
}

const VERIFY_RECORD_PY = `
import base64, hashlib, sys, zipfile
bad = 0
for path in sys.argv[1:]:
    z = zipfile.ZipFile(path)
    assert z.testzip() is None, path
    record = [n for n in z.namelist() if n.endswith(".dist-info/RECORD")]
    assert len(record) == 1, path
    for line in z.read(record[0]).decode().splitlines():
        if not line:
            continue
        name, digest, size = line.rsplit(",", 2)
        if not digest:
            continue
        data = z.read(name)
        want = "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        if digest != want or int(size) != len(data):
            print("RECORD mismatch", path, name)
            bad += 1
print("records ok" if bad == 0 else "records bad")
sys.exit(1 if bad else 0)
`;

async function main(): Promise<number> {
  const index = await startFixtureIndex({ port: 0 });
  const work = mkdtempSync(join(tmpdir(), "tangle-pip-check-"));
  let failures = 0;
  const report = (ok: boolean, what: string, detail = ""): void => {
    if (!ok) failures++;
    console.log(`${ok ? "ok  " : "FAIL"} ${what}${detail ? `\n     ${detail.trim().split("\n").slice(-6).join("\n     ")}` : ""}`);
  };
  try {
    // 1. Hash-pinned install of snapshot wheels, exactly as the brief's command line.
    const simple = `${index.url}/snapshot-2020/simple`;
    const lines: string[] = [];
    const wheels: string[] = [];
    for (const pin of SNAPSHOT_PINS) {
      const [name = "", version = ""] = pin.split("==");
      const norm = name.toLowerCase().replace(/[-_.]+/g, "-");
      const res = await fetch(`${simple}/${norm}/`, { headers: { Accept: "application/vnd.pypi.simple.v1+json" } });
      const body = (await res.json()) as { files: SimpleFile[] };
      const file = body.files.find((f) => f.filename.includes(`-${version.replace(/\.0(\d)/g, ".$1")}-`) || f.filename.includes(`-${version}-`));
      if (file === undefined) {
        report(false, `listing of ${name} has a file for ${version}`);
        continue;
      }
      lines.push(`${pin} --hash=sha256:${file.hashes.sha256}`);
      const bytes = new Uint8Array(await (await fetch(file.url)).arrayBuffer());
      const local = join(work, file.filename);
      writeFileSync(local, bytes);
      wheels.push(local);
    }
    writeFileSync(join(work, "reqs.txt"), `${lines.join("\n")}\n`);
    const target = join(work, "target");
    const pip = await run("pip", ["--isolated", "install", "--no-deps", "--require-hashes", "--target", target, "-r", join(work, "reqs.txt"), "--index-url", simple]);
    report(pip.status === 0, `pip --isolated install --no-deps --require-hashes --target DIR -r reqs.txt (${SNAPSHOT_PINS.join(", ")})`, pip.status === 0 ? "" : pip.stderr);
    const installed = pip.status === 0 ? readdirSync(target).filter((d) => d.endsWith(".dist-info")) : [];
    report(installed.length === SNAPSHOT_PINS.length, `installed dist-info folders: ${installed.sort().join(", ")}`);
    const rec = await run("python3", ["-c", VERIFY_RECORD_PY, ...wheels]);
    report(rec.status === 0, `zip integrity and RECORD sha256 entries of ${wheels.length} served wheels`, rec.stdout + rec.stderr);

    // 2. pip's resolver against every scenario case it can check here.
    const host = (await run("python3", ["-c", "import sys, platform; print('%d.%d' % sys.version_info[:2], sys.platform, platform.machine())"])).stdout.trim().split(" ");
    const [hostPython = "", hostOs = "", hostMachine = ""] = host;
    const isHost = (c: ScenarioCase): boolean =>
      c.python === hostPython && (c.platform === undefined || (hostOs === "linux" && c.platform.startsWith("manylinux") && c.platform.endsWith(hostMachine)));
    for (const scenario of index.scenarios) {
      for (const c of scenario.cases) {
        const label = `scenario ${scenario.name}: ${c.name} [${c.requirements.join(" ")}; Python ${c.python}${c.platform ? ` ${c.platform}` : ""}]`;
        if (!c.pip) {
          console.log(`skip ${label} (marked pip: false)`);
          continue;
        }
        // `pip download` resolves like `pip install` but also applies --python-version to Requires-Python.
        const dest = join(work, `download-${scenario.name}-${c.name.replace(/[^a-z0-9]+/gi, "-")}`);
        const args = ["--isolated", "download", "--quiet", "--dest", dest, "--index-url", `${index.url}/${scenario.index.prefix}/simple`];
        if (!isHost(c)) {
          args.push("--python-version", c.python, "--only-binary=:all:");
          if (c.platform !== undefined) args.push("--platform", c.platform);
        }
        const r = await run("pip", [...args, ...c.requirements]);
        if (c.result === "no-solution") {
          report(r.status !== 0 && PIP_NO_SOLUTION.test(r.stderr), `${label} -> no solution`, r.status === 0 ? "pip found a solution" : "");
          continue;
        }
        if (r.status !== 0) {
          report(false, label, r.stderr);
          continue;
        }
        const got = downloadedPins(dest);
        const expected = Object.fromEntries(Object.entries(c.result).map(([k, v]) => [k, normalizeVersion(v)]));
        const want = JSON.stringify(Object.entries(expected).sort());
        const have = JSON.stringify(Object.entries(got).sort());
        report(want === have, `${label} -> ${have}`, want === have ? "" : `expected ${want}`);
      }
    }
  } finally {
    await index.close();
    rmSync(work, { recursive: true, force: true });
  }
  console.log(failures === 0 ? "all checks passed" : `${failures} check(s) failed`);
  return failures === 0 ? 0 : 1;
}

process.exitCode = await main();
