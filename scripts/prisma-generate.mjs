// Generates the Prisma client after `npm install`. Prisma 6 falls back to downloading its binary
// engine when DATABASE_URL is unset, which fails offline; the URL is only read, never connected to.
import { spawnSync } from "node:child_process";

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" };
env.DATABASE_URL ||= "postgresql://generate@127.0.0.1:5432/generate";
const result = spawnSync("npx", ["prisma", "generate"], { stdio: "inherit", env });
process.exit(result.status ?? 1);
