// Chatery's group answers, made from our own (lib/groups/public-group.ts): the list entry and the
// metadata object its documentation shows. Everything else it answers is our result as `data`.
import type { PublicGroup } from "@/lib/groups/public-group";

const epoch = (iso: string | null) => (iso ? Math.floor(Date.parse(iso) / 1000) : null);

export function chateryGroupList(groups: PublicGroup[]) {
  return {
    count: groups.length,
    groups: groups.map((g) => ({ id: g.jid, subject: g.subject, participantsCount: g.size, creation: epoch(g.creation) })),
  };
}

export function chateryGroupMetadata(g: PublicGroup) {
  return {
    id: g.jid,
    subject: g.subject,
    description: g.description,
    owner: g.ownerJid,
    creation: epoch(g.creation),
    announce: g.announce,
    restrict: g.restrict,
    participants: g.participants.map((p) => ({ id: p.id, lid: p.lid, admin: p.admin })),
    size: g.size,
  };
}
