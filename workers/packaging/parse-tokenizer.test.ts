// Tests for the hand-written tokenizer: each rule against packaging's own regex (run by JS on ASCII input).
import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { matchToken, Tokenizer, type TokenName } from "./parse-tokenizer";
import { ParseSyntaxError } from "./parse-syntax-error";

// packaging 26.2's _tokenizer.DEFAULT_RULES, transcribed for JavaScript. On ASCII text JavaScript's `\b`,
// `\s` (minus the characters excluded from the alphabet below) and case folding agree with Python's.
const SPECIFIER_REGEX_SOURCE =
  "(?:(?:===\\s*[^\\s;)]*)|(?:(?:==|!=)\\s*v?(?:[0-9]+!)?[0-9]+(?:\\.[0-9]+)*(?:\\.\\*|(?:[-_\\.]?(alpha|beta|preview|pre|a|b|c|rc)[-_\\.]?[0-9]*)?(?:(?:-[0-9]+)|(?:[-_\\.]?(post|rev|r)[-_\\.]?[0-9]*))?(?:[-_\\.]?dev[-_\\.]?[0-9]*)?(?:\\+[a-z0-9]+(?:[-_\\.][a-z0-9]+)*)?)?)|(?:(?:~=)\\s*v?(?:[0-9]+!)?[0-9]+(?:\\.[0-9]+)+(?:[-_\\.]?(alpha|beta|preview|pre|a|b|c|rc)[-_\\.]?[0-9]*)?(?:(?:-[0-9]+)|(?:[-_\\.]?(post|rev|r)[-_\\.]?[0-9]*))?(?:[-_\\.]?dev[-_\\.]?[0-9]*)?)|(?:(?:<=|>=|<|>)\\s*v?(?:[0-9]+!)?[0-9]+(?:\\.[0-9]+)*(?:[-_\\.]?(alpha|beta|preview|pre|a|b|c|rc)[-_\\.]?[0-9]*)?(?:(?:-[0-9]+)|(?:[-_\\.]?(post|rev|r)[-_\\.]?[0-9]*))?(?:[-_\\.]?dev[-_\\.]?[0-9]*)?))";

const REFERENCE: Record<TokenName, RegExp> = {
  LEFT_PARENTHESIS: /\(/y,
  RIGHT_PARENTHESIS: /\)/y,
  LEFT_BRACKET: /\[/y,
  RIGHT_BRACKET: /\]/y,
  SEMICOLON: /;/y,
  COMMA: /,/y,
  QUOTED_STRING: /(?:('[^']*')|("[^"]*"))/y,
  OP: /(===|==|~=|!=|<=|>=|<|>)/y,
  BOOLOP: /\b(or|and)\b/y,
  IN: /\bin\b/y,
  NOT: /\bnot\b/y,
  VARIABLE:
    /\b(python_version|python_full_version|os[._]name|sys[._]platform|platform_(release|system)|platform[._](version|machine|python_implementation)|python_implementation|implementation_(name|version)|extras?|dependency_groups)\b/y,
  SPECIFIER: new RegExp(SPECIFIER_REGEX_SOURCE, "iy"),
  AT: /@/y,
  URL: /[^ \t]+/y,
  IDENTIFIER: /\b[a-zA-Z0-9][a-zA-Z0-9._-]*\b/y,
  VERSION_PREFIX_TRAIL: /\.\*/y,
  VERSION_LOCAL_LABEL_TRAIL: /\+[a-z0-9]+(?:[-_.][a-z0-9]+)*/y,
  WS: /[ \t]+/y,
  END: /(?=\n?$)/y,
};

const TOKEN_NAMES = Object.keys(REFERENCE) as TokenName[];

function referenceEnd(name: TokenName, s: string, p: number): number {
  const regex = REFERENCE[name];
  regex.lastIndex = p;
  const m = regex.exec(s);
  return m ? p + m[0].length : -1;
}

const FRAGMENTS = [
  "==", "===", "!=", "~=", "<=", ">=", "<", ">", "!", "=", "~", "1", "0", "12", ".", "*", ".*", "+", "+abc", "+Ab.1",
  "-", "_", "v", "V", "a", "b", "c", "rc", "RC", "alpha", "beta", "pre", "preview", "post", "rev", "r", "dev", "DEV",
  "1.0", "1!2", "1!", " ", "\t", "\n", ";", ")", "(", "[", "]", ",", "@", "'", '"', "'x'", '"y"', "and", "or", "not",
  "in", "extra", "extras", "python_version", "python_full_version", "os.name", "os_name", "sys.platform",
  "platform_release", "platform.machine", "platform.python_implementation", "python_implementation",
  "implementation_version", "dependency_groups", "name", "x", "é",
];

const tokenText = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 12 }).map((parts) => parts.join(""));

describe("matchToken", () => {
  it("agrees with packaging's token regexes at every position (property)", () => {
    fc.assert(
      fc.property(tokenText, (s) => {
        const ascii = [...s].every((ch) => ch.charCodeAt(0) < 128);
        const mismatches: string[] = [];
        for (let p = 0; p <= s.length; p++) {
          for (const name of TOKEN_NAMES) {
            if (!ascii && (name === "IDENTIFIER" || name === "VARIABLE" || name === "BOOLOP" || name === "IN" || name === "NOT")) {
              continue; // JavaScript's \b is ASCII-only; Unicode boundaries are tested below
            }
            const expected = referenceEnd(name, s, p);
            const actual = matchToken(name, s, p);
            const same = name === "VERSION_LOCAL_LABEL_TRAIL" ? actual >= 0 === expected >= 0 : actual === expected;
            if (!same) mismatches.push(`${name} @${p} in ${JSON.stringify(s)}: ${actual} vs ${expected}`);
          }
        }
        expect(mismatches).toEqual([]);
      }),
      { numRuns: 3000 },
    );
  });

  it("matches specifiers the way packaging's regex does", () => {
    const cases: [string, string][] = [
      [">=1.0", ">=1.0"],
      ["== 1.0.*", "== 1.0.*"],
      ["~=1", ""],
      ["~=1.0.*", "~=1.0"],
      ["==1!x", "==1"],
      ["===  weird;v", "===  weird"],
      ["<=1.0+abc", "<=1.0"],
      ["==1.0+ABC.d-e_f", "==1.0+ABC.d-e_f"],
      [">=1.0a-", ">=1.0a-"],
      ["==1.0prev1", "==1.0pre"],
      ["!==1", ""],
      [">=V1.0POST2", ">=V1.0POST2"],
      ["<=x", ""],
    ];
    for (const [text, token] of cases) {
      const end = matchToken("SPECIFIER", text, 0);
      expect(end < 0 ? "" : text.slice(0, end), text).toBe(token);
    }
  });

  it("uses Python's Unicode word boundaries", () => {
    // "é" is a word character for Python's \b, so neither is a whole identifier / variable here.
    expect(matchToken("IDENTIFIER", "fooé", 0)).toBe(-1);
    expect(matchToken("IDENTIFIER", "foo.é", 0)).toBe(4);
    expect(matchToken("VARIABLE", "os_nameé", 0)).toBe(-1);
    expect(matchToken("BOOLOP", "éand x", 1)).toBe(-1);
    expect(matchToken("IDENTIFIER", "foo\u00a0", 0)).toBe(3);
  });

  it("treats a final newline as the end, like Python's $", () => {
    expect(matchToken("END", "abc\n", 3)).toBe(3);
    expect(matchToken("END", "abc\n\n", 3)).toBe(-1);
    expect(matchToken("END", "abc", 3)).toBe(3);
  });
});

describe("Tokenizer", () => {
  it("reports packaging-style errors with a caret under the position", () => {
    const tokenizer = new Tokenizer("name >=1");
    tokenizer.expect("IDENTIFIER", "package name");
    tokenizer.consume("WS");
    let error: unknown;
    try {
      tokenizer.expect("SEMICOLON", "semicolon");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ParseSyntaxError);
    const syntax = error as ParseSyntaxError;
    expect(syntax.span).toEqual([5, 5]);
    expect(syntax.column).toBe(5);
    expect(syntax.col).toBe(6);
    expect(syntax.message).toBe("Expected semicolon\n    name >=1\n         ^");
  });

  it("checks enclosing tokens and points back at the opening one", () => {
    const tokenizer = new Tokenizer("(abc");
    expect(() =>
      tokenizer.enclosing("LEFT_PARENTHESIS", "RIGHT_PARENTHESIS", "things", () => tokenizer.expect("IDENTIFIER", "x")),
    ).toThrowError("Expected matching RIGHT_PARENTHESIS for LEFT_PARENTHESIS, after things\n    (abc\n    ~~~~^");
  });
});
