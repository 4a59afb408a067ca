import { describe, it, expect } from "vitest";
import { boxExit, escapeXml, graphToSvg, type SvgPicture } from "./svg-export";

const picture: SvgPicture = {
  background: "#ffffff",
  labelColor: "#475569",
  nodes: [
    { id: "<root>", lines: ["Your requirements"], x: 100, y: 20, width: 140, height: 30, fill: "#0f172a", stroke: "#0f172a", strokeWidth: 0, text: "#fff" },
    { id: "pandas", lines: ["pandas 1.1.4", "[test]"], x: 100, y: 120, width: 100, height: 44, fill: "#f0fdfa", stroke: "#0f766e", strokeWidth: 2.5, text: "#000", dashed: true, outline: "#7c3aed" },
  ],
  edges: [{ source: "<root>", target: "pandas", label: ">=1.0 & <2", color: "#cbd5e1", width: 1.5 }],
};

describe("graphToSvg", () => {
  const svg = graphToSvg(picture);

  it("is a standalone SVG document sized to the drawing plus padding", () => {
    expect(svg.startsWith("<?xml")).toBe(true);
    // x from 30 to 170, y from 5 to 142, padding 24 on each side.
    expect(svg).toContain('width="188" height="185" viewBox="0 0 188 185"');
  });

  it("draws every node at its position with its lines of text", () => {
    expect(svg).toContain('<rect x="44" y="117" width="100" height="44"');
    expect(svg).toContain(">pandas 1.1.4</text>");
    expect(svg).toContain(">[test]</text>");
    expect(svg).toContain('stroke-dasharray="4 3"');
    expect(svg).toContain('<rect x="41" y="114" width="106" height="50" rx="8" fill="none" stroke="#7c3aed"');
  });

  it("draws edges between the box borders with an arrow and the escaped label", () => {
    // From the bottom of the root box (y 20+15) to the top of pandas (y 120-22), shifted by the offset (24-30, 24-5).
    expect(svg).toContain('x1="94" y1="54" x2="94" y2="117"');
    expect(svg).toContain('marker-end="url(#arrow-0)"');
    expect(svg).toContain("&gt;=1.0 &amp; &lt;2");
  });

  it("closes every element it opens", () => {
    const opens = (svg.match(/<(svg|g|defs|marker|text)\b/g) ?? []).length;
    const closes = (svg.match(/<\/(svg|g|defs|marker|text)>/g) ?? []).length;
    expect(opens).toBe(closes);
  });

  it("handles an empty graph", () => {
    expect(graphToSvg({ ...picture, nodes: [], edges: [] })).toContain('width="48" height="48"');
  });
});

describe("boxExit", () => {
  it("leaves through the side the target lies beyond", () => {
    expect(boxExit({ x: 0, y: 0, width: 100, height: 20 }, 0, 100)).toEqual({ x: 0, y: 10 });
    expect(boxExit({ x: 0, y: 0, width: 100, height: 20 }, 200, 0)).toEqual({ x: 50, y: 0 });
    expect(boxExit({ x: 0, y: 0, width: 100, height: 20 }, 0, 0)).toEqual({ x: 0, y: 0 });
  });
});

describe("escapeXml", () => {
  it("escapes the five XML specials", () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;");
  });
});
