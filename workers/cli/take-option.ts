// Argument helpers for subcommands that pass the rest of their arguments through to `resolve`: take one option, find the files.

/** Options of `resolve` that take no value. */
const FLAGS = new Set(["--no-cache", "--refresh", "--upgrade", "-h", "--help"]);

/** Removes the first `--name VALUE` / `--name=VALUE` and returns its value, or null; throws when it has no value. */
export function takeOption(args: string[], name: string): string | null {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === name) {
      const next = args[i + 1];
      if (next === undefined || (next.startsWith("--") && next.length > 2)) throw new Error(`${name} needs a value`);
      args.splice(i, 2);
      return next;
    }
    if (arg.startsWith(`${name}=`)) {
      args.splice(i, 1);
      return arg.slice(name.length + 1);
    }
  }
  return null;
}

/** Every value of a repeatable option, removed from the list. */
export function takeRepeated(args: string[], name: string): string[] {
  const values: string[] = [];
  for (let v = takeOption(args, name); v !== null; v = takeOption(args, name)) values.push(v);
  return values;
}

/** Removes and returns the positional arguments (words that are not options or option values). */
export function takePositionals(args: string[]): string[] {
  const positionals: string[] = [];
  for (let i = 0; i < args.length; ) {
    const arg = args[i];
    if (arg !== "-" && arg.startsWith("-")) {
      i += FLAGS.has(arg) || arg.includes("=") ? 1 : 2;
      continue;
    }
    positionals.push(arg);
    args.splice(i, 1);
  }
  return positionals;
}
