import { randomBytes } from "node:crypto";
import { decryptPollVote, getAggregateVotesInPollMessage, jidNormalizedUser, proto } from "@whiskeysockets/baileys";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startWaEmulator, type WaEmulator } from "@/lib/wa-emulator/emulator";
import { close, pairClient, textOf, trackFailures, type Client } from "./helpers";

const OWNER = "15550006001";
const ALICE = "15550006002";
const aliceJid = `${ALICE}@s.whatsapp.net`;

describe("other message kinds, presence, status and profile", () => {
  let emulator: WaEmulator;
  let gateway: Client;
  let failures: () => string[];

  beforeAll(async () => {
    emulator = await startWaEmulator();
    failures = trackFailures(emulator);
    emulator.createAccount({ phone: OWNER, name: "Owner" });
    emulator.createAccount({ phone: ALICE, name: "Alice" });
    gateway = await pairClient(emulator, OWNER);
  });
  // Every flow here must decrypt cleanly on both sides: nothing dropped, nothing retried.
  afterEach(() => expect(failures()).toEqual([]));
  afterAll(async () => {
    close(gateway);
    await emulator.stop();
  });

  it("contact sends quote, location, contact card and poll", async () => {
    const original = await gateway.sock.sendMessage(aliceJid, { text: "original" });
    const quote = await emulator.sendMessage(ALICE, OWNER, {
      text: "replying",
      quoted: { id: original!.key.id!, fromMe: false, participant: `${OWNER}@s.whatsapp.net`, message: { conversation: "original" } },
    });
    const reply = await gateway.log.waitForMessage((m) => m.key.id === quote.id);
    expect(reply.message?.extendedTextMessage?.contextInfo?.stanzaId).toBe(original!.key.id);

    const location = await emulator.sendMessage(ALICE, OWNER, { location: { degreesLatitude: 52.5, degreesLongitude: 13.4, name: "Berlin" } });
    expect((await gateway.log.waitForMessage((m) => m.key.id === location.id)).message?.locationMessage?.name).toBe("Berlin");

    const vcard = "BEGIN:VCARD\nVERSION:3.0\nFN:Bob\nTEL;waid=15550006003:+15550006003\nEND:VCARD";
    const card = await emulator.sendMessage(ALICE, OWNER, { contact: { displayName: "Bob", vcard } });
    expect((await gateway.log.waitForMessage((m) => m.key.id === card.id)).message?.contactMessage?.vcard).toBe(vcard);

    const poll = await emulator.sendMessage(ALICE, OWNER, { poll: { name: "Lunch?", values: ["Pizza", "Sushi"], selectableCount: 1 } });
    const pollMsg = await gateway.log.waitForMessage((m) => m.key.id === poll.id);
    expect(pollMsg.message?.pollCreationMessageV3?.options?.map((o) => o.optionName)).toEqual(["Pizza", "Sushi"]);
  });

  it("contact reacts to, edits and revokes messages", async () => {
    const delivered = emulator.waitFor("message", (e) => e.phone === ALICE && e.message.text === "react to me");
    const mine = await gateway.sock.sendMessage(aliceJid, { text: "react to me" });
    await delivered;
    await emulator.sendMessage(ALICE, OWNER, { react: { key: { id: mine!.key.id!, fromMe: false }, text: "👍" } });
    const [reaction] = await gateway.log.waitFor("messages.reaction", (rs) => rs.some((r) => r.key.id === mine!.key.id));
    expect(reaction!.reaction.text).toBe("👍");

    const theirs = await emulator.sendMessage(ALICE, OWNER, "typo");
    await gateway.log.waitForMessage((m) => m.key.id === theirs.id);
    await emulator.sendMessage(ALICE, OWNER, { edit: { key: { id: theirs.id, fromMe: true }, text: "fixed" } });
    const edit = await gateway.log.waitForMessage((m) => m.message?.protocolMessage?.type === proto.Message.ProtocolMessage.Type.MESSAGE_EDIT);
    expect(edit.message?.protocolMessage?.editedMessage?.conversation).toBe("fixed");

    await emulator.sendMessage(ALICE, OWNER, { revoke: { id: theirs.id, fromMe: true } });
    await gateway.log.waitFor("messages.update", (us) =>
      us.some((u) => u.key.id === theirs.id && u.update.messageStubType === proto.WebMessageInfo.StubType.REVOKE),
    );
  });

  // Runs right after Alice reacted, edited and revoked: her phone and the companion must still
  // agree on their Signal session (see lib/wa-emulator/session-setup.ts).
  it("companion sends reaction and poll that the contact decrypts", async () => {
    const theirs = await emulator.sendMessage(ALICE, OWNER, "like this");
    const msg = await gateway.log.waitForMessage((m) => m.key.id === theirs.id);
    const reaction = emulator.waitFor("message", (e) => e.phone === ALICE && !!e.message.message.reactionMessage);
    await gateway.sock.sendMessage(aliceJid, { react: { key: msg.key, text: "❤️" } });
    expect((await reaction).message.message.reactionMessage.key.id).toBe(theirs.id);

    const poll = emulator.waitFor("message", (e) => e.phone === ALICE && !!(e.message.message.pollCreationMessageV3 || e.message.message.pollCreationMessage));
    await gateway.sock.sendMessage(aliceJid, { poll: { name: "When?", values: ["Now", "Later"], selectableCount: 1 } });
    const pollMessage = (await poll).message.message;
    expect((pollMessage.pollCreationMessageV3 ?? pollMessage.pollCreationMessage).name).toBe("When?");
  });

  it("contact votes in a poll the companion created; the companion decrypts and tallies the vote", async () => {
    const delivered = emulator.waitFor("message", (e) => e.phone === ALICE && !!e.message.message.pollCreationMessageV3);
    const poll = await gateway.sock.sendMessage(aliceJid, { poll: { name: "Lunch where?", values: ["Pizza", "Sushi", "Tacos"], selectableCount: 1 } });
    await delivered;

    const sent = await emulator.sendMessage(ALICE, OWNER, { pollVote: { poll: { id: poll!.key.id!, fromMe: false }, options: ["Sushi"] } });
    const voteMessage = await gateway.log.waitForMessage((m) => m.key.id === sent.id);
    const update = voteMessage.message!.pollUpdateMessage!;
    expect(update.pollCreationMessageKey).toMatchObject({ id: poll!.key.id, fromMe: true });

    // What an app does with a vote (Baileys leaves it to the app): decrypt it with the poll's
    // secret, keyed by the LIDs of the poll's creator and of the voter.
    const alice = emulator.getAccount(ALICE)!;
    const vote = decryptPollVote(update.vote!, {
      pollEncKey: poll!.message!.messageContextInfo!.messageSecret!,
      pollCreatorJid: jidNormalizedUser(gateway.sock.user!.lid!),
      pollMsgId: poll!.key.id!,
      voterJid: alice.lid,
    });
    const tally = getAggregateVotesInPollMessage({ message: poll!.message, pollUpdates: [{ pollUpdateMessageKey: voteMessage.key, vote }] });
    expect(tally.map((option) => [option.name, option.voters.length])).toEqual([
      ["Pizza", 0],
      ["Sushi", 1],
      ["Tacos", 0],
    ]);
    expect(tally[1]!.voters).toEqual([alice.lid]);
  });

  it("relays presence and typing both ways", async () => {
    await gateway.sock.presenceSubscribe(aliceJid);
    emulator.setPresence(ALICE, "available");
    const online = await gateway.log.waitFor("presence.update", (p) => p.presences[aliceJid]?.lastKnownPresence === "available");
    expect(online.id).toBe(aliceJid);
    emulator.sendChatState(ALICE, OWNER, "composing");
    await gateway.log.waitFor("presence.update", (p) => p.presences[aliceJid]?.lastKnownPresence === "composing");

    const typing = emulator.waitFor("chatstate", (e) => e.to === ALICE && e.state === "composing");
    await gateway.sock.sendPresenceUpdate("composing", aliceJid);
    expect((await typing).from).toBe(OWNER);
  });

  it("delivers status posts from contacts", async () => {
    const status = await emulator.postStatus(ALICE, "my status", [OWNER]);
    const msg = await gateway.log.waitForMessage((m) => m.key.id === status.id);
    expect(msg.key.remoteJid).toBe("status@broadcast");
    expect(msg.key.participant).toBe(aliceJid);
    expect(textOf(msg)).toBe("my status");
  });

  it("serves profile pictures and about texts", async () => {
    // Baileys surfaces the server's item-not-found as an error carrying the code in `data`.
    await expect(gateway.sock.profilePictureUrl(aliceJid, "image")).rejects.toMatchObject({ data: 404 });
    const picture = randomBytes(2_000);
    emulator.setProfilePicture(ALICE, picture);
    const url = await gateway.sock.profilePictureUrl(aliceJid, "image");
    const response = await fetch(url!, emulator.downloadOptions.options);
    expect(Buffer.compare(Buffer.from(await response.arrayBuffer()), picture)).toBe(0);

    emulator.setAbout(ALICE, "Busy");
    const [status] = (await gateway.sock.fetchStatus(aliceJid)) as Array<{ status?: { status?: string } }>;
    expect(status?.status?.status).toBe("Busy");
  });
});
