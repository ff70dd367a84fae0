import { describe, expect, it } from "vitest";
import { postStatusSchema } from "@/lib/status/status.schema";

describe("postStatusSchema", () => {
  it("normalises the background colour to #AARRGGBB", () => {
    const parse = (backgroundColor: string) => postStatusSchema.parse({ sessionId: "s", content: "x", backgroundColor }).backgroundColor;
    expect(parse("0xff1e90ff")).toBe("#ff1e90ff");
    expect(parse("#1E90FF")).toBe("#ff1e90ff");
    expect(parse("801e90ff")).toBe("#801e90ff");
    expect(postStatusSchema.safeParse({ sessionId: "s", content: "x", backgroundColor: "blue" }).success).toBe(false);
  });

  it("defaults to TEXT and asks for what each kind needs", () => {
    expect(postStatusSchema.parse({ sessionId: "s", content: "hi" }).type).toBe("TEXT");
    expect(postStatusSchema.safeParse({ sessionId: "s" }).success).toBe(false);
    expect(postStatusSchema.safeParse({ sessionId: "s", type: "IMAGE" }).success).toBe(false);
    expect(postStatusSchema.safeParse({ sessionId: "s", type: "IMAGE", mediaId: "m1" }).success).toBe(true);
    expect(postStatusSchema.safeParse({ sessionId: "s", type: "VIDEO", mediaId: "m1", mediaUrl: "https://x.example/v.mp4" }).success).toBe(false);
    expect(postStatusSchema.safeParse({ sessionId: "s", content: "x", font: 6 }).success).toBe(false);
  });
});
