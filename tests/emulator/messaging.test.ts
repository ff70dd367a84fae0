import { proto } from '@whiskeysockets/baileys'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startWaEmulator, type WaEmulator } from '@/lib/wa-emulator/emulator'
import { close, pairClient, textOf, type Client } from './helpers'

const OWNER = '15550002001'
const CONTACT = '15550002002'
const OTHER_OWNER = '15550002003'

describe('1:1 messaging', () => {
  let emulator: WaEmulator
  let gateway: Client
  let otherGateway: Client

  beforeAll(async () => {
    emulator = await startWaEmulator()
    emulator.createAccount({ phone: OWNER, name: 'Owner' })
    emulator.createAccount({ phone: CONTACT, name: 'Alice' })
    emulator.createAccount({ phone: OTHER_OWNER, name: 'Other Owner' })
    ;[gateway, otherGateway] = await Promise.all([pairClient(emulator, OWNER), pairClient(emulator, OTHER_OWNER)])
  })
  afterAll(async () => {
    close(gateway, otherGateway)
    await emulator.stop()
  })

  it('delivers a contact text to the companion, which answers with a receipt', async () => {
    const sent = await emulator.sendMessage(CONTACT, OWNER, 'hello from Alice')
    const msg = await gateway.log.waitForMessage(m => m.key.id === sent.id)
    expect(textOf(msg)).toBe('hello from Alice')
    expect(msg.key.remoteJid).toBe(`${CONTACT}@s.whatsapp.net`)
    expect(msg.key.fromMe).toBe(false)
    expect(msg.pushName).toBe('Alice')
    await emulator.waitFor('receipt', r => r.receipt.messageId === sent.id)
    expect(emulator.sent(CONTACT).find(s => s.id === sent.id)!.receipts[0]!.type).toBe('delivery')
  })

  it('sends from the companion; the contact decrypts it and the sender sees delivery then read', async () => {
    emulator.setBehaviour(CONTACT, { readReceipts: true })
    const received = emulator.waitFor('message', e => e.phone === CONTACT)
    const sent = await gateway.sock.sendMessage(`${CONTACT}@s.whatsapp.net`, { text: 'hi Alice' })
    const { message } = await received
    expect(message.text).toBe('hi Alice')
    expect(message.id).toBe(sent!.key.id)
    expect(message.fromPhone).toBe(OWNER)
    expect(message.receiptsSent).toEqual(['delivery', 'read'])
    await gateway.log.waitForStatus(sent!.key.id!, proto.WebMessageInfo.Status.DELIVERY_ACK)
    await gateway.log.waitForStatus(sent!.key.id!, proto.WebMessageInfo.Status.READ)
    emulator.setBehaviour(CONTACT, { readReceipts: false })
  })

  it('keeps one Signal session going over several messages both ways', async () => {
    for (let i = 0; i < 3; i++) {
      const fromContact = await emulator.sendMessage(CONTACT, OWNER, `ping ${i}`)
      expect(textOf(await gateway.log.waitForMessage(m => m.key.id === fromContact.id))).toBe(`ping ${i}`)
      const received = emulator.waitFor('message', e => e.phone === CONTACT && e.message.text === `pong ${i}`)
      await gateway.sock.sendMessage(`${CONTACT}@s.whatsapp.net`, { text: `pong ${i}` })
      await received
    }
  })

  it('echoes texts back when the contact has the echo behaviour', async () => {
    emulator.setBehaviour(CONTACT, { echo: true })
    await gateway.sock.sendMessage(`${CONTACT}@s.whatsapp.net`, { text: 'say it back' })
    const echoed = await gateway.log.waitForMessage(m => !m.key.fromMe && textOf(m) === 'say it back')
    expect(echoed.key.remoteJid).toBe(`${CONTACT}@s.whatsapp.net`)
    emulator.setBehaviour(CONTACT, { echo: false })
  })

  it('lets two gateway sessions message each other through the network', async () => {
    const sent = await gateway.sock.sendMessage(`${OTHER_OWNER}@s.whatsapp.net`, { text: 'session to session' })
    const got = await otherGateway.log.waitForMessage(m => m.key.id === sent!.key.id)
    expect(textOf(got)).toBe('session to session')
    expect(got.key.remoteJid).toBe(`${OWNER}@s.whatsapp.net`)
    await gateway.log.waitForStatus(sent!.key.id!, proto.WebMessageInfo.Status.DELIVERY_ACK)
    await otherGateway.sock.readMessages([got.key])
    await gateway.log.waitForStatus(sent!.key.id!, proto.WebMessageInfo.Status.READ)
    const reply = await otherGateway.sock.sendMessage(`${OWNER}@s.whatsapp.net`, { text: 'and back' })
    expect(textOf(await gateway.log.waitForMessage(m => m.key.id === reply!.key.id))).toBe('and back')
  })

  it('answers onWhatsApp for known and unknown numbers', async () => {
    const result = await gateway.sock.onWhatsApp(CONTACT, '15559990000')
    // Baileys drops numbers the server reports as not on WhatsApp.
    expect(result).toEqual([{ jid: `${CONTACT}@s.whatsapp.net`, exists: true }])
  })
})
