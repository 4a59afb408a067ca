// PEP 691 content negotiation: q-values, specificity, wildcards, server preference and the format parameter.

import { describe, expect, it } from "vitest";
import { SIMPLE_HTML_V1, SIMPLE_JSON, TEXT_HTML, contentTypeHeader, negotiateSimple } from "./content-negotiation";

describe("negotiateSimple", () => {
  it("defaults to text/html without an Accept header or with only wildcards", () => {
    expect(negotiateSimple(undefined)).toBe(TEXT_HTML);
    expect(negotiateSimple("")).toBe(TEXT_HTML);
    expect(negotiateSimple("*/*")).toBe(TEXT_HTML);
    expect(negotiateSimple("application/*")).toBe(SIMPLE_HTML_V1);
  });

  it("serves JSON to pip's Accept header and to a plain JSON request", () => {
    expect(negotiateSimple("application/vnd.pypi.simple.v1+json, application/vnd.pypi.simple.v1+html; q=0.1, text/html; q=0.01")).toBe(SIMPLE_JSON);
    expect(negotiateSimple("application/vnd.pypi.simple.v1+json")).toBe(SIMPLE_JSON);
    expect(negotiateSimple("application/vnd.pypi.simple.latest+json")).toBe(SIMPLE_JSON);
  });

  it("follows q-values, including q=0 and the most specific matching range", () => {
    expect(negotiateSimple("application/vnd.pypi.simple.v1+json;q=0.1, text/html;q=0.5")).toBe(TEXT_HTML);
    expect(negotiateSimple("text/html;q=0, application/vnd.pypi.simple.v1+json;q=0.2")).toBe(SIMPLE_JSON);
    expect(negotiateSimple("*/*;q=0.9, text/html;q=0.1")).toBe(SIMPLE_HTML_V1);
    expect(negotiateSimple("application/vnd.pypi.simple.v1+html, application/vnd.pypi.simple.v1+json")).toBe(SIMPLE_HTML_V1);
    expect(negotiateSimple("image/png")).toBe(TEXT_HTML);
    expect(negotiateSimple("application/vnd.pypi.simple.v1+json;q=2")).toBe(TEXT_HTML);
  });

  it("lets the PEP 691 format parameter override Accept", () => {
    expect(negotiateSimple("text/html", "application/vnd.pypi.simple.v1+json")).toBe(SIMPLE_JSON);
    expect(negotiateSimple("application/vnd.pypi.simple.v1+json", "text/html")).toBe(TEXT_HTML);
    expect(negotiateSimple("application/vnd.pypi.simple.v1+json", "nonsense")).toBe(SIMPLE_JSON);
  });

  it("labels responses with the concrete version", () => {
    expect(contentTypeHeader(SIMPLE_JSON)).toBe("application/vnd.pypi.simple.v1+json");
    expect(contentTypeHeader(TEXT_HTML)).toBe("text/html; charset=utf-8");
  });
});
