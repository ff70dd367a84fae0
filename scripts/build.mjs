// `npm run build`: the production build of the Next.js part of the gateway.
import { spawnSync } from "node:child_process";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" };
const result = spawnSync("npx", ["next", "build"], { stdio: "inherit", env });
process.exit(result.status ?? 1);
