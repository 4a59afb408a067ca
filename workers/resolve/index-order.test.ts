// The order indexes are consulted in: as given under pip's rules, extra indexes first under uv's.
import { describe, expect, it } from "vitest";
import { indexOrder } from "./index-order";

describe("indexOrder", () => {
  const request = { indexUrl: "https://main/simple", extraIndexUrls: ["https://one/simple", "https://two/simple"] };
  it("keeps --index-url first under pip's rules (and by default)", () => {
    expect(indexOrder({ ...request, policy: "pip" })).toEqual(["https://main/simple", "https://one/simple", "https://two/simple"]);
    expect(indexOrder(request)).toEqual(indexOrder({ ...request, policy: "pip" }));
  });
  it("puts the extra indexes first, in their order, under uv's rules", () => {
    expect(indexOrder({ ...request, policy: "uv" })).toEqual(["https://one/simple", "https://two/simple", "https://main/simple"]);
  });
});
