import { describe, expect, it } from "vitest";
import { safeLink } from "./safe-link";

describe("safeLink", () => {
  it("keeps absolute http and https URLs", () => {
    expect(safeLink("https://github.com/psf/requests")?.host).toBe("github.com");
    expect(safeLink("http://example.org/docs")?.href).toBe("http://example.org/docs");
  });

  it("refuses every other scheme and anything that is not an absolute URL", () => {
    for (const url of ["javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,<script>x</script>", "file:///etc/passwd", "vbscript:x", "/relative", "UNKNOWN", ""]) {
      expect(safeLink(url), url).toBeNull();
    }
  });
});
