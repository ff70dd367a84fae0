// Writes a new migration from the difference between the committed schema (git HEAD) and the
// working schema. `prisma migrate dev` cannot run here (its introspection fails through the
// driver adapter), so migrations are diffed offline: `npm run db:migration -- <name>`.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync, mkdtempSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const name = (process.argv[2] || "").replace(/[^a-z0-9_]/gi, "_");
if (!name) {
  console.error("usage: npm run db:migration -- <name>");
  process.exit(2);
}
const env = { ...process.env, DATABASE_URL: process.env.DATABASE_URL || "postgresql://root@127.0.0.1:5432/postgres" };
const hasMigrations = existsSync("prisma/migrations") && spawnSync("git", ["cat-file", "-e", "HEAD:prisma/schema.prisma"]).status === 0;
const args = ["prisma", "migrate", "diff", "--to-schema-datamodel", "prisma/schema.prisma", "--script"];
if (hasMigrations) {
  const old = path.join(mkdtempSync(path.join(tmpdir(), "wagate-schema-")), "schema.prisma");
  writeFileSync(old, execFileSync("git", ["show", "HEAD:prisma/schema.prisma"]));
  args.push("--from-schema-datamodel", old);
} else {
  args.push("--from-empty");
}
const sql = execFileSync("npx", args, { env, encoding: "utf8" });
if (!sql.trim() || /This is an empty migration/.test(sql)) {
  console.log("No schema changes.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join("prisma", "migrations", `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, "migration.sql"), sql);
writeFileSync(path.join("prisma", "migrations", "migration_lock.toml"), 'provider = "postgresql"\n');
console.log(`Wrote ${dir}/migration.sql`);
