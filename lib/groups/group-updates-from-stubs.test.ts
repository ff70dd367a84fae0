import { WAMessageStubType, type WAMessage } from "@whiskeysockets/baileys";
import { describe, expect, it } from "vitest";
import { groupUpdatesFromStubs } from "@/lib/groups/group-updates-from-stubs";

const G = "120363014587327510@g.us";
const PN = "628111@s.whatsapp.net";
const LID = "123456789@lid";
const stub = (type: number, params: string[] | undefined, key: Partial<WAMessage["key"]> = {}, remoteJid = G): WAMessage => ({
  key: { remoteJid, id: "X", participant: PN, ...key },
  messageStubType: type,
  messageStubParameters: params,
});

describe("group updates from stub messages", () => {
  it("reads subject, description, announce and restrict changes in order, each with its author", () => {
    const updates = groupUpdatesFromStubs([
      stub(WAMessageStubType.GROUP_CHANGE_SUBJECT, ["New"]),
      stub(WAMessageStubType.GROUP_CHANGE_ANNOUNCE, ["on"]),
      stub(WAMessageStubType.GROUP_CHANGE_DESCRIPTION, undefined),
      stub(WAMessageStubType.GROUP_CHANGE_RESTRICT, ["off"]),
    ]);
    expect(updates).toEqual([
      { id: G, subject: "New", author: PN },
      { id: G, announce: true, author: PN },
      { id: G, desc: "", author: PN },
      { id: G, restrict: false, author: PN },
    ]);
  });

  it("names the author by phone number when it is known, the LID beside it", () => {
    const [a, b, c] = groupUpdatesFromStubs([
      stub(WAMessageStubType.GROUP_CHANGE_SUBJECT, ["A"], { participant: LID, participantAlt: PN }),
      stub(WAMessageStubType.GROUP_CHANGE_SUBJECT, ["B"], { participant: PN, participantAlt: LID }),
      stub(WAMessageStubType.GROUP_CHANGE_SUBJECT, ["C"], { participant: LID }),
    ]);
    expect(a).toMatchObject({ author: PN, authorLid: LID });
    expect(b).toMatchObject({ author: PN, authorLid: LID });
    expect(c).toMatchObject({ author: LID });
    expect(c).not.toHaveProperty("authorLid");
  });

  it("ignores other stubs, messages outside groups and plain messages", () => {
    expect(
      groupUpdatesFromStubs([
        stub(WAMessageStubType.GROUP_PARTICIPANT_ADD, ['{"id":"x"}']),
        stub(WAMessageStubType.GROUP_CHANGE_SUBJECT, ["not a group"], {}, PN),
        { key: { remoteJid: G, id: "Y" }, message: { conversation: "hi" } },
      ]),
    ).toEqual([]);
  });
});
