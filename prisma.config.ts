// Prisma CLI configuration. Prisma 6.19 with the Rust-free client and the JS/WASM schema engine:
// the binary engines cannot be downloaded on our machines (see shared/notes/toolchain.md).
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

export default defineConfig({
  schema: "prisma/schema.prisma",
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error("DATABASE_URL is required for Prisma CLI commands");
    return new PrismaPg({ connectionString });
  },
});
