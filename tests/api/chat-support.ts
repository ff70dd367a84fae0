// DEPRECATED, kept only so that branches written against it still compile: a deliberate exception
// to "no barrel files". Everything here now lives in tests/support/sandbox.ts and
// tests/support/wait.ts; import from there. The lead deletes this file after the merge.
export {
  ALICE,
  BOB,
  ECHO_BOT,
  SANDBOX_ENV,
  chatMessages,
  jidOf,
  pairedSession,
  receivedBy,
  registerTenant,
  send,
  startSandboxGateway,
  storedMessage,
  waitForReceived,
  waitForSessionStatus,
  type ReceivedByContact,
  type Tenant,
} from "../support/sandbox";
export { waitFor } from "../support/wait";
