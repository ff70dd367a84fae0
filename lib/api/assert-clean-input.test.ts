import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { assertCleanInput, jsonDepth, MAX_JSON_DEPTH, parseJsonBody } from "@/lib/api/assert-clean-input";

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(400);
    return (error as AppError).message;
  }
  throw new Error("expected a 400");
}

describe("parseJsonBody", () => {
  it("parses ordinary JSON, and an empty body as {}", () => {
    expect(parseJsonBody('{"a":[1,"x\\u00e9",{"b":null}],"c":"😀"}')).toEqual({ a: [1, "xé", { b: null }], c: "😀" });
    expect(parseJsonBody("  ")).toEqual({});
  });

  it("refuses invalid JSON", () => {
    expect(errorOf(() => parseJsonBody('{"a":'))).toBe("Request body is not valid JSON");
  });

  it("refuses nesting deeper than the limit, without recursion", () => {
    expect(parseJsonBody("[".repeat(MAX_JSON_DEPTH) + "]".repeat(MAX_JSON_DEPTH))).toBeDefined();
    const deep = '{"metadata":' + '{"a":'.repeat(5000) + "1" + "}".repeat(5001);
    expect(errorOf(() => parseJsonBody(deep))).toMatch(/nested too deeply/);
  });

  it("does not count brackets inside strings", () => {
    expect(jsonDepth('{"text":"[[[[{{{{\\"]]"}')).toBe(1);
  });

  it("names the field holding a NUL or a lone surrogate, keys included", () => {
    expect(errorOf(() => parseJsonBody('{"name":"a\\u0000b"}'))).toBe("name: must not contain NUL characters");
    expect(errorOf(() => parseJsonBody('{"m":{"list":["ok","\\ud800"]}}'))).toMatch(/^m\.list\.1: contains an invalid Unicode/);
    expect(errorOf(() => parseJsonBody('{"x\\udc00":1}'))).toMatch(/^body: a field name contains an invalid Unicode/);
    expect(errorOf(() => parseJsonBody('"\\u0000"'))).toBe("body: must not contain NUL characters");
  });

  it("accepts surrogate pairs", () => {
    expect(() => assertCleanInput({ emoji: "\ud83d\ude00" }, "body")).not.toThrow();
  });
});
