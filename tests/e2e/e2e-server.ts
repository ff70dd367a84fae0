// Where the e2e gateway listens, and the superadmin it is seeded with. A fixed port (E2E_PORT to
// override) because the config, read separately by the runner and every worker, must agree on it.
export const E2E_PORT = Number(process.env.E2E_PORT || 3055);
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`;

export const E2E_ADMIN = { email: "admin@e2e.local", username: "admin", password: "e2e-admin-password" } as const;
