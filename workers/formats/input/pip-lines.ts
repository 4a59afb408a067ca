// pip's requirements-file preprocessing: join `\` continuations, drop comments and blank lines, keep every offset's position.
import { type Position, splitLines } from "./location";

/** A logical line (after joining and comment removal) whose offsets map back to physical positions. */
export interface LogicalLine {
  /** The first physical line (1-based), as pip reports it. */
  line: number;
  /** The text pip parses: joined, comment removed, stripped. */
  text: string;
  /** Position in the file of an offset into `text` (offset === text.length maps just past the last character). */
  at(offset: number): Position;
}

interface Piece {
  /** Offset of the piece in the joined line. */
  start: number;
  line: number;
  /** 1-based column in the physical line of the piece's first character. */
  column: number;
  length: number;
}

/** pip's COMMENT_RE, `(^|\s+)#.*$`. */
const COMMENT = /(^|\s+)#.*$/;
/** A physical line pip treats as a comment when deciding whether a trailing `\` joins: COMMENT_RE.match at its start. */
const COMMENT_LINE = /^\s*#/;

function stripBackslashes(line: string): { text: string; lead: number } {
  let start = 0;
  let end = line.length;
  while (start < end && line[start] === "\\") start++;
  while (end > start && line[end - 1] === "\\") end--;
  return { text: line.slice(start, end), lead: start };
}

function mapper(pieces: Piece[], shift: number): (offset: number) => Position {
  return (offset: number): Position => {
    const at = offset + shift;
    let piece = pieces[0];
    for (const candidate of pieces) {
      if (candidate.start <= at) piece = candidate;
      else break;
    }
    return { line: piece.line, column: piece.column + (at - piece.start) };
  };
}

/** pip's preprocess(): join_lines, then ignore_comments (environment variables are left to the caller). */
export function logicalLines(content: string): LogicalLine[] {
  const physical = splitLines(content);
  const result: LogicalLine[] = [];
  let pieces: Piece[] = [];
  let joined = "";

  const emit = (text: string, linePieces: Piece[]): void => {
    const match = COMMENT.exec(text);
    const uncommented = match ? text.slice(0, match.index) : text;
    const lead = uncommented.length - uncommented.trimStart().length;
    const stripped = uncommented.trim();
    if (stripped === "") return;
    result.push({ line: linePieces[0].line, text: stripped, at: mapper(linePieces, lead) });
  };

  physical.forEach((raw, index) => {
    const line = index + 1;
    const isComment = COMMENT_LINE.test(raw);
    if (!raw.endsWith("\\") || isComment) {
      // pip prefixes comment lines with a space so that COMMENT_RE matches them after joining.
      const text = isComment ? ` ${raw}` : raw;
      const piece: Piece = { start: joined.length, line, column: isComment ? 0 : 1, length: text.length };
      if (pieces.length > 0) {
        pieces.push(piece);
        emit(joined + text, pieces);
        pieces = [];
        joined = "";
      } else {
        emit(text, [{ ...piece, start: 0 }]);
      }
    } else {
      const { text, lead } = stripBackslashes(raw);
      pieces.push({ start: joined.length, line, column: lead + 1, length: text.length });
      joined += text;
    }
  });
  if (pieces.length > 0) emit(joined, pieces);
  return result;
}
