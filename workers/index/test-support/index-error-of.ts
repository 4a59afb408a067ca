// Test support: the IndexError a parser throws for bad index data (the test fails if it throws anything else, or nothing).
import { expect } from "vitest";
import { IndexError } from "../index-error";

export function indexErrorOf(fn: () => unknown): IndexError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(IndexError);
    return error as IndexError;
  }
  throw new Error("expected an IndexError");
}
