// The editor's look: layout, gutter and token colours through CSS variables, so one theme serves light and dark.
import { EditorView } from "@codemirror/view";
import { HighlightStyle } from "@codemirror/language";
import { tags as t } from "@lezer/highlight";

export const editorTheme = EditorView.theme({
  "&": {
    height: "100%",
    fontSize: "13px",
    color: "var(--cm-text)",
    backgroundColor: "transparent",
  },
  "&.cm-focused": { outline: "none" },
  ".cm-scroller": {
    fontFamily: 'ui-monospace, "JetBrains Mono", "SFMono-Regular", Menlo, Consolas, monospace',
    lineHeight: "1.6",
  },
  ".cm-content": { padding: "10px 0", caretColor: "var(--cm-caret)" },
  ".cm-line": { padding: "0 12px 0 8px" },
  ".cm-gutters": {
    backgroundColor: "var(--cm-gutter-bg)",
    color: "var(--cm-gutter-text)",
    borderRight: "1px solid var(--cm-gutter-border)",
  },
  ".cm-lineNumbers .cm-gutterElement": { padding: "0 8px 0 12px", minWidth: "2.5em" },
  ".cm-activeLine": { backgroundColor: "var(--cm-active-line)" },
  ".cm-activeLineGutter": { backgroundColor: "var(--cm-active-line)", color: "var(--cm-text)" },
  ".cm-cursor": { borderLeftColor: "var(--cm-caret)", borderLeftWidth: "2px" },
  "&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection": { backgroundColor: "var(--cm-selection) !important" },
  ".cm-placeholder": { color: "var(--cm-gutter-text)" },
  ".cm-lintRange-error": {
    backgroundImage: "none",
    textDecoration: "underline wavy var(--cm-error)",
    textUnderlineOffset: "3px",
  },
  ".cm-lintRange-warning": { backgroundImage: "none", textDecoration: "underline wavy var(--cm-warning)", textUnderlineOffset: "3px" },
  ".cm-lint-marker": { width: "0.9em", height: "0.9em" },
  ".cm-gutter-lint": { width: "1.1em" },
  ".cm-tooltip": {
    border: "1px solid var(--cm-gutter-border)",
    backgroundColor: "var(--cm-tooltip-bg)",
    color: "var(--cm-text)",
    borderRadius: "8px",
    boxShadow: "0 8px 24px rgb(0 0 0 / 0.15)",
    overflow: "hidden",
  },
  ".cm-diagnostic": { fontFamily: "ui-monospace, monospace", fontSize: "12px", whiteSpace: "pre-wrap", padding: "6px 10px" },
  ".cm-diagnostic-error": { borderLeft: "4px solid var(--cm-error)" },
  ".cm-diagnostic-warning": { borderLeft: "4px solid var(--cm-warning)" },
});

export const highlightStyle = HighlightStyle.define([
  { tag: t.variableName, color: "var(--cm-name)", fontWeight: "600" },
  { tag: t.labelName, color: "var(--cm-extra)" },
  { tag: t.operator, color: "var(--cm-operator)" },
  { tag: t.number, color: "var(--cm-version)" },
  { tag: t.propertyName, color: "var(--cm-marker)" },
  { tag: t.string, color: "var(--cm-string)" },
  { tag: t.keyword, color: "var(--cm-keyword)", fontWeight: "600" },
  { tag: t.comment, color: "var(--cm-comment)", fontStyle: "italic" },
  { tag: t.meta, color: "var(--cm-meta)" },
  { tag: t.url, color: "var(--cm-url)", textDecoration: "underline" },
  { tag: t.heading, color: "var(--cm-name)", fontWeight: "700" },
  { tag: [t.bracket, t.punctuation], color: "var(--cm-punct)" },
  { tag: t.invalid, color: "var(--cm-error)" },
]);
