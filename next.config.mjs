/** @type {import('next').NextConfig} */
const nextConfig = {
  // These packages load native code, WebAssembly or their own ESM graph at run time; bundling
  // them would break that, and server.ts shares their instances through globalThis anyway.
  serverExternalPackages: [
    "@whiskeysockets/baileys",
    "@prisma/client",
    "@prisma/adapter-pg",
    "@electric-sql/pglite",
    "@electric-sql/pglite-socket",
    "@node-rs/argon2",
    "sharp",
    "pino",
    "pg",
    "libsignal",
  ],
  poweredByHeader: false,
  // Several builds on one checkout (parallel test runs while developing) must not share a folder:
  // a rebuild deletes the files a running gateway serves. CI and `npm start` use the default.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // `npm test` type-checks the whole project with tsc first; checking again inside every build
  // would double the build time on our two cores.
  typescript: { ignoreBuildErrors: true },
  // Next.js loads every page and route handler (and, with tsx's source maps on, each one's source
  // map) when the server starts. Loaded when first asked for instead, an idle gateway holds ~45 MB
  // less V8 heap (issue 10's baseline: scripts/bench/idle-memory.ts, BENCHMARKS.md); the first
  // request to each route pays for its load once (tens of ms for an API route, ~¼ s for a page).
  experimental: { preloadEntriesOnStart: false },
};

export default nextConfig;
