// Benchmark of the explorer page in real Chromium: Resolve pressed -> graph drawn for a ~300-package resolution with warm caches, main-thread long tasks in that window, and the initial JavaScript's gzipped size, each against issue 4's target.
//
// What it does, all by itself: builds the app with `vite build --manifest` into a temporary folder (not dist/, which the
// e2e tests and other tools use), starts `vite preview` on that folder on a free port (the preview server mounts the
// fixture index, so `/index/snapshot-2020/simple` is the offline snapshot), and drives /usr/bin/chromium (or
// $CHROMIUM_PATH) through @playwright/test's `chromium` with --no-sandbox --disable-gpu --disable-background-networking.
//
// The page gets 191 top-level projects of the 2020 snapshot (CPython 3.8, Linux x86_64), which resolve to 300 packages.
// It resolves once to warm the caches (the worker's memory and IndexedDB caches, the HTTP cache, the lazy graph chunk),
// then measures:
//   - "same page": press Resolve again on the page that shows the graph, N times;
//   - "fresh page": reload the page (persistent caches warm, the graph library not loaded yet), press Resolve, N times.
// Window: from the Resolve button's click event (its `timeStamp`) to the graph's `tangle:graph-drawn` performance mark,
// which the graph panel sets when the laid-out elements of this result are in Cytoscape and Cytoscape has painted a frame
// with them (its first `render` event after the positions were applied). Long tasks come from
// PerformanceObserver({ type: "longtask" }), counted when they overlap [click, drawn + 300 ms].
//
// Each run is split at the page's own marks: resolve (click -> the result reaches the page: the resolver worker), render
// (-> the graph asks for its layout: React), layout (-> positions in hand: the layout worker, or waiting for Cytoscape to
// load), add and paint (-> drawn: Cytoscape, in slices). The same-page runs cycle through three slightly different
// requirement sets, so no run can reuse a remembered layout (a run that did would be flagged).
//
// Large graph (issue 14's target: 1,000 packages drawn and interactive, no main-thread task over 100 ms): the page
// resolves the 40 requirements of the fixture index's synthetic `wide-graph` scenario (scripts/fixture-index/wide-graph.ts),
// which pull in all of its 1,000 projects, once to warm the caches, then `--runs` times with one requirement left out
// in turn (so no run reuses a layout; each still draws over 990 packages). It reports Resolve -> drawn and the long
// tasks in that window, then pans the picture by dragging from empty canvas and selects packages by clicking them
// (each click opens the details panel) and reports the long tasks of that interaction; and, beside the target, the
// long tasks of dragging one package (Cytoscape redraws the whole picture at every move).
//
// Then keystroke latency: 300 lines in the editor, the graph shown, a fast typist's keystrokes (issue 8's 50 ms target).
//
// `--fresh-page-only` warms the caches with one resolution, then runs only the fresh-page measurement.
//
// Usage: npx tsx scripts/bench-explorer.ts [--runs 7] [--no-build] [--keep-open] [--only-large-graph] [--keystrokes-only] [--fresh-page-only]
import { readFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { chromium, type BrowserContext, type Page } from "@playwright/test";
import { wideGraph } from "./fixture-index/wide-graph";
import { buildApp, freePort, startPreview } from "./preview-app";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "7" },
    "no-build": { type: "boolean", default: false },
    "keep-open": { type: "boolean", default: false },
    "only-large-graph": { type: "boolean", default: false },
    "keystrokes-only": { type: "boolean", default: false },
    "fresh-page-only": { type: "boolean", default: false },
  },
});
const RUNS = Math.max(1, Number(values.runs));
const OUT_DIR = join(tmpdir(), "tangle-bench-explorer-dist");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const TARGET_DRAW_MS = 1000;
const TARGET_LONG_TASK_MS = 100;
const TARGET_INITIAL_JS_BYTES = 300 * 1024;
/** Issue 8: typing stays fluid with 300 lines in the editor: no main-thread task over 50 ms per keystroke. */
const TARGET_KEYSTROKE_TASK_MS = 50;
const KEYSTROKE_LINES = 300;
const KEYSTROKES = 24;
/** A fast typist's pace between keys. */
const KEYSTROKE_GAP_MS = 120;
/** Trailing work after the drawn mark (React commits, Cytoscape's next frames) still counts as part of the draw. */
const SETTLE_MS = 300;

/** 191 top-level projects of the union snapshot that resolve together (CPython 3.8 on Linux) to 300 packages. */
const PROJECTS = [
  "aiodns", "aiohttp", "aiohttp-cors", "alabaster", "alembic", "altair", "apipkg", "appdirs", "appnope", "argcomplete",
  "argon2-cffi", "argopt", "argparse", "arpeggio", "asgiref", "aspectlib", "aspy-yaml", "asttokens", "async-generator",
  "async-timeout", "asyncio", "asyncpg", "atomicwrites", "attrs", "autopep8", "babel", "backcall",
  "backports-functools-lru-cache", "backports-os", "backports-shutil-get-terminal-size", "backports-shutil-which",
  "backports-tempfile", "backports-unittest-mock", "backports-weakref", "baker", "bandit", "bcdoc", "bcrypt",
  "beautifulsoup4", "betamax", "black", "bleach", "blurb", "bokeh", "boltons", "boto", "boto3", "botocore", "branca",
  "build", "bump2version", "bumpversion", "cached-property", "cairocffi", "cairosvg", "cchardet", "certifi", "cffi", "cfgv",
  "cfn-lint", "chalice", "characteristic", "chardet", "check-manifest", "cheroot", "cherrypy", "click", "click-log",
  "cloud-sptheme", "cloudpickle", "coconut", "codecov", "colorama", "colorlog", "commonmark", "configparser", "contextlib2",
  "cookies", "coverage", "coverage-enable-subprocess", "cryptography", "cssselect", "cssselect2", "cx-oracle", "cycler",
  "cython", "daiquiri", "dask", "dataclasses", "datetime", "datrie", "ddt", "decorator", "defusedxml", "deprecation",
  "diff-cover", "distlib", "distributed", "django", "dnspython", "docker", "docker-pycreds", "docutils", "docutils-stubs",
  "dulwich", "ecdsa", "elasticsearch", "elementpath", "email-validator", "entrypoints", "enum-compat", "enum34", "eventlet",
  "execnet", "extras", "faker", "fasteners", "fastjsonschema", "fastnumbers", "feedgen", "fields", "filelock", "first",
  "fixit", "fixtures", "flake8", "flake8-2020", "flake8-bugbear", "flake8-docstrings", "flake8-import-order",
  "flake8-polyfill", "flaky", "flask", "flask-cors", "flit", "flit-core", "flup", "folium", "freezegun", "fs", "fsspec",
  "funcsigs", "furo", "future-fstrings", "futures", "futurist", "fuzzywuzzy", "genshi", "gitdb", "gitdb2", "gitpython",
  "graphviz", "greenlet", "gssapi", "hacking", "heapdict", "hiredis", "html5lib", "httplib2", "hunter", "hypothesis",
  "hypothesmith", "identify", "idna", "ijson", "imagesize", "importlib-metadata", "importlib-resources", "incremental",
  "inflect", "iniconfig", "invoke", "ip-associations-python-novaclient-ext", "ipaddress", "ipykernel", "ipyparallel",
  "ipython", "ipython-genutils", "ipywidgets", "iso8601", "isort", "itsdangerous", "jaraco-apt", "jaraco-classes",
  "jaraco-collections", "jaraco-compat", "jaraco-context", "jaraco-envs", "jaraco-functools", "jaraco-itertools",
  "jaraco-logging",
];

/**
 * The same-page runs cycle through three variants (all projects, and two with one project left out) so that no run
 * gets its picture from the graph's layout cache, which remembers the last two layouts.
 */
const VARIANTS: string[][] = [PROJECTS, PROJECTS.filter((p) => p !== "aiodns"), PROJECTS.filter((p) => p !== "folium")];

interface Measurement {
  drawMs: number;
  /**
   * Click -> the resolution reaches the page (the resolver worker), -> the graph asks for a layout (React renders the
   * result), -> positions arrive (layout worker, plus waiting for Cytoscape if it had not loaded), -> painted.
   */
  phases: { resolve: number; render: number; layout: number; paint: number };
  /** Durations of the long tasks in the window. */
  longTasks: number[];
  /** When each began, in ms after the click. */
  longTaskStarts: number[];
  nodes: number;
  cached: boolean;
}

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

/** The JavaScript index.html loads before anything is lazily imported: the entry chunk and its static imports, gzipped. */
function initialJavaScript(): { files: { file: string; raw: number; gzip: number }[]; lazyGzip: number } {
  const manifest = JSON.parse(readFileSync(join(OUT_DIR, ".vite", "manifest.json"), "utf8")) as Record<string, ManifestChunk>;
  const initial = new Set<string>();
  const visit = (key: string) => {
    if (initial.has(key)) return;
    initial.add(key);
    for (const next of manifest[key]?.imports ?? []) visit(next);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry && key.endsWith(".html")) visit(key);
  const size = (file: string) => {
    const bytes = readFileSync(join(OUT_DIR, file));
    return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  };
  const files = [...initial].map((key) => size(manifest[key].file)).filter((f) => f.file.endsWith(".js"));
  const lazy = Object.entries(manifest)
    .filter(([key, chunk]) => !initial.has(key) && chunk.file.endsWith(".js"))
    .map(([, chunk]) => size(chunk.file).gzip);
  return { files, lazyGzip: lazy.reduce((a, b) => a + b, 0) };
}

/** Records long tasks and the Resolve button's click time from the first script on. */
const PAGE_PROBE = () => {
  const w = window as Window & { __benchLongTasks?: { start: number; duration: number }[]; __benchClicks?: number[] };
  w.__benchLongTasks = [];
  w.__benchClicks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__benchLongTasks?.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: "longtask", buffered: true });
  document.addEventListener(
    "click",
    (event) => {
      if (event.target instanceof Element && event.target.closest("[data-bench-resolve]")) w.__benchClicks?.push(event.timeStamp);
    },
    true,
  );
};

async function setText(page: Page, projects: readonly string[]): Promise<void> {
  const text = projects.join("\n") + "\n";
  await page.getByRole("textbox", { name: "Requirements" }).fill(text);
  // CodeMirror draws only the lines in view; its document (reached through the view CodeMirror keeps on its content
  // element: `cmTile` in current versions, `cmView` in older ones) tells when the whole text is in.
  await page.waitForFunction((expected) => {
    type Holder = { view?: { state: { doc: { toString(): string } } } };
    const content = document.querySelector(".cm-content") as (Element & { cmTile?: Holder; cmView?: Holder }) | null;
    const view = content?.cmTile?.view ?? content?.cmView?.view;
    return view?.state.doc.toString() === expected;
  }, text);
  // Let the editor finish its own work on the new text (measuring, parsing) before Resolve is pressed.
  await page.waitForTimeout(700);
}

async function setUp(page: Page, base: string): Promise<void> {
  await page.goto(base);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await setText(page, PROJECTS);
  await page.getByLabel("Python version").selectOption("3.8");
  await page.getByLabel("Platform").selectOption("linux");
  await page.getByLabel("Architecture").selectOption("x86_64");
  await page.getByRole("button", { name: "PyPI snapshot (2020)" }).click();
}

/** Presses Resolve and waits for the graph-drawn mark that follows the click; returns the window's numbers. */
async function resolveOnce(page: Page): Promise<Measurement> {
  const marksBefore = await page.evaluate(() => performance.getEntriesByName("tangle:graph-drawn").length);
  const button = page.getByRole("button", { name: "Resolve", exact: true });
  await button.evaluate((b) => b.setAttribute("data-bench-resolve", ""));
  await button.click();
  await page.waitForFunction((n) => performance.getEntriesByName("tangle:graph-drawn").length > n, marksBefore, { timeout: 120_000, polling: 50 });
  await page.waitForTimeout(SETTLE_MS + 100);
  return page.evaluate(
    ({ settle }) => {
      const w = window as Window & { __benchLongTasks?: { start: number; duration: number }[]; __benchClicks?: number[] };
      const clicks = w.__benchClicks ?? [];
      const start = clicks[clicks.length - 1];
      const marks = performance.getEntriesByName("tangle:graph-drawn") as PerformanceMark[];
      const drawn = marks[marks.length - 1];
      const end = drawn.startTime + settle;
      const inWindow = (w.__benchLongTasks ?? []).filter((t) => t.start + t.duration > start && t.start < end);
      const detail = drawn.detail as { nodes?: number; cached?: boolean } | null;
      // (No named functions in here: tsx would wrap them in a helper the page does not have.)
      const [arrived, layoutStart, layoutDone] = ["tangle:resolution-arrived", "tangle:graph-layout-start", "tangle:graph-layout-done"].map((name) => {
        const all = performance.getEntriesByName(name).filter((e) => e.startTime >= start && e.startTime <= drawn.startTime);
        return all.length ? all[all.length - 1].startTime : NaN;
      });
      return {
        drawMs: drawn.startTime - start,
        phases: { resolve: arrived - start, render: layoutStart - arrived, layout: layoutDone - layoutStart, paint: drawn.startTime - layoutDone },
        longTasks: inWindow.map((t) => t.duration),
        longTaskStarts: inWindow.map((t) => t.start - start),
        nodes: detail?.nodes ?? 0,
        cached: detail?.cached === true,
      };
    },
    { settle: SETTLE_MS },
  );
}

/** The status line's "0.2 s · 1273 requests (1273 cached) · …" after a resolution (wall time in the worker, requests). */
async function resolverFacts(page: Page): Promise<string> {
  const facts = page.getByText(/\d+ requests?\b/).first();
  return (await facts.count()) ? ((await facts.textContent()) ?? "").trim() : "(not shown)";
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function report(label: string, runs: Measurement[]): void {
  const draws = runs.map((r) => r.drawMs);
  const maxTasks = runs.map((r) => Math.max(0, ...r.longTasks));
  console.log(`\n${label} (${runs.length} runs)`);
  for (const [i, r] of runs.entries()) {
    const tasks = r.longTasks.length ? r.longTasks.map((d, j) => `${Math.round(d)}@${Math.round(r.longTaskStarts[j])}`).join(", ") : "none";
    const { resolve, render, layout, paint } = r.phases;
    console.log(
      `  run ${i + 1}: ${r.nodes} nodes, ${r.drawMs.toFixed(0)} ms to drawn = resolve ${resolve.toFixed(0)} + render ${render.toFixed(0)} + layout ${layout.toFixed(0)} + add and paint ${paint.toFixed(0)}${r.cached ? " (layout reused)" : ""}; long tasks (ms@ms after click): ${tasks}`,
    );
  }
  const best = Math.min(...draws);
  const med = median(draws);
  console.log(`  Resolve -> drawn: best ${best.toFixed(0)} ms, median ${med.toFixed(0)} ms; ratio to the 1 s target: best ${(best / TARGET_DRAW_MS).toFixed(2)}, median ${(med / TARGET_DRAW_MS).toFixed(2)}`);
  const bestTask = Math.min(...maxTasks);
  const medTask = median(maxTasks);
  console.log(
    `  longest main-thread task per run (0 = none over 50 ms): best ${bestTask.toFixed(0)} ms, median ${medTask.toFixed(0)} ms, worst ${Math.max(...maxTasks).toFixed(0)} ms; ratio to the 100 ms target: median ${(medTask / TARGET_LONG_TASK_MS).toFixed(2)}`,
  );
}

/** The 40 requirements of the `wide-graph` scenario, which resolve to its 1,000 packages. */
const WIDE_GRAPH_ROOTS = wideGraph(1000).roots;

/** Long tasks that overlap [from, to] on the page's clock, and the longest. */
async function longTasksBetween(page: Page, from: number, to: number): Promise<number[]> {
  return page.evaluate(
    ({ from, to }) => {
      const w = window as Window & { __benchLongTasks?: { start: number; duration: number }[] };
      return (w.__benchLongTasks ?? []).filter((t) => t.start + t.duration > from && t.start < to).map((t) => t.duration);
    },
    { from, to },
  );
}

/** A package on screen that nothing else lies within 3 px of (not one of `skip`), with its page coordinates. */
async function isolatedPackage(page: Page, skip: string[]): Promise<{ id: string; x: number; y: number } | null> {
  return page.getByTestId("graph-canvas").evaluate((element, skip) => {
    interface Node {
      id(): string;
      renderedPosition(): { x: number; y: number };
      renderedBoundingBox(): { x1: number; x2: number; y1: number; y2: number };
    }
    const cyInstance = (element as HTMLElement & { _cyreg?: { cy?: { nodes(): { map<T>(f: (n: Node) => T): T[] }; width(): number; height(): number } } })._cyreg?.cy;
    if (!cyInstance) return null;
    const rect = element.getBoundingClientRect();
    const w = cyInstance.width();
    const h = cyInstance.height();
    const nodes = cyInstance.nodes().map((n) => ({ id: n.id(), ...n.renderedPosition(), box: n.renderedBoundingBox() }));
    // Zoomed out, boxes are a couple of pixels tall and touch: a click there picks whichever is on top, as it would
    // for a person. Pick packages nothing else lies within 3 px of, so the click means that package. (No named
    // functions in here: tsx would wrap them in a helper the page does not have.)
    const node = nodes.find(
      (n) =>
        n.id !== "<root>" &&
        !skip.includes(n.id) &&
        n.x > 40 &&
        n.x < w - 40 &&
        n.y > 40 &&
        n.y < h - 40 &&
        nodes.every((o) => o.id === n.id || n.x < o.box.x1 - 3 || n.x > o.box.x2 + 3 || n.y < o.box.y1 - 3 || n.y > o.box.y2 + 3),
    );
    return node ? { id: node.id, x: rect.x + node.x, y: rect.y + node.y } : null;
  }, skip);
}

/** Drags one package 80 px across the canvas (the package moves, not the picture); returns the long tasks then. */
async function dragPackage(page: Page): Promise<number[]> {
  const point = await isolatedPackage(page, []);
  if (!point) return [];
  const start = await page.evaluate(() => performance.now());
  await page.mouse.move(point.x, point.y);
  await page.mouse.down();
  await page.mouse.move(point.x + 80, point.y + 40, { steps: 12 });
  await page.mouse.up();
  await page.waitForTimeout(SETTLE_MS);
  const end = await page.evaluate(() => performance.now());
  return longTasksBetween(page, start, end);
}

/**
 * A point of the canvas (page coordinates) with no package within 24 px, nearest the middle: a drag there pans the
 * picture. (A drag that starts on a package moves that package instead: that is measured on its own.)
 */
async function emptySpot(page: Page): Promise<{ x: number; y: number }> {
  const spot = await page.getByTestId("graph-canvas").evaluate((element) => {
    interface Boxed {
      renderedBoundingBox(): { x1: number; x2: number; y1: number; y2: number };
    }
    const cyInstance = (element as HTMLElement & { _cyreg?: { cy?: { nodes(): { map<T>(f: (n: Boxed) => T): T[] }; width(): number; height(): number } } })._cyreg?.cy;
    if (!cyInstance) return null;
    const rect = element.getBoundingClientRect();
    const boxes = cyInstance.nodes().map((n) => n.renderedBoundingBox());
    const w = cyInstance.width();
    const h = cyInstance.height();
    const points: { x: number; y: number; d: number }[] = [];
    for (let x = 60; x < w - 60; x += 10) for (let y = 60; y < h - 60; y += 10) points.push({ x, y, d: Math.hypot(x - w / 2, y - h / 2) });
    points.sort((a, b) => a.d - b.d);
    const free = points.find((p) => boxes.every((b) => p.x < b.x1 - 24 || p.x > b.x2 + 24 || p.y < b.y1 - 24 || p.y > b.y2 + 24));
    return free ? { x: rect.x + free.x, y: rect.y + free.y } : null;
  });
  if (!spot) throw new Error("no empty spot on the graph canvas to pan from");
  return spot;
}

/** Pans by dragging across empty canvas, then selects packages by clicking them; returns the long tasks in that time. */
async function panAndSelect(page: Page): Promise<{ longTasks: number[]; selections: number }> {
  const start = await page.evaluate(() => performance.now());
  for (const [dx, dy] of [
    [200, 0],
    [-200, 120],
    [0, -120],
  ]) {
    const from = await emptySpot(page);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x + dx, from.y + dy, { steps: 12 });
    await page.mouse.up();
  }
  // Click packages Cytoscape reports on screen, as a person would pick them out: each found after the previous click
  // (the details panel opening narrows the canvas and moves the picture), a different one each time.
  let selections = 0;
  const clicked: string[] = [];
  for (let i = 0; i < 3; i++) {
    const point = await isolatedPackage(page, clicked);
    if (!point) break;
    clicked.push(point.id);
    await page.mouse.click(point.x, point.y);
    await page.getByRole("heading", { level: 2 }).filter({ hasText: point.id }).first().waitFor({ timeout: 10_000 }).then(
      () => selections++,
      () => undefined,
    );
  }
  await page.waitForTimeout(SETTLE_MS);
  const end = await page.evaluate(() => performance.now());
  return { longTasks: await longTasksBetween(page, start, end), selections };
}

/** Issue 14's large-graph target, measured on the `wide-graph` scenario's 1,000 packages; printed against 100 ms. */
async function measureLargeGraph(context: BrowserContext, base: string): Promise<void> {
  const page = await context.newPage();
  await page.goto(base);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await setText(page, WIDE_GRAPH_ROOTS);
  await page.getByLabel("Index URL").fill(`${base}index/scenarios/wide-graph/simple`);
  await page.getByLabel("Python version").selectOption("3.11");
  const warm = await resolveOnce(page);
  console.log(`\nlarge graph: warm-up resolve of ${WIDE_GRAPH_ROOTS.length} requirements -> ${warm.nodes - 1} packages drawn, ${warm.drawMs.toFixed(0)} ms (cold index cache)`);
  const runs: Measurement[] = [];
  for (let i = 0; i < RUNS; i++) {
    await setText(page, WIDE_GRAPH_ROOTS.filter((_, j) => j !== WIDE_GRAPH_ROOTS.length - 1 - (i % 5)));
    runs.push(await resolveOnce(page));
  }
  report("large graph: Resolve -> drawn, about 1,000 packages", runs);
  const interactions: number[] = [];
  for (let i = 0; i < Math.min(RUNS, 3); i++) {
    const { longTasks, selections } = await panAndSelect(page);
    const longest = Math.max(0, ...longTasks);
    interactions.push(longest);
    console.log(`  interaction ${i + 1}: 3 drags and ${selections} packages selected; long tasks: ${longTasks.length ? longTasks.map((d) => Math.round(d)).join(", ") : "none"} ms`);
  }
  const worst = Math.max(...interactions);
  console.log(`  longest main-thread task while panning and selecting: median ${median(interactions).toFixed(0)} ms, worst ${worst.toFixed(0)} ms; ratio to the 100 ms target: worst ${(worst / TARGET_LONG_TASK_MS).toFixed(2)}`);
  // Not part of the target (pan and select), reported beside it: moving one package redraws the whole picture.
  const drags = await dragPackage(page);
  console.log(`  dragging one package 80 px (12 moves): long tasks ${drags.length ? drags.map((d) => Math.round(d)).join(", ") : "none"} ms`);
  await page.close();
}

/**
 * Keystroke latency with 300 lines in the editor and the 300-package graph on screen: types KEYSTROKES characters at
 * the end of a line in the middle of the text, one every KEYSTROKE_GAP_MS, then lets the editor's reading settle.
 * Each keystroke owns the long tasks that start between it and the next one; its latency is the Event Timing
 * API's duration of the keydown (input delay + handlers + next paint).
 */
async function measureKeystrokes(page: Page): Promise<void> {
  const extra = PROJECTS.slice(0, KEYSTROKE_LINES - PROJECTS.length).map((p) => `${p}; python_version < "3"`);
  await setText(page, [...PROJECTS, ...extra]);
  // Typing on a new last line costs what typing anywhere does (the whole text is read again either way).
  await page.locator(".cm-line").first().click();
  await page.keyboard.press("Control+End");
  await page.waitForTimeout(700);
  await page.evaluate(() => {
    const w = window as Window & { __benchKeys?: { start: number; duration: number }[] };
    w.__benchKeys = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === "keydown") w.__benchKeys?.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: "event", durationThreshold: 16, buffered: false } as PerformanceObserverInit);
  });
  const startedAt = await page.evaluate(() => performance.now());
  const keys = "requests[socks]>=2.20,<3 # typed".slice(0, KEYSTROKES);
  const pressedAt: number[] = [];
  for (const key of keys) {
    pressedAt.push(await page.evaluate(() => performance.now()));
    await page.keyboard.type(key);
    await page.waitForTimeout(KEYSTROKE_GAP_MS);
  }
  await page.waitForTimeout(1000);
  const { tasks, events } = await page.evaluate(
    (since) => {
      const w = window as Window & { __benchLongTasks?: { start: number; duration: number }[]; __benchKeys?: { start: number; duration: number }[] };
      return { tasks: (w.__benchLongTasks ?? []).filter((t) => t.start >= since), events: w.__benchKeys ?? [] };
    },
    startedAt,
  );
  const perKey = pressedAt.map((at, i) => {
    const until = pressedAt[i + 1] ?? Infinity;
    return Math.max(0, ...tasks.filter((t) => t.start >= at && t.start < until).map((t) => t.duration));
  });
  const over = perKey.filter((d) => d > TARGET_KEYSTROKE_TASK_MS).length;
  const worst = Math.max(0, ...perKey);
  const latencies = events.map((e) => e.duration);
  console.log(`
keystrokes: ${KEYSTROKES} typed into ${KEYSTROKE_LINES} lines with the graph shown, one every ${KEYSTROKE_GAP_MS} ms`);
  console.log(`  longest main-thread task per keystroke (0 = none over 50 ms): ${perKey.map((d) => Math.round(d)).join(" ")}`);
  console.log(
    `  keystrokes with a task over ${TARGET_KEYSTROKE_TASK_MS} ms: ${over} of ${KEYSTROKES}; worst ${worst.toFixed(0)} ms; ratio to the ${TARGET_KEYSTROKE_TASK_MS} ms target: ${(worst / TARGET_KEYSTROKE_TASK_MS).toFixed(2)}`,
  );
  console.log(
    `  keydown to next paint (Event Timing, entries over 16 ms): ${latencies.length ? `median ${median(latencies).toFixed(0)} ms, worst ${Math.max(...latencies).toFixed(0)} ms` : "none over 16 ms"}`,
  );
}

/** Reloads the page (persistent caches warm, the graph library not loaded) and presses Resolve, RUNS times. */
async function measureFreshPage(page: Page): Promise<void> {
  const fresh: Measurement[] = [];
  for (let i = 0; i < RUNS; i++) {
    await page.reload();
    await page.getByRole("button", { name: "Resolve", exact: true }).waitFor();
    fresh.push(await resolveOnce(page));
  }
  report("fresh page: reload (warm caches, graph library not loaded), then Resolve", fresh);
  console.log(`  the resolver's own account of the last run: ${await resolverFacts(page)}`);
}

async function main(): Promise<void> {
  if (!values["no-build"]) buildApp(OUT_DIR, { manifest: true });
  const js = initialJavaScript();
  const initialGzip = js.files.reduce((a, f) => a + f.gzip, 0);
  console.log("initial JavaScript (entry and its static imports):");
  for (const f of js.files) console.log(`  ${f.file}: ${(f.raw / 1024).toFixed(1)} KB raw, ${(f.gzip / 1024).toFixed(1)} KB gzipped`);
  console.log(
    `  total ${(initialGzip / 1024).toFixed(1)} KB gzipped; ratio to the 300 KB target: ${(initialGzip / TARGET_INITIAL_JS_BYTES).toFixed(2)} (lazy chunks and workers: ${(js.lazyGzip / 1024).toFixed(1)} KB gzipped more)`,
  );

  // The machine is shared: the load tells how far the numbers below are from a quiet machine's.
  const load = () => loadavg().map((l) => l.toFixed(1)).join(" / ");
  console.log(`\nload average (1/5/15 min) before: ${load()}`);
  const port = await freePort();
  const preview = await startPreview(OUT_DIR, port);
  const base = `http://127.0.0.1:${port}/`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addInitScript(PAGE_PROBE);
    if (values["only-large-graph"]) {
      await measureLargeGraph(context, base);
      return;
    }
    const page = await context.newPage();
    await setUp(page, base);

    if (values["keystrokes-only"]) {
      await setText(page, PROJECTS);
      await resolveOnce(page);
      await measureKeystrokes(page);
      return;
    }
    if (values["fresh-page-only"]) {
      await resolveOnce(page);
      await measureFreshPage(page);
      console.log(`\nload average (1/5/15 min) after: ${load()}`);
      return;
    }
    for (const [i, variant] of VARIANTS.entries()) {
      await setText(page, variant);
      const warm = await resolveOnce(page);
      const summary = (await page.getByText(/^\d+ packages? resolved$/).textContent()) ?? "";
      console.log(`warm-up ${i + 1}: ${variant.length} requirements -> ${summary}, ${warm.drawMs.toFixed(0)} ms to drawn`);
    }

    const same: Measurement[] = [];
    for (let i = 0; i < RUNS; i++) {
      await setText(page, VARIANTS[i % VARIANTS.length]);
      same.push(await resolveOnce(page));
    }
    report("same page: Resolve again while a graph is shown (variants in turn)", same);
    console.log(`  the resolver's own account of the last run: ${await resolverFacts(page)}`);

    await setText(page, PROJECTS);
    await measureFreshPage(page);
    await measureLargeGraph(context, base);
    await measureKeystrokes(page);
    console.log(`\nload average (1/5/15 min) after: ${load()}`);
    if (values["keep-open"]) await new Promise(() => undefined);
  } finally {
    await browser.close();
    if (preview.pid) process.kill(-preview.pid);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
