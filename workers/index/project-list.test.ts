// Tests of reading the index's project list (PEP 691 JSON, PEP 503 HTML) and of fetching it once per index.
import { describe, expect, it } from "vitest";
import type { HttpResponse } from "./http-client";
import { parseProjectList, projectList } from "./project-list";

const response = (text: string, contentType: string): HttpResponse => ({ url: "", status: 200, contentType, text, body: new Uint8Array(new ArrayBuffer(0)) });

describe("parseProjectList", () => {
  it("reads PEP 691 JSON and PEP 503 HTML to canonical names", () => {
    expect(parseProjectList('{"meta": {"api-version": "1.1"}, "projects": [{"name": "Requests"}, {"name": "zope.interface"}]}', "application/vnd.pypi.simple.v1+json")).toEqual([
      "requests",
      "zope-interface",
    ]);
    expect(parseProjectList('<html><body><a href="/simple/requests/">requests</a><a href="/simple/Flask_Login/">Flask_Login</a></body></html>', "text/html")).toEqual(["requests", "flask-login"]);
  });

  it("gives null, never an exception, for anything else", () => {
    expect(parseProjectList("{not json", "application/json")).toBeNull();
    expect(parseProjectList('{"projects": 3}', "application/json")).toBeNull();
    expect(parseProjectList("plain text", "text/plain")).toBeNull();
  });
});

describe("projectList", () => {
  it("fetches once per index and shares the answer; a failure gives null", async () => {
    let calls = 0;
    const get = (url: string) => {
      calls += 1;
      expect(url).toBe("http://list.test/simple/");
      return Promise.resolve(response('{"projects": [{"name": "six"}]}', "application/vnd.pypi.simple.v1+json"));
    };
    const [a, b] = await Promise.all([projectList("http://list.test/simple", get), projectList("http://list.test/simple/", get)]);
    expect(a).toEqual(["six"]);
    expect(b).toBe(a);
    expect(calls).toBe(1);
    expect(await projectList("http://broken.test/simple", () => Promise.reject(new Error("down")))).toBeNull();
    expect(await projectList("not a url", () => Promise.reject(new Error("never called")))).toBeNull();
  });
});
