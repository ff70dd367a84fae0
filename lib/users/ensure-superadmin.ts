import "server-only";
import { randomBytes } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import type { Db } from "@/lib/db/create-prisma-client";

/**
 * On a gateway with no users, creates the first SUPERADMIN from ADMIN_EMAIL/ADMIN_PASSWORD, or with
 * a generated password printed once to the log (the only place it is ever shown).
 */
export async function ensureSuperadmin(database: Db): Promise<void> {
  if ((await database.user.count()) > 0) return;
  const email = (env.ADMIN_EMAIL ?? "admin@wagate.local").toLowerCase();
  const generated = !env.ADMIN_PASSWORD;
  const password = env.ADMIN_PASSWORD ?? randomBytes(12).toString("base64url");
  await database.user.create({
    data: { name: "Administrator", email, username: "admin", passwordHash: await hashPassword(password), role: "SUPERADMIN" },
  });
  if (generated) {
    // Deliberately outside the structured logger's redaction: this is the one time it must be seen.
    console.log(
      `\n  Wagate created the first superadmin.\n  Sign in as ${email} (or "admin") with password: ${password}\n  Change it after signing in; it is not shown again.\n`,
    );
  } else {
    logger.info({ email }, "created the first superadmin from ADMIN_EMAIL");
  }
}
