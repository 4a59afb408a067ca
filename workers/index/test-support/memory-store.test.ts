// Tests for the in-memory MetadataStore.
import { describe, expect, it } from "vitest";
import { createMemoryStore } from "./memory-store";

describe("memory store", () => {
  it("stores JSON copies by key", async () => {
    const store = createMemoryStore();
    const value = { a: [1, 2], b: "x" };
    await store.put("k", value);
    value.a.push(3);
    const read = (await store.get("k")) as { a: number[] };
    expect(read).toEqual({ a: [1, 2], b: "x" });
    read.a.push(4);
    expect(await store.get("k")).toEqual({ a: [1, 2], b: "x" });
    expect(await store.get("missing")).toBeUndefined();
    expect(store.size).toBe(1);
    await store.delete("k");
    expect(await store.get("k")).toBeUndefined();
    expect(store.keys()).toEqual([]);
  });
});
