// Reads what the user typed into "Pin version": a bare version means "exactly this one", a specifier is kept as written.

/** "1.18.5" -> "==1.18.5"; ">=1,<2" stays; blank -> null. */
export function pinSpecifier(typed: string): string | null {
  const text = typed.trim().replace(/\s+/g, "");
  if (!text) return null;
  if (/^[0-9]/.test(text)) return `==${text}`;
  if (/^(===|==|~=|!=|<=|>=|<|>)/.test(text)) return text;
  return null;
}
