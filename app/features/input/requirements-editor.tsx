// The requirements editor (CodeMirror 6): line numbers, syntax colours, the parser's diagnostics in place, file drop, Ctrl/Cmd+Enter to resolve.
import { useEffect, useRef } from "react";
import { Compartment, EditorState, Prec } from "@codemirror/state";
import { EditorView, drawSelection, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers, placeholder } from "@codemirror/view";
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { syntaxHighlighting } from "@codemirror/language";
import { lintGutter, lintKeymap, setDiagnostics } from "@codemirror/lint";
import { useSession } from "../../stores/session";
import { configLanguage, requirementsLanguage } from "./requirements-language";
import { editorTheme, highlightStyle } from "./editor-theme";
import type { EditorDiagnostic } from "./line-diagnostics";

const PLACEHOLDER = 'requests>=2.31\npandas[performance]; python_version >= "3.10"';

export function RequirementsEditor({
  diagnostics,
  diagnosticsText,
  isRequirementsFormat,
  onResolve,
  onFiles,
}: {
  diagnostics: EditorDiagnostic[];
  /** The text the diagnostics were computed for; they are shown only while the editor still holds it. */
  diagnosticsText: string | null;
  isRequirementsFormat: boolean;
  onResolve: () => void;
  onFiles: (files: File[]) => void;
}) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const language = useRef(new Compartment());
  const callbacks = useRef({ onResolve, onFiles });
  useEffect(() => {
    callbacks.current = { onResolve, onFiles };
  });

  useEffect(() => {
    if (!host.current) return;
    const editor = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: useSession.getState().requirementsText,
        extensions: [
          Prec.highest(
            keymap.of([
              {
                key: "Mod-Enter",
                run: () => {
                  callbacks.current.onResolve();
                  return true;
                },
              },
            ]),
          ),
          lineNumbers(),
          lintGutter(),
          highlightActiveLineGutter(),
          highlightActiveLine(),
          history(),
          drawSelection(),
          EditorView.lineWrapping,
          keymap.of([...defaultKeymap, ...historyKeymap, ...lintKeymap]),
          language.current.of(requirementsLanguage),
          syntaxHighlighting(highlightStyle),
          placeholder(PLACEHOLDER),
          editorTheme,
          EditorView.contentAttributes.of({ "aria-label": "Requirements", role: "textbox", "aria-multiline": "true" }),
          EditorView.domEventHandlers({
            drop: (event) => {
              const files = [...(event.dataTransfer?.files ?? [])];
              if (files.length === 0) return false;
              event.preventDefault();
              callbacks.current.onFiles(files);
              return true;
            },
          }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) useSession.getState().setRequirementsText(update.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = editor;
    // Text set elsewhere (an example, a suggested fix, an opened file) replaces the document as one undoable edit.
    const unsubscribe = useSession.subscribe((state) => {
      const current = editor.state.doc.toString();
      if (state.requirementsText !== current) {
        editor.dispatch({ changes: { from: 0, to: current.length, insert: state.requirementsText } });
      }
    });
    return () => {
      unsubscribe();
      editor.destroy();
      view.current = null;
    };
  }, []);

  useEffect(() => {
    view.current?.dispatch({ effects: language.current.reconfigure(isRequirementsFormat ? requirementsLanguage : configLanguage) });
  }, [isRequirementsFormat]);

  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    const fresh = diagnosticsText !== null && editor.state.doc.toString() === diagnosticsText;
    editor.dispatch(setDiagnostics(editor.state, fresh ? diagnostics : []));
  }, [diagnostics, diagnosticsText]);

  return (
    <div
      ref={host}
      className="h-64 min-h-32 resize-y overflow-hidden rounded-lg border border-slate-300 bg-white focus-within:border-teal-600 focus-within:ring-2 focus-within:ring-teal-600/20 dark:border-slate-700 dark:bg-slate-950 [&_.cm-editor]:h-full"
    />
  );
}
