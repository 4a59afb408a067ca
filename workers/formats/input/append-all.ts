// Appends one array to another without spreading it into call arguments (which overflows the stack past ~100,000 items).

/** `target.push(...items)` for arrays of any length. */
export function appendAll<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}
