// A small HTML start-tag scanner (no DOM): tag names and entity-decoded attributes, skipping comments, end tags and script text.

/** One start tag: lower-case name, attributes (lower-case names; null for a bare attribute like `data-yanked`). */
export interface HtmlTag {
  name: string;
  attributes: Map<string, string | null>;
  /** Character offset of the `<`. */
  offset: number;
}

/** Where and why a document could not be scanned. */
export class HtmlScanError extends Error {
  readonly offset: number;
  constructor(message: string, offset: number) {
    super(message);
    this.name = "HtmlScanError";
    this.offset = offset;
  }
}

const NAMED_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };
/** The legacy entities HTML also decodes without a trailing `;`. */
const LEGACY_ENTITIES = new Set(["amp", "lt", "gt", "quot", "nbsp"]);

/** Decodes character references in an attribute value (`&gt;`, `&#62;`, `&#x3E;`, legacy `&gt` before a non-name char). */
export function decodeHtmlEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*)(;?)/g, (whole, ref: string, semi: string, at: number) => {
    if (ref.startsWith("#")) {
      const code = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (!Number.isFinite(code) || code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return "\ufffd";
      return String.fromCodePoint(code);
    }
    const named = NAMED_ENTITIES[ref];
    if (named === undefined) return whole;
    if (semi === ";") return named;
    const next = text[at + whole.length];
    if (LEGACY_ENTITIES.has(ref) && (next === undefined || !/[A-Za-z0-9=]/.test(next))) return named;
    return whole;
  });
}

const RAW_TEXT_ELEMENTS = new Set(["script", "style"]);

function isSpace(c: string | undefined): boolean {
  return c === " " || c === "\t" || c === "\n" || c === "\r" || c === "\f";
}

/** Every start tag of `text`, in order. Throws HtmlScanError when the text ends inside a tag or a quoted value. */
export function scanHtmlTags(text: string): HtmlTag[] {
  const tags: HtmlTag[] = [];
  const n = text.length;
  let i = 0;
  for (;;) {
    const lt = text.indexOf("<", i);
    if (lt < 0) return tags;
    i = lt;
    if (text.startsWith("<!--", i)) {
      const end = text.indexOf("-->", i + 4);
      if (end < 0) throw new HtmlScanError("the text ends inside a comment", i);
      i = end + 3;
      continue;
    }
    const next = text[i + 1];
    if (next === "!" || next === "?" || next === "/") {
      const end = text.indexOf(">", i + 2);
      if (end < 0) throw new HtmlScanError("the text ends inside a tag", i);
      i = end + 1;
      continue;
    }
    if (next === undefined || !/[A-Za-z]/.test(next)) {
      i += 1;
      continue;
    }
    const offset = i;
    let j = i + 1;
    while (j < n && /[A-Za-z0-9-]/.test(text[j])) j += 1;
    const name = text.slice(i + 1, j).toLowerCase();
    const attributes = new Map<string, string | null>();
    for (;;) {
      while (j < n && (isSpace(text[j]) || text[j] === "/")) j += 1;
      if (j >= n) throw new HtmlScanError(`the text ends inside a <${name}> tag`, offset);
      if (text[j] === ">") {
        j += 1;
        break;
      }
      const nameStart = j;
      j += 1; // the first character may be anything but space, "/" and ">" (even "=")
      while (j < n && !isSpace(text[j]) && text[j] !== "/" && text[j] !== ">" && text[j] !== "=") j += 1;
      const attrName = text.slice(nameStart, j).toLowerCase();
      while (j < n && isSpace(text[j])) j += 1;
      let value: string | null = null;
      if (text[j] === "=") {
        j += 1;
        while (j < n && isSpace(text[j])) j += 1;
        const quote = text[j];
        if (quote === '"' || quote === "'") {
          const close = text.indexOf(quote, j + 1);
          if (close < 0) throw new HtmlScanError(`the text ends inside a quoted ${attrName} value of a <${name}> tag`, offset);
          value = decodeHtmlEntities(text.slice(j + 1, close));
          j = close + 1;
        } else {
          const start = j;
          while (j < n && !isSpace(text[j]) && text[j] !== ">") j += 1;
          value = decodeHtmlEntities(text.slice(start, j));
        }
      }
      if (!attributes.has(attrName)) attributes.set(attrName, value);
    }
    tags.push({ name, attributes, offset });
    i = j;
    if (RAW_TEXT_ELEMENTS.has(name)) {
      const close = text.toLowerCase().indexOf(`</${name}`, i);
      i = close < 0 ? n : close;
    }
  }
}
