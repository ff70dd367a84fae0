export function publicOptOut(o: { id: string; jid: string; reason: string | null; source: string; createdAt: Date }) {
  return { id: o.id, phone: o.jid.split("@")[0], jid: o.jid, reason: o.reason, source: o.source, createdAt: o.createdAt };
}
