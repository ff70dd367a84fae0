import { describe, expect, it } from "vitest";
import { createUserSchema, loginSchema, registerSchema, updateUserSchema } from "@/lib/users/users.schema";

const automationApiUser = {
  name: "John Doe",
  phone: "+1234567890",
  email: "John@Example.com",
  username: "JohnDoe",
  password: "securePassword123",
  gst: "GST12345",
};

describe("registerSchema", () => {
  it("accepts Automation API's body and normalises email and username to lower case", () => {
    expect(registerSchema.parse(automationApiUser)).toMatchObject({ email: "john@example.com", username: "johndoe" });
  });

  it("refuses a role, so sign-up cannot choose one", () => {
    expect(registerSchema.safeParse({ ...automationApiUser, role: "SUPERADMIN" }).success).toBe(false);
  });
});

describe("loginSchema", () => {
  it("takes Automation API's username, or email, or identifier, lower-cased", () => {
    expect(loginSchema.parse({ username: "JohnDoe", password: "p" })).toEqual({ identifier: "johndoe", password: "p" });
    expect(loginSchema.parse({ email: " John@Example.com ", password: "p" })).toEqual({ identifier: "john@example.com", password: "p" });
    expect(loginSchema.parse({ identifier: "X", password: "p" })).toEqual({ identifier: "x", password: "p" });
  });

  it("needs a name and a password", () => {
    const noName = loginSchema.safeParse({ password: "p" });
    expect(noName.success).toBe(false);
    expect(noName.error?.issues[0].path).toEqual(["username"]);
    const noPassword = loginSchema.safeParse({ username: "x" });
    expect(noPassword.error?.issues[0].path).toEqual(["password"]);
  });
});

describe("createUserSchema / updateUserSchema", () => {
  it("refuses unknown roles and unknown fields", () => {
    expect(createUserSchema.safeParse({ ...automationApiUser, gst: undefined, role: "ADMIN" }).success).toBe(false);
    expect(updateUserSchema.safeParse({ passwordHash: "x" }).success).toBe(false);
  });

  it("needs at least one field to update", () => {
    expect(updateUserSchema.safeParse({}).success).toBe(false);
    expect(updateUserSchema.safeParse({ name: "New" }).success).toBe(true);
  });
});
