-- DropIndex
DROP INDEX "whatsapp_sessions_sessionId_key";

-- CreateIndex
CREATE INDEX "whatsapp_sessions_sessionId_idx" ON "whatsapp_sessions"("sessionId");

-- CreateIndex
CREATE UNIQUE INDEX "whatsapp_sessions_ownerId_sessionId_key" ON "whatsapp_sessions"("ownerId", "sessionId");


-- Issue 9: e-mail addresses and usernames are unique whatever their letter case. The application
-- writes them in lower case (lib/users/users.schema.ts); these indexes make it a guarantee.
CREATE UNIQUE INDEX "users_email_lower_key" ON "users"(lower("email"));
CREATE UNIQUE INDEX "users_username_lower_key" ON "users"(lower("username"));
