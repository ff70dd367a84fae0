import { describe, expect, it } from "vitest";
import { z } from "zod";
import { registerSchema } from "@/lib/users/users.schema";
import { fieldErrorsOf, zodIssues } from "./zod-issues";

const schema = z.object({
  name: z.string().min(1),
  password: z.string().min(8).max(20),
  role: z.enum(["OWNER", "STAFF"]),
  tags: z.array(z.string()).min(2),
  age: z.number().min(18),
});

function errorsIn(language: "en" | "id", values: unknown) {
  const parsed = schema.safeParse(values);
  if (parsed.success) throw new Error("expected a failure");
  return fieldErrorsOf(zodIssues(parsed.error, language));
}

describe("zodIssues", () => {
  const bad = { name: "", password: "short", role: "ADMIN", tags: ["one"], age: 12 };

  it("says what is wrong with each field in plain English by default", () => {
    expect(errorsIn("en", bad)).toEqual({
      name: "is required",
      password: "must be at least 8 characters",
      role: "must be one of: OWNER, STAFF",
      tags: "needs at least 2",
      age: "must be at least 18",
    });
    expect(errorsIn("en", { ...bad, password: "x".repeat(21), age: "old" })).toMatchObject({
      password: "must be at most 20 characters",
      age: "must be a number",
    });
  });

  it("says the same in Indonesian for the dashboard's Indonesian forms", () => {
    expect(errorsIn("id", bad)).toEqual({
      name: "wajib diisi",
      password: "minimal 8 karakter",
      role: "harus salah satu dari: OWNER, STAFF",
      tags: "minimal 2 item",
      age: "minimal 18",
    });
    expect(errorsIn("id", {})).toMatchObject({ name: "wajib diisi", password: "wajib diisi" });
  });

  it("translates the sign-up form's own schema texts for Indonesian forms", () => {
    const parsed = registerSchema.safeParse({ name: "", email: "nope", username: "A!", password: "short", phone: "call me" });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(fieldErrorsOf(zodIssues(parsed.error, "id"))).toEqual({
      name: "wajib diisi",
      email: "harus berupa alamat email yang valid",
      username: "harus 3–32 karakter: huruf, angka, titik, garis bawah atau tanda hubung",
      password: "minimal 8 karakter",
      phone: "harus berupa nomor telepon",
    });
    expect(fieldErrorsOf(zodIssues(parsed.error)).password).toBe("must be at least 8 characters");
  });

  it("keeps a schema's own message as written when it has no translation", () => {
    const own = z.object({ a: z.string() }).refine((v) => v.a === "yes", { message: "must say yes", path: ["a"] });
    const parsed = own.safeParse({ a: "no" });
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(zodIssues(parsed.error, "id")).toEqual([{ path: "a", message: "must say yes" }]);
  });
});
