// A group as GET /api/groups answers it (lib/groups/public-group.ts), after JSON.
export interface GroupParticipantView {
  id: string;
  phone: string | null;
  lid: string | null;
  admin: "admin" | "superadmin" | null;
}

export interface GroupView {
  id: string;
  sessionId: string;
  jid: string;
  subject: string;
  description: string | null;
  ownerJid: string | null;
  participants: GroupParticipantView[];
  size: number;
  creation: string | null;
  restrict: boolean;
  announce: boolean;
  inviteCode: string | null;
}
