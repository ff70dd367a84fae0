import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname),
  // Outside Next, `server-only` would throw on import; tests are server code (see scripts/hooks).
  "server-only": path.resolve(import.meta.dirname, "tests/support/empty-module.ts"),
};

export default defineConfig({
  // Declared once here; every project inherits it through `extends: true`.
  resolve: { alias },
  test: {
    projects: [
      {
        extends: true,
        test: { name: "unit", environment: "node", include: ["lib/**/*.test.ts", "components/**/*.test.ts"], exclude: ["lib/wa-emulator/**"] },
      },
      {
        extends: true,
        test: {
          name: "emulator",
          environment: "node",
          include: ["tests/emulator/**/*.test.ts", "lib/wa-emulator/**/*.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: "whatsapp",
          environment: "node",
          include: ["tests/whatsapp/**/*.test.ts"],
          testTimeout: 90_000,
          hookTimeout: 90_000,
        },
      },
      {
        extends: true,
        test: {
          // Several gateway processes on one database (issue 16): slow to set up, so on their own.
          name: "cluster",
          environment: "node",
          include: ["tests/cluster/**/*.test.ts"],
          // One file at a time: each starts its own gateways and emulator (no shared port, database
          // or phone), but side by side on a small machine they starve each other of CPU, and a node
          // stalled past the three-node file's 6 s lease loses a session it is pairing.
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 600_000,
        },
      },
      {
        extends: true,
        test: {
          name: "api",
          environment: "node",
          include: ["tests/api/**/*.test.ts"],
          globalSetup: ["tests/support/api-global-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
