// Test-only fast-check arbitraries for PEP 440 versions and specifiers (small numbers, so that collisions are common).
import fc from "fast-check";

const small = fc.integer({ min: 0, max: 3 });

/** A normalised-or-not version string with every segment kind, biased towards edge cases. */
export const versionText: fc.Arbitrary<string> = fc
  .record({
    epoch: fc.oneof({ weight: 6, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 2 }) }),
    release: fc.array(small, { minLength: 1, maxLength: 4 }),
    pre: fc.option(fc.tuple(fc.constantFrom("a", "b", "rc"), small), { freq: 3 }),
    post: fc.option(small, { freq: 3 }),
    dev: fc.option(small, { freq: 3 }),
    local: fc.option(fc.array(fc.constantFrom("a", "b", "0", "1", "10", "ubuntu", "x1"), { minLength: 1, maxLength: 3 }), { freq: 4 }),
  })
  .map(({ epoch, release, pre, post, dev, local }) => {
    let s = epoch ? `${epoch}!` : "";
    s += release.join(".");
    if (pre) s += pre[0] + pre[1];
    if (post !== null) s += `.post${post}`;
    if (dev !== null) s += `.dev${dev}`;
    if (local) s += `+${local.join(".")}`;
    return s;
  });

/** A version string without a local label. */
export const publicVersionText: fc.Arbitrary<string> = versionText.map((s) => s.split("+")[0]);

/** One specifier over generated versions (no `===`: its range is an approximation tested on its own). */
export const specifierText: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(fc.constantFrom("<", "<=", ">", ">="), publicVersionText).map(([op, v]) => op + v),
  fc.tuple(fc.constantFrom("==", "!="), versionText).map(([op, v]) => op + v),
  fc.tuple(fc.constantFrom("==", "!="), fc.array(small, { minLength: 1, maxLength: 3 })).map(([op, r]) => `${op}${r.join(".")}.*`),
  fc
    .tuple(fc.array(small, { minLength: 2, maxLength: 4 }), fc.option(fc.constantFrom("a1", "rc0", ".post1", ".dev2", "b1.post0.dev1")))
    .map(([r, suffix]) => `~=${r.join(".")}${suffix ?? ""}`),
);

/** A comma-separated set of 0 to 3 specifiers. */
export const specifierSetText: fc.Arbitrary<string> = fc.array(specifierText, { maxLength: 3 }).map((xs) => xs.join(","));
