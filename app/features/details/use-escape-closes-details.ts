// Escape closes the details panel, unless the key belongs to something else (the editor, an open menu or dialog, a form field).
import { useEffect } from "react";
import { useView } from "../../stores/view";

export function useEscapeClosesDetails(open: boolean): void {
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || event.defaultPrevented) return;
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest(".cm-editor, [role='dialog'], [role='menu'], dialog, input, select, textarea")) return;
      useView.getState().select(null);
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open]);
}
