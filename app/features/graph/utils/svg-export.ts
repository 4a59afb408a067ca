// Writes a drawn graph (node boxes at their laid-out positions, straight edges with labels) as a standalone SVG document.

export interface SvgNode {
  id: string;
  /** Lines of text shown in the box. */
  lines: string[];
  /** Centre and size, in graph coordinates. */
  x: number;
  y: number;
  width: number;
  height: number;
  fill: string;
  stroke: string;
  strokeWidth: number;
  text: string;
  dashed?: boolean;
  /** A second border 3 px outside the box (packages installed with extras). */
  outline?: string;
}

export interface SvgEdge {
  source: string;
  target: string;
  label: string;
  color: string;
  width: number;
}

export interface SvgPicture {
  nodes: SvgNode[];
  edges: SvgEdge[];
  background: string;
  labelColor: string;
  fontFamily?: string;
  fontSize?: number;
  padding?: number;
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c] ?? c);
}

function round(n: number): string {
  return String(Math.round(n * 10) / 10);
}

/** Where the segment from a box's centre towards (tx, ty) leaves the box. */
export function boxExit(node: Pick<SvgNode, "x" | "y" | "width" | "height">, tx: number, ty: number): { x: number; y: number } {
  const dx = tx - node.x;
  const dy = ty - node.y;
  if (dx === 0 && dy === 0) return { x: node.x, y: node.y };
  const sx = dx === 0 ? Infinity : node.width / 2 / Math.abs(dx);
  const sy = dy === 0 ? Infinity : node.height / 2 / Math.abs(dy);
  const s = Math.min(sx, sy);
  return { x: node.x + dx * s, y: node.y + dy * s };
}

export function graphToSvg(picture: SvgPicture): string {
  const pad = picture.padding ?? 24;
  const fontSize = picture.fontSize ?? 12;
  const font = picture.fontFamily ?? "ui-sans-serif, system-ui, sans-serif";
  const byId = new Map(picture.nodes.map((n) => [n.id, n]));
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const n of picture.nodes) {
    minX = Math.min(minX, n.x - n.width / 2);
    minY = Math.min(minY, n.y - n.height / 2);
    maxX = Math.max(maxX, n.x + n.width / 2);
    maxY = Math.max(maxY, n.y + n.height / 2);
  }
  if (!picture.nodes.length) minX = minY = maxX = maxY = 0;
  const width = maxX - minX + 2 * pad;
  const height = maxY - minY + 2 * pad;
  const ox = pad - minX;
  const oy = pad - minY;

  const colors = [...new Set(picture.edges.map((e) => e.color))];
  const markerId = (color: string) => `arrow-${colors.indexOf(color)}`;
  const out: string[] = [];
  out.push(`<?xml version="1.0" encoding="UTF-8"?>`);
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${round(width)}" height="${round(height)}" viewBox="0 0 ${round(width)} ${round(height)}" font-family="${escapeXml(font)}" font-size="${fontSize}">`,
  );
  out.push(`<defs>`);
  for (const color of colors) {
    out.push(
      `<marker id="${markerId(color)}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="${escapeXml(color)}"/></marker>`,
    );
  }
  out.push(`</defs>`);
  out.push(`<rect width="100%" height="100%" fill="${escapeXml(picture.background)}"/>`);
  out.push(`<g class="edges">`);
  for (const edge of picture.edges) {
    const s = byId.get(edge.source);
    const t = byId.get(edge.target);
    if (!s || !t) continue;
    const a = boxExit(s, t.x, t.y);
    const b = boxExit(t, s.x, s.y);
    out.push(
      `<line x1="${round(a.x + ox)}" y1="${round(a.y + oy)}" x2="${round(b.x + ox)}" y2="${round(b.y + oy)}" stroke="${escapeXml(edge.color)}" stroke-width="${edge.width}" marker-end="url(#${markerId(edge.color)})"/>`,
    );
    if (edge.label) {
      out.push(
        `<text x="${round((a.x + b.x) / 2 + ox)}" y="${round((a.y + b.y) / 2 + oy)}" text-anchor="middle" dominant-baseline="middle" font-size="${fontSize - 2}" fill="${escapeXml(picture.labelColor)}" stroke="${escapeXml(picture.background)}" stroke-width="3" paint-order="stroke">${escapeXml(edge.label)}</text>`,
      );
    }
  }
  out.push(`</g>`);
  out.push(`<g class="nodes">`);
  for (const n of picture.nodes) {
    const x = n.x - n.width / 2 + ox;
    const y = n.y - n.height / 2 + oy;
    out.push(`<g class="node" data-id="${escapeXml(n.id)}">`);
    if (n.outline) {
      out.push(
        `<rect x="${round(x - 3)}" y="${round(y - 3)}" width="${round(n.width + 6)}" height="${round(n.height + 6)}" rx="8" fill="none" stroke="${escapeXml(n.outline)}" stroke-width="2"/>`,
      );
    }
    out.push(
      `<rect x="${round(x)}" y="${round(y)}" width="${round(n.width)}" height="${round(n.height)}" rx="6" fill="${escapeXml(n.fill)}" stroke="${escapeXml(n.stroke)}" stroke-width="${n.strokeWidth}"${n.dashed ? ` stroke-dasharray="4 3"` : ""}/>`,
    );
    const lineHeight = fontSize * 1.25;
    const first = n.y + oy - ((n.lines.length - 1) * lineHeight) / 2;
    n.lines.forEach((line, i) => {
      out.push(
        `<text x="${round(n.x + ox)}" y="${round(first + i * lineHeight)}" text-anchor="middle" dominant-baseline="middle" fill="${escapeXml(n.text)}">${escapeXml(line)}</text>`,
      );
    });
    out.push(`</g>`);
  }
  out.push(`</g>`);
  out.push(`</svg>`);
  return out.join("\n");
}
