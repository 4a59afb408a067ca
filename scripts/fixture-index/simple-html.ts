// Renders the PEP 503 Simple API HTML pages (with PEP 592/658/714 data attributes) for the index and a project.

import type { IndexLocation } from "./index-urls";
import { fileUrl, simpleProjectPath } from "./index-urls";
import { SIMPLE_API_VERSION } from "./simple-json";
import type { ServedProject, SyntheticFiles } from "./synthetic-files";

/** HTML-escapes text and attribute values (`&`, `<`, `>`, `"`, `'`). */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);
}

/** `GET /simple/` as HTML: one link per project. */
export function renderIndexHtml(files: SyntheticFiles, loc: IndexLocation): string {
  const links = files.projectNames().map(({ key, name }) => `    <a href="${escapeHtml(simpleProjectPath(loc, key))}">${escapeHtml(name)}</a>`);
  return [
    "<!DOCTYPE html>",
    "<html>",
    "  <head>",
    `    <meta name="pypi:repository-version" content="${SIMPLE_API_VERSION}">`,
    "    <title>Simple index</title>",
    "  </head>",
    "  <body>",
    ...links,
    "  </body>",
    "</html>",
    "",
  ].join("\n");
}

/** `GET /simple/<project>/` as HTML: anchors with `#sha256=`, data-requires-python, data-yanked, metadata attributes. */
export function renderProjectHtml(project: ServedProject, files: SyntheticFiles, loc: IndexLocation): string {
  const anchors = project.files.map((f) => {
    const d = files.digests(f);
    let attrs = `href="${escapeHtml(`${fileUrl(loc, f.filename)}#sha256=${d.sha256}`)}"`;
    if (f.requiresPython !== null) attrs += ` data-requires-python="${escapeHtml(f.requiresPython)}"`;
    if (f.yanked === true) attrs += " data-yanked";
    else if (typeof f.yanked === "string") attrs += ` data-yanked="${escapeHtml(f.yanked)}"`;
    if (d.metadataSha256 !== null) {
      attrs += ` data-dist-info-metadata="sha256=${d.metadataSha256}" data-core-metadata="sha256=${d.metadataSha256}"`;
    }
    return `    <a ${attrs}>${escapeHtml(f.filename)}</a><br />`;
  });
  const title = escapeHtml(project.name);
  return [
    "<!DOCTYPE html>",
    "<html>",
    "  <head>",
    `    <meta name="pypi:repository-version" content="${SIMPLE_API_VERSION}">`,
    '    <meta name="pypi:project-status" content="active">',
    `    <title>Links for ${title}</title>`,
    "  </head>",
    "  <body>",
    `    <h1>Links for ${title}</h1>`,
    ...anchors,
    "  </body>",
    "</html>",
    `<!--SERIAL ${project.lastSerial}-->`,
    "",
  ].join("\n");
}
