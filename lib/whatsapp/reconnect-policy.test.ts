import { describe, expect, it } from "vitest";
import { backoffDelay, CLOSE_CODES, decideOnClose } from "@/lib/whatsapp/reconnect-policy";

describe("decideOnClose", () => {
  const base = { paired: true, wasWaitingForQr: false };
  it("reconnects at once when WhatsApp asks for a restart", () => {
    expect(decideOnClose({ ...base, code: CLOSE_CODES.restartRequired }).kind).toBe("reconnect-now");
  });
  it("treats 401 as logged out", () => {
    expect(decideOnClose({ ...base, code: CLOSE_CODES.loggedOut })).toEqual({ kind: "logged-out", reason: "logged out from the phone" });
  });
  it("stops on a conflict instead of fighting the other client", () => {
    expect(decideOnClose({ ...base, code: CLOSE_CODES.connectionReplaced }).kind).toBe("stop");
  });
  it("reconnects later on a lost or closed connection", () => {
    expect(decideOnClose({ ...base, code: CLOSE_CODES.connectionLost }).kind).toBe("reconnect-later");
    expect(decideOnClose({ ...base, code: CLOSE_CODES.connectionClosed }).kind).toBe("reconnect-later");
    expect(decideOnClose({ ...base, code: undefined }).kind).toBe("reconnect-later");
  });
  it("stops an unpaired session whose QR codes ran out", () => {
    expect(decideOnClose({ code: CLOSE_CODES.connectionLost, paired: false, wasWaitingForQr: true }).kind).toBe("stop");
  });
});

describe("backoffDelay", () => {
  const options = { initialMs: 1000, maxMs: 60_000 };
  it("doubles per attempt within its jitter band", () => {
    expect(backoffDelay(0, options, () => 0)).toBe(500);
    expect(backoffDelay(0, options, () => 1)).toBe(1000);
    expect(backoffDelay(3, options, () => 0)).toBe(4000);
    expect(backoffDelay(3, options, () => 1)).toBe(8000);
  });
  it("never exceeds the maximum", () => {
    expect(backoffDelay(30, options, () => 1)).toBe(60_000);
  });
});
