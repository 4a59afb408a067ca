// Benchmark of Cancel in real Chromium: click -> the page shows the run cancelled, and the last request the index sees, at several moments of a resolution (issue 12's 200 ms target).
//
// What it does, all by itself: builds the app into a temporary folder (`--no-build` reuses it), serves it with
// `vite preview`, and starts its own fixture index in this process (scripts/fixture-index, every answer delayed by
// `--latency-ms`) with a log of when each request arrived. /usr/bin/chromium (or $CHROMIUM_PATH) is driven through
// @playwright/test's `chromium`; the page's Index URL points at that index (the page's CSP lets it reach 127.0.0.1).
//
// Moments, `--trials` each, the Cancel click landing at spread-out delays after Resolve (15% to 85% of the worker's
// time for an uncancelled run, warm for the warm moments):
//   - fetch: 191 top-level projects of the 2020 snapshot in a fresh browser context (no HTTP, IndexedDB or worker
//     cache), so the worker is waiting on the slow index, with speculative fetches queued;
//   - solve: the 40 roots of the `wide-graph` scenario (1,000 packages) with warm caches: no requests, all solving;
//   - ways out: the 191 projects plus `numpy>=99` with warm caches: the verdict is found quickly and the rest of the
//     run re-solves the whole set for "ways out".
// Each trial then waits `--quiet-ms` to see whether the index gets requests after the cancelled state shows, and
// before the next moment an uncancelled resolution on the same page proves the worker still serves.
//
// Per trial: click -> "Resolution cancelled" in the DOM, click -> the next frame after it, the last request the index
// saw after the click (ms after it) and how many arrived after the page showed the cancelled state. The click time is
// the click event's timeStamp, the index's arrival times come from Date.now() in this process: both on the epoch.
//
// Usage: npx tsx scripts/bench-cancel.ts [--trials 6] [--latency-ms 150] [--quiet-ms 1500] [--no-build] [--out-dir DIR] [--only fetch|solve|"ways out"]
import { createServer as createHttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { chromium, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { createIndexHandler } from "./fixture-index/index-handler";
import { wideGraph } from "./fixture-index/wide-graph";
import { buildApp, freePort, startPreview } from "./preview-app";

const { values } = parseArgs({
  options: {
    trials: { type: "string", default: "6" },
    "latency-ms": { type: "string", default: "150" },
    "quiet-ms": { type: "string", default: "1500" },
    "no-build": { type: "boolean", default: false },
    only: { type: "string" },
    "out-dir": { type: "string" },
  },
});
const TRIALS = Math.max(1, Number(values.trials));
const LATENCY_MS = Number(values["latency-ms"]);
const QUIET_MS = Number(values["quiet-ms"]);
const TARGET_MS = 200;
const OUT_DIR = values["out-dir"] ?? join(tmpdir(), "tangle-bench-cancel-dist");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** 191 top-level projects of the union snapshot (the list bench-explorer.ts resolves), alphabetical from aiodns. */
const SNAPSHOT_PROJECTS = `aiodns aiohttp aiohttp-cors alabaster alembic altair apipkg appdirs appnope argcomplete argon2-cffi argopt argparse
arpeggio asgiref aspectlib aspy-yaml asttokens async-generator async-timeout asyncio asyncpg atomicwrites attrs autopep8 babel
backcall backports-functools-lru-cache backports-os backports-shutil-get-terminal-size backports-shutil-which backports-tempfile
backports-unittest-mock backports-weakref baker bandit bcdoc bcrypt beautifulsoup4 betamax black bleach blurb bokeh boltons boto
boto3 botocore branca build bump2version bumpversion cached-property cairocffi cairosvg cchardet certifi cffi cfgv cfn-lint chalice
characteristic chardet check-manifest cheroot cherrypy click click-log cloud-sptheme cloudpickle coconut codecov colorama colorlog
commonmark configparser contextlib2 cookies coverage coverage-enable-subprocess cryptography cssselect cssselect2 cx-oracle cycler
cython daiquiri dask dataclasses datetime datrie ddt decorator defusedxml deprecation diff-cover distlib distributed django
dnspython docker docker-pycreds docutils docutils-stubs dulwich ecdsa elasticsearch elementpath email-validator entrypoints
enum-compat enum34 eventlet execnet extras faker fasteners fastjsonschema fastnumbers feedgen fields filelock first fixit fixtures
flake8 flake8-2020 flake8-bugbear flake8-docstrings flake8-import-order flake8-polyfill flaky flask flask-cors flit flit-core flup
folium freezegun fs fsspec funcsigs furo future-fstrings futures futurist fuzzywuzzy genshi gitdb gitdb2 gitpython graphviz
greenlet gssapi hacking heapdict hiredis html5lib httplib2 hunter hypothesis hypothesmith identify idna ijson imagesize
importlib-metadata importlib-resources incremental inflect iniconfig invoke ip-associations-python-novaclient-ext ipaddress
ipykernel ipyparallel ipython ipython-genutils ipywidgets iso8601 isort itsdangerous jaraco-apt jaraco-classes jaraco-collections
jaraco-compat jaraco-context jaraco-envs jaraco-functools jaraco-itertools jaraco-logging`.split(/\s+/);

interface Moment {
  name: "fetch" | "solve" | "ways out";
  prefix: string;
  requirements: string[];
  /** A fresh browser context per trial (cold caches) instead of one warmed page. */
  cold: boolean;
}

const MOMENTS: Moment[] = [
  { name: "fetch", prefix: "snapshot-2020", requirements: SNAPSHOT_PROJECTS, cold: true },
  { name: "solve", prefix: "scenarios/wide-graph", requirements: wideGraph(1000).roots, cold: false },
  { name: "ways out", prefix: "snapshot-2020", requirements: [...SNAPSHOT_PROJECTS, "numpy>=99"], cold: false },
];

interface Trial {
  delayMs: number;
  /** The run ended before the click could land. */
  finishedFirst: boolean;
  /** The click landed, but the page showed the run's result, not a cancelled run: when, ms after the click. */
  ignoredMs: number | null;
  shownMs: number;
  paintedMs: number;
  /** Last request that arrived after the click, ms after it (0: none). */
  lastRequestMs: number;
  requestsAfterClick: number;
  requestsAfterShown: number;
}

/** The fixture index with every answer delayed, and the arrival time (epoch ms) of every request but preflights. */
async function startLoggedIndex(): Promise<{ url: string; arrivals: number[]; close: () => Promise<void> }> {
  const handler = createIndexHandler({ latencyMs: LATENCY_MS });
  await handler.ready();
  const arrivals: number[] = [];
  const server = createHttpServer((req, res) => {
    if (req.method !== "OPTIONS") arrivals.push(Date.now());
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    arrivals,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * Records, on the epoch, every click on a "Cancel" button and when "Resolution cancelled" then reaches the DOM and the
 * next frame; and counts the runs that ended (the progress bar left the page), so a run too fast to be seen still counts.
 */
const PAGE_PROBE = () => {
  const w = window as Window & { __cancel?: { click: number; shown: number; painted: number }; __runs?: { ended: number; running: boolean; endedAt: number } };
  const runs = { ended: 0, running: false, startedAt: 0, endedAt: 0 };
  w.__runs = runs;
  new MutationObserver(() => {
    const running = document.querySelector('[role="progressbar"][aria-label="Resolving"]') !== null;
    if (running === runs.running) return;
    runs.running = running;
    if (running) return;
    runs.ended++;
    runs.endedAt = performance.timeOrigin + performance.now();
  }).observe(document, { childList: true, subtree: true });
  // (No named functions in here: tsx would wrap them in a helper the page does not have.)
  document.addEventListener(
    "click",
    (event) => {
      const button = event.target instanceof Element ? event.target.closest("button") : null;
      if (button?.textContent?.trim().startsWith("Resolve")) runs.startedAt = performance.timeOrigin + event.timeStamp;
      if (!button || !/\bCancel$/.test(button.textContent?.trim() ?? "")) return;
      const state = { click: performance.timeOrigin + event.timeStamp, shown: 0, painted: 0 };
      w.__cancel = state;
      const observer = new MutationObserver(() => {
        if (state.shown || !document.body.textContent?.includes("Resolution cancelled after")) return;
        state.shown = performance.timeOrigin + performance.now();
        observer.disconnect();
        requestAnimationFrame(() => (state.painted = performance.timeOrigin + performance.now()));
      });
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    },
    true,
  );
};

async function setUp(page: Page, base: string, indexUrl: string, requirements: string[]): Promise<void> {
  await page.goto(base);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  const text = requirements.join("\n") + "\n";
  await page.getByRole("textbox", { name: "Requirements" }).fill(text);
  await page.getByLabel("Python version").selectOption("3.8");
  await page.getByLabel("Platform").selectOption("linux");
  await page.getByLabel("Architecture").selectOption("x86_64");
  await page.getByLabel("Index URL").fill(indexUrl);
  await page.getByLabel("Index URL").press("Tab");
  // The editor reads the text after a debounce: let it settle before Resolve.
  await page.waitForTimeout(700);
}

/** Presses Resolve and waits for the run to end; returns how long it took and what it ended with. */
async function resolveToEnd(page: Page): Promise<{ ms: number; outcome: string }> {
  const ended = await page.evaluate(() => (window as Window & { __runs?: { ended: number } }).__runs?.ended ?? 0);
  await page.getByRole("button", { name: "Resolve", exact: true }).click();
  await page.waitForFunction((before) => ((window as Window & { __runs?: { ended: number } }).__runs?.ended ?? 0) > before, ended, { timeout: 300_000, polling: 20 });
  // Resolve's click to the progress bar leaving the page, on the page's clock.
  const ms = Math.round(await page.evaluate(() => {
    const runs = (window as Window & { __runs?: { startedAt: number; endedAt: number } }).__runs;
    return runs ? runs.endedAt - runs.startedAt : NaN;
  }));
  const resolved = page.getByText(/^\d+ packages? resolved$/);
  if (await resolved.count()) return { ms, outcome: ((await resolved.first().textContent()) ?? "").trim() };
  if (await page.getByRole("region", { name: "Conflict explanation" }).count()) return { ms, outcome: "no solution (conflict explained)" };
  return { ms, outcome: ((await page.locator("main").textContent()) ?? "").slice(0, 80) };
}

async function cancelTrial(page: Page, arrivals: number[], delayMs: number): Promise<Trial> {
  const ended = await page.evaluate(() => (window as Window & { __runs?: { ended: number } }).__runs?.ended ?? 0);
  await page.getByRole("button", { name: "Resolve", exact: true }).click();
  // The Cancel click is the page's own, `delayMs` after Resolve's, so it lands when asked even on a busy machine.
  const clicked = await page.evaluate(
    (delay) =>
      new Promise<boolean>((resolve) => {
        setTimeout(() => {
          const cancel = [...document.querySelectorAll("button")].find((b) => /\bCancel$/.test(b.textContent?.trim() ?? ""));
          cancel?.click();
          resolve(cancel !== undefined);
        }, delay);
      }),
    delayMs,
  );
  const none = { delayMs, finishedFirst: true, ignoredMs: null, shownMs: NaN, paintedMs: NaN, lastRequestMs: NaN, requestsAfterClick: NaN, requestsAfterShown: NaN };
  if (!clicked) return none;
  try {
    // The cancelled state, or the run's end without it (a cancel that was not honoured).
    await page.waitForFunction(
      (before) => {
        const w = window as Window & { __cancel?: { painted: number }; __runs?: { ended: number } };
        return (w.__cancel?.painted ?? 0) > 0 || (w.__runs?.ended ?? 0) > before;
      },
      ended,
      { timeout: 120_000, polling: 20 },
    );
  } catch (error) {
    const probe = await page.evaluate(() => JSON.stringify((window as Window & { __cancel?: unknown }).__cancel ?? null));
    const text = ((await page.locator("main").textContent()) ?? "").slice(0, 300);
    throw new Error(`no cancelled state nor end within 120 s of the click (probe ${probe}; page: ${text})`, { cause: error });
  }
  await page.waitForTimeout(QUIET_MS);
  const { click, shown, painted, endedAt } = await page.evaluate(() => {
    const w = window as Window & { __cancel?: { click: number; shown: number; painted: number }; __runs?: { endedAt: number } };
    return { ...w.__cancel!, endedAt: w.__runs?.endedAt ?? 0 };
  });
  if (!painted) {
    return { ...none, finishedFirst: false, ignoredMs: endedAt - click };
  }
  const after = arrivals.filter((t) => t >= click);
  return {
    delayMs,
    finishedFirst: false,
    ignoredMs: null,
    shownMs: shown - click,
    paintedMs: painted - click,
    lastRequestMs: after.length ? Math.max(...after) - click : 0,
    requestsAfterClick: after.length,
    requestsAfterShown: after.filter((t) => t > shown).length,
  };
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

function summary(label: string, values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  if (!sorted.length) return `${label}: no trials`;
  return `${label}: min ${sorted[0].toFixed(0)}, median ${quantile(sorted, 0.5).toFixed(0)}, p90 ${quantile(sorted, 0.9).toFixed(0)}, max ${sorted[sorted.length - 1].toFixed(0)} ms`;
}

function report(moment: Moment, trials: Trial[], fullMs: number): void {
  const landed = trials.filter((t) => !t.finishedFirst && t.ignoredMs === null);
  const ignored = trials.filter((t) => t.ignoredMs !== null);
  console.log(`\n${moment.name} (${landed.length} of ${trials.length} cancels honoured, ${ignored.length} not; an uncancelled run took ${fullMs} ms)`);
  for (const t of trials) {
    if (t.finishedFirst) console.log(`  at ${t.delayMs} ms: the run had finished`);
    else if (t.ignoredMs !== null) console.log(`  at ${t.delayMs} ms: the cancel was not honoured: the run's result showed ${t.ignoredMs.toFixed(0)} ms after the click`);
    else
      console.log(
        `  at ${t.delayMs} ms: shown ${t.shownMs.toFixed(0)} ms, painted ${t.paintedMs.toFixed(0)} ms, last request +${t.lastRequestMs.toFixed(0)} ms (${t.requestsAfterClick} after the click, ${t.requestsAfterShown} after the cancelled state showed)`,
    );
  }
  console.log(`  ${summary("click -> cancelled shown", landed.map((t) => t.shownMs))}`);
  console.log(`  ${summary("click -> painted", landed.map((t) => t.paintedMs))}`);
  console.log(`  ${summary("click -> last request", landed.map((t) => t.lastRequestMs))}`);
  const over = landed.filter((t) => t.paintedMs > TARGET_MS).length;
  const late = landed.reduce((n, t) => n + t.requestsAfterShown, 0);
  const painted = landed.map((t) => t.paintedMs).sort((a, b) => a - b);
  console.log(`  over the ${TARGET_MS} ms target: ${over} of ${landed.length}; worst/target ${(painted[painted.length - 1] / TARGET_MS).toFixed(2)}; requests after the cancelled state showed: ${late}`);
}

async function runMoment(browser: Browser, base: string, indexUrl: string, arrivals: number[], moment: Moment): Promise<void> {
  const open = async (): Promise<{ context: BrowserContext; page: Page }> => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addInitScript(PAGE_PROBE);
    const page = await context.newPage();
    await setUp(page, base, `${indexUrl}/${moment.prefix}/simple`, moment.requirements);
    return { context, page };
  };
  // An uncancelled run first: it warms the caches for the warm moments (which then time a second, warm one) and sets
  // the spread of cancel delays.
  let { context, page } = await open();
  let full = await resolveToEnd(page);
  console.log(`\n${moment.name}: uncancelled run ${full.ms} ms -> ${full.outcome}`);
  if (!moment.cold) {
    full = await resolveToEnd(page);
    console.log(`  again, warm: ${full.ms} ms -> ${full.outcome}`);
  }
  const trials: Trial[] = [];
  for (let i = 0; i < TRIALS; i++) {
    if (moment.cold) {
      await context.close();
      ({ context, page } = await open());
    } else {
      // The warm run again, uncancelled: the worker that was cancelled last still resolves.
      const again = await resolveToEnd(page);
      if (!/resolved|no solution/.test(again.outcome)) console.log(`  after a cancel the next run ended with: ${again.outcome}`);
      full = again;
    }
    // Spread over the run: 15% .. 85% of an uncancelled run's time (for the warm moments, the run just before).
    const delay = Math.max(20, Math.round(full.ms * (0.15 + (0.7 * i) / Math.max(1, TRIALS - 1))));
    trials.push(await cancelTrial(page, arrivals, delay));
  }
  const after = await resolveToEnd(page);
  console.log(`  a run after the last cancel: ${after.ms} ms -> ${after.outcome}`);
  await context.close();
  report(moment, trials, full.ms);
}

async function main(): Promise<void> {
  if (!values["no-build"]) buildApp(OUT_DIR);
  const port = await freePort();
  const preview = await startPreview(OUT_DIR, port);
  const index = await startLoggedIndex();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
  console.log(`index latency ${LATENCY_MS} ms, ${TRIALS} trials per moment, load average at start ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);
  try {
    for (const moment of MOMENTS.filter((m) => values.only === undefined || m.name === values.only)) await runMoment(browser, `http://127.0.0.1:${port}/`, index.url, index.arrivals, moment);
  } finally {
    console.log(`\nload average at end ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);
    await browser.close();
    await index.close();
    if (preview.pid) process.kill(-preview.pid);
  }
}

await main();
