import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { normalizeRecipient } from "@/lib/messages/normalize-recipient";

const id = (input: string, defaultCountryCode = "62") => normalizeRecipient(input, { defaultCountryCode });

function rejection(input: string, options: Parameters<typeof normalizeRecipient>[1] = { defaultCountryCode: "62" }) {
  try {
    normalizeRecipient(input, options);
  } catch (error) {
    if (error instanceof AppError) return { status: error.status, message: error.message };
    throw error;
  }
  throw new Error(`'${input}' was accepted`);
}

describe("normalizeRecipient", () => {
  it.each([
    ["628123456789", "628123456789@s.whatsapp.net"],
    ["+62 812-3456-789", "628123456789@s.whatsapp.net"],
    ["+62 (0)812 3456 789", "628123456789@s.whatsapp.net"],
    ["0062 812 3456 789", "628123456789@s.whatsapp.net"],
    ["(+1) 555.010.0002", "15550100002@s.whatsapp.net"],
    ["  15550100002  ", "15550100002@s.whatsapp.net"],
  ])("reads the international number %s", (input, jid) => {
    expect(id(input)).toBe(jid);
  });

  it("puts the default country in front of a local number (Ultimate WhatsApp Gateway: 08… → 628…)", () => {
    expect(id("08123456789")).toBe("628123456789@s.whatsapp.net");
    expect(id("(0812) 3456-789")).toBe("628123456789@s.whatsapp.net");
    expect(id("020 7946 0958", "44")).toBe("442079460958@s.whatsapp.net");
  });

  it("refuses a local number when no default country is configured", () => {
    expect(rejection("08123456789", { defaultCountryCode: "" })).toEqual({
      status: 400,
      message: "jid: '08123456789' is a local number (leading 0) and no DEFAULT_COUNTRY_CODE is set; use the international format",
    });
  });

  it.each([
    ["628123456789@s.whatsapp.net", "628123456789@s.whatsapp.net"],
    ["628123456789@c.us", "628123456789@s.whatsapp.net"],
    ["628123456789:12@s.whatsapp.net", "628123456789@s.whatsapp.net"],
    ["628123456789@S.WHATSAPP.NET", "628123456789@s.whatsapp.net"],
    ["120363014587327510@g.us", "120363014587327510@g.us"],
    ["6281234567-1600000000@g.us", "6281234567-1600000000@g.us"],
    ["123456789012345@lid", "123456789012345@lid"],
    ["status@broadcast", "status@broadcast"],
  ])("keeps the WhatsApp ID %s", (input, jid) => {
    expect(id(input)).toBe(jid);
  });

  it.each([
    "12",
    "",
    "   ",
    "hello",
    "+",
    "0",
    "1234567890123456",
    "abc@s.whatsapp.net",
    "6281@example.com",
    "@g.us",
    "status@g.us",
    "62812+34@s.whatsapp.net",
  ])("refuses %j with a 400 that names it", (input) => {
    const { status, message } = rejection(input);
    expect(status).toBe(400);
    expect(message).toBe(`jid: '${input}' is not a valid phone number or WhatsApp ID`);
  });

  it("names the field it was given", () => {
    expect(rejection("12", { defaultCountryCode: "62", field: "chatId" }).message).toBe("chatId: '12' is not a valid phone number or WhatsApp ID");
  });
});
