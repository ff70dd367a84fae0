import { z } from "zod";

export const emailSchema = z.string().trim().toLowerCase().email("must be a valid email address").max(254);
export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,32}$/, "must be 3–32 characters: letters, digits, dot, underscore or dash");
export const passwordSchema = z.string().min(8, "must be at least 8 characters").max(200, "must be at most 200 characters");
export const nameSchema = z.string().trim().min(1, "is required").max(100);
export const phoneSchema = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ()-]{5,20}$/, "must be a phone number");
export const roleSchema = z.enum(["SUPERADMIN", "OWNER", "STAFF"]);

/** POST /api/auth/register (Automation API). */
export const registerSchema = z.strictObject({
  name: nameSchema,
  email: emailSchema,
  username: usernameSchema,
  password: passwordSchema,
  phone: phoneSchema.optional(),
  /** The Automation API's tax number: kept on the profile (GET /api/users/me). */
  gst: z.string().trim().max(50).optional(),
});
export type RegisterInput = z.infer<typeof registerSchema>;

/** POST /api/auth/login: Automation API's `username`, or `email`, or either as `identifier`. */
export const loginSchema = z
  .strictObject({
    username: z.string().trim().min(1).max(254).optional(),
    email: z.string().trim().min(1).max(254).optional(),
    identifier: z.string().trim().min(1).max(254).optional(),
    password: z.string().min(1, "is required").max(200),
  })
  .refine((v) => v.username || v.email || v.identifier, { message: "username or email is required", path: ["username"] })
  .transform((v) => ({ identifier: (v.identifier ?? v.username ?? v.email)!.toLowerCase(), password: v.password }));
export type LoginInput = z.infer<typeof loginSchema>;

/** POST /api/users. An OWNER may only create STAFF (the role is then forced). */
export const createUserSchema = z.strictObject({
  name: nameSchema,
  email: emailSchema,
  username: usernameSchema,
  password: passwordSchema,
  phone: phoneSchema.optional(),
  role: roleSchema.optional(),
  /** For a STAFF user created by a SUPERADMIN: the owner they work for. */
  ownerId: z.string().min(1).optional(),
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const updateUserSchema = z
  .strictObject({
    name: nameSchema.optional(),
    email: emailSchema.optional(),
    username: usernameSchema.optional(),
    password: passwordSchema.optional(),
    phone: phoneSchema.nullable().optional(),
    role: roleSchema.optional(),
    /** true: the user can neither sign in nor use their API key (data kept); false: lifted. */
    suspended: z.boolean().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: "at least one field is required" });
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

export const userIdParams = z.object({ id: z.string().min(1).max(64) });

export const assignSessionsSchema = z.strictObject({
  sessionIds: z.array(z.string().min(1).max(64)).max(500),
});
export type AssignSessionsInput = z.infer<typeof assignSessionsSchema>;

/** PATCH /api/users/me: the caller's own name, phone or password (the current one is required to change it). */
/** An IANA time zone the runtime knows ("Asia/Jakarta", "UTC"). */
export const timeZoneSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat("en", { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, "must be a time zone such as Asia/Jakarta");

/** The dashboard's languages. */
export const LOCALES = ["en", "id"] as const;
export const localeSchema = z.enum(LOCALES, { error: "must be en (English) or id (Indonesian)" });

export const updateMeSchema = z
  .strictObject({
    name: nameSchema.optional(),
    phone: phoneSchema.nullable().optional(),
    currentPassword: z.string().min(1).max(200).optional(),
    newPassword: passwordSchema.optional(),
    /** null: follow the browser. */
    timeZone: timeZoneSchema.nullable().optional(),
    locale: localeSchema.nullable().optional(),
  })
  .refine((v) => !v.newPassword || v.currentPassword, { message: "is required to set a new password", path: ["currentPassword"] })
  .refine((v) => v.name !== undefined || v.phone !== undefined || v.newPassword || v.timeZone !== undefined || v.locale !== undefined, {
    message: "at least one field is required",
  });
export type UpdateMeInput = z.infer<typeof updateMeSchema>;

const emptyAsUndefined = (value: unknown) => (value === "" ? undefined : value);
export const USERS_PAGE_SIZE = 25;

/** The Users page's URL for a superadmin: search name/username/email, filter by role, page. */
export const searchUsersQuerySchema = z.strictObject({
  q: z.preprocess(emptyAsUndefined, z.string().trim().max(100).optional()),
  role: z.preprocess(emptyAsUndefined, roleSchema.optional()),
  page: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(10_000).default(1)),
});
export type SearchUsersQuery = z.output<typeof searchUsersQuerySchema>;
