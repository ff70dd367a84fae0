"use client";

import { useCallback, useMemo, useState } from "react";
import { errorMessage, requestJson } from "@/components/api/request-json";
import { useSessionSocket } from "@/components/chat/use-session-socket";
import type { GroupParticipantView, GroupView } from "@/components/groups/group-types";
import { useLocale, useT } from "@/components/shell/i18n";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { CopyButton } from "@/components/ui/copy-button";
import { Field, inputClasses } from "@/components/ui/field";

interface Props {
  sessionId: string;
  initialGroups: GroupView[];
  canManage: boolean;
}

/** The session's groups: a searchable list, and the selected group's members, settings and invite link. */
export function GroupsView({ sessionId, initialGroups, canManage }: Props) {
  const t = useT();
  const locale = useLocale();
  const [groups, setGroups] = useState(initialGroups);
  const [search, setSearch] = useState("");
  const [selectedJid, setSelectedJid] = useState<string | null>(initialGroups[0]?.jid ?? null);

  const reload = useCallback(async () => {
    try {
      setGroups(await requestJson<GroupView[]>("GET", `/api/groups?sessionId=${encodeURIComponent(sessionId)}`));
    } catch {
      // The list stays as it was; the next event or action reloads it.
    }
  }, [sessionId]);
  // Group changes arrive as events (from WhatsApp's notifications): re-read the stored groups.
  const live = useSessionSocket(sessionId, { "group.update": reload, "group.upsert": reload, "group.participants": reload }, reload);

  const visible = useMemo(() => {
    const q = search.trim().toLowerCase();
    return q ? groups.filter((g) => g.subject.toLowerCase().includes(q) || g.jid.includes(q)) : groups;
  }, [groups, search]);
  const selected = groups.find((g) => g.jid === selectedJid) ?? null;

  return (
    <Card data-testid="groups-view">
      <CardHeader
        title={t("groups.title")}
        description={
          <span>
            {t(groups.length === 1 ? "groups.countOne" : "groups.countMany", { count: groups.length.toLocaleString(locale) })} ·{" "}
            <span data-testid="groups-live">{t(live === "live" ? "groups.live" : live === "connecting" ? "groups.connecting" : "groups.offline")}</span>
          </span>
        }
        actions={canManage ? <CreateGroupButton sessionId={sessionId} onCreated={(jid) => void reload().then(() => setSelectedJid(jid))} /> : undefined}
      />
      <div className="grid gap-0 md:grid-cols-[18rem_1fr]">
        <div className="border-b border-slate-100 p-4 md:border-r md:border-b-0">
          <label className="block text-sm font-medium text-slate-700" htmlFor="group-search">
            {t("groups.search")}
          </label>
          <input
            id="group-search"
            className={`mt-1 ${inputClasses}`}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder={t("groups.searchPlaceholder")}
          />
          <ul className="mt-3 max-h-96 space-y-1 overflow-y-auto" data-testid="groups-list">
            {visible.map((g) => (
              <li key={g.jid}>
                <button
                  type="button"
                  onClick={() => setSelectedJid(g.jid)}
                  aria-current={g.jid === selectedJid ? "true" : undefined}
                  className={`w-full rounded-lg px-3 py-2 text-left text-sm focus-visible:outline-2 focus-visible:outline-blue-600 ${g.jid === selectedJid ? "bg-blue-50 text-blue-900" : "hover:bg-slate-50"}`}
                >
                  <span className="block truncate font-medium">{g.subject || g.jid}</span>
                  <span className="text-xs text-slate-600">{t("groups.memberCount", { count: g.size.toLocaleString(locale) })}</span>
                </button>
              </li>
            ))}
            {visible.length === 0 && <li className="px-3 py-2 text-sm text-slate-500">{t(search ? "groups.noMatch" : "groups.noneYet")}</li>}
          </ul>
        </div>
        <div className="min-w-0 p-4">
          {selected ? (
            <GroupDetails
              key={selected.jid}
              sessionId={sessionId}
              group={selected}
              canManage={canManage}
              onChanged={reload}
              onLeft={() => void reload().then(() => setSelectedJid(null))}
            />
          ) : (
            <p className="text-sm text-slate-500">{t("groups.selectHint")}</p>
          )}
        </div>
      </div>
    </Card>
  );
}

function useAction(onDone: () => void | Promise<void>) {
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async (name: string, work: () => Promise<unknown>) => {
    setPending(name);
    setError(null);
    try {
      await work();
      await onDone();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setPending(null);
    }
  };
  return { pending, error, run };
}

function GroupDetails({
  sessionId,
  group,
  canManage,
  onChanged,
  onLeft,
}: {
  sessionId: string;
  group: GroupView;
  canManage: boolean;
  onChanged: () => Promise<void>;
  onLeft: () => void;
}) {
  const t = useT();
  const base = `/api/groups/${encodeURIComponent(sessionId)}/${encodeURIComponent(group.jid)}`;
  const { pending, error, run } = useAction(onChanged);
  const [subject, setSubject] = useState(group.subject);
  const [description, setDescription] = useState(group.description ?? "");
  const [newMember, setNewMember] = useState("");
  const [pictureUrl, setPictureUrl] = useState("");
  const [invite, setInvite] = useState<{ inviteCode: string; inviteLink: string } | null>(null);
  const [confirmLeave, setConfirmLeave] = useState(false);

  const participantAction = (action: string, who: string) =>
    run(`${action}:${who}`, async () => {
      const result = await requestJson<{ results: Array<{ jid: string; success: boolean; status: string; message: string }> }>(
        "POST",
        `${base}/participants/${action}`,
        { participants: [who] },
      );
      const failed = result.results.find((r) => !r.success);
      if (failed) throw new Error(`${failed.jid}: ${failed.message} (${failed.status})`);
    });

  return (
    <div className="space-y-5" data-testid="group-details">
      <div>
        <h3 className="text-lg font-semibold text-slate-900" data-testid="group-subject">
          {group.subject}
        </h3>
        <p className="text-xs break-all text-slate-500">{group.jid}</p>
        <div className="mt-2 flex flex-wrap gap-2">
          {group.announce && <Badge tone="amber">{t("groups.onlyAdminsSend")}</Badge>}
          {group.restrict && <Badge tone="violet">{t("groups.onlyAdminsEdit")}</Badge>}
        </div>
        {group.description && <p className="mt-2 text-sm whitespace-pre-wrap text-slate-700">{group.description}</p>}
      </div>
      {error && (
        <Alert tone="error" data-testid="group-error">
          {error}
        </Alert>
      )}

      <section aria-labelledby="members-heading">
        <h4 id="members-heading" className="text-sm font-semibold text-slate-900">
          {t("groups.members", { count: group.participants.length })}
        </h4>
        <ul className="mt-2 divide-y divide-slate-100" data-testid="group-members">
          {group.participants.map((p) => (
            <MemberRow key={p.id} member={p} canManage={canManage} pending={pending} onAction={participantAction} />
          ))}
        </ul>
        {canManage && (
          <form
            className="mt-3 flex flex-wrap items-end gap-2"
            onSubmit={(e) => {
              e.preventDefault();
              if (newMember.trim()) void participantAction("add", newMember.trim()).then(() => setNewMember(""));
            }}
          >
            <Field
              label={t("groups.addMember")}
              required
              className="min-w-48 flex-1"
              value={newMember}
              onChange={(e) => setNewMember(e.target.value)}
              placeholder={t("groups.memberPlaceholder")}
            />
            <Button type="submit" pending={pending === `add:${newMember.trim()}`}>
              {t("groups.add")}
            </Button>
          </form>
        )}
      </section>

      {canManage && (
        <>
          <section aria-labelledby="info-heading" className="space-y-3">
            <h4 id="info-heading" className="text-sm font-semibold text-slate-900">
              {t("groups.subjectAndDescription")}
            </h4>
            <form
              className="flex flex-wrap items-end gap-2"
              onSubmit={(e) => {
                e.preventDefault();
                void run("subject", () => requestJson("POST", `${base}/subject`, { subject }));
              }}
            >
              <Field
                label={t("groups.subject")}
                required
                maxLength={100}
                className="min-w-48 flex-1"
                value={subject}
                onChange={(e) => setSubject(e.target.value)}
              />
              <Button type="submit" variant="secondary" pending={pending === "subject"}>
                {t("groups.saveSubject")}
              </Button>
            </form>
            <form
              className="space-y-2"
              onSubmit={(e) => {
                e.preventDefault();
                void run("description", () => requestJson("POST", `${base}/description`, { description }));
              }}
            >
              <label htmlFor="group-description" className="block text-sm font-medium text-slate-700">
                {t("groups.descriptionLabel")}
              </label>
              <textarea
                id="group-description"
                className={inputClasses}
                rows={3}
                maxLength={2048}
                value={description}
                onChange={(e) => setDescription(e.target.value)}
              />
              <Button type="submit" variant="secondary" pending={pending === "description"}>
                {t("groups.saveDescription")}
              </Button>
            </form>
          </section>

          <section aria-labelledby="settings-heading" className="space-y-2">
            <h4 id="settings-heading" className="text-sm font-semibold text-slate-900">
              {t("groups.settings")}
            </h4>
            <div className="flex flex-wrap gap-2">
              <Button
                variant="secondary"
                size="sm"
                pending={pending === "announce"}
                onClick={() =>
                  void run("announce", () => requestJson("POST", `${base}/settings`, { setting: group.announce ? "not_announcement" : "announcement" }))
                }
              >
                {group.announce ? t("groups.letEveryoneSend") : t("groups.onlyAdminsSend")}
              </Button>
              <Button
                variant="secondary"
                size="sm"
                pending={pending === "restrict"}
                onClick={() => void run("restrict", () => requestJson("POST", `${base}/settings`, { setting: group.restrict ? "unlocked" : "locked" }))}
              >
                {group.restrict ? t("groups.letEveryoneEdit") : t("groups.onlyAdminsEdit")}
              </Button>
            </div>
            <form
              className="flex flex-wrap items-end gap-2"
              onSubmit={(e) => {
                e.preventDefault();
                void run("picture", () => requestJson("POST", `${base}/picture`, { url: pictureUrl })).then(() => setPictureUrl(""));
              }}
            >
              <Field
                label={t("groups.pictureUrl")}
                required
                type="url"
                className="min-w-48 flex-1"
                value={pictureUrl}
                onChange={(e) => setPictureUrl(e.target.value)}
                placeholder="https://…/picture.jpg"
              />
              <Button type="submit" variant="secondary" pending={pending === "picture"}>
                {t("groups.setPicture")}
              </Button>
            </form>
          </section>

          <section aria-labelledby="invite-heading" className="space-y-2">
            <h4 id="invite-heading" className="text-sm font-semibold text-slate-900">
              {t("groups.inviteLink")}
            </h4>
            {invite ? (
              <div className="flex flex-wrap items-center gap-2">
                <code className="rounded bg-slate-100 px-2 py-1 text-xs break-all" data-testid="invite-link">
                  {invite.inviteLink}
                </code>
                <CopyButton text={invite.inviteLink} data-testid="copy-invite" />
                <Button
                  variant="secondary"
                  size="sm"
                  pending={pending === "revoke"}
                  onClick={() => void run("revoke", async () => setInvite(await requestJson("POST", `${base}/invite-code/revoke`)))}
                >
                  {t("groups.revokeInvite")}
                </Button>
              </div>
            ) : (
              <Button
                variant="secondary"
                size="sm"
                pending={pending === "invite"}
                onClick={() => void run("invite", async () => setInvite(await requestJson("GET", `${base}/invite-code`)))}
              >
                {t("groups.showInvite")}
              </Button>
            )}
          </section>

          <JoinRequests base={base} />

          <section>
            <Button variant="danger" size="sm" onClick={() => setConfirmLeave(true)}>
              {t("groups.leave")}
            </Button>
            <ConfirmDialog
              open={confirmLeave}
              title={t("groups.leaveTitle")}
              description={t("groups.leaveDescription", { subject: group.subject })}
              confirmLabel={t("groups.leave")}
              pending={pending === "leave"}
              error={confirmLeave ? error : null}
              onCancel={() => setConfirmLeave(false)}
              onConfirm={() =>
                void run("leave", async () => {
                  await requestJson("POST", `${base}/leave`);
                  setConfirmLeave(false);
                  onLeft();
                })
              }
            />
          </section>
        </>
      )}
    </div>
  );
}

interface JoinRequest {
  id: string | null;
  phone: string | null;
  requestedAt: string | null;
}

/** Join approval and the people waiting for it (WhatsApp answers admins only). */
function JoinRequests({ base }: { base: string }) {
  const t = useT();
  const [requests, setRequests] = useState<JoinRequest[] | null>(null);
  const load = async () => setRequests(await requestJson<JoinRequest[]>("GET", `${base}/join-requests`));
  const { pending, error, run } = useAction(load);
  return (
    <section aria-labelledby="requests-heading" className="space-y-2">
      <h4 id="requests-heading" className="text-sm font-semibold text-slate-900">
        {t("groups.joinRequests")}
      </h4>
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" size="sm" pending={pending === "load"} onClick={() => void run("load", async () => undefined)}>
          {requests ? t("groups.refreshRequests") : t("groups.showRequests")}
        </Button>
        <Button
          variant="secondary"
          size="sm"
          pending={pending === "on"}
          onClick={() => void run("on", () => requestJson("POST", `${base}/join-approval`, { enabled: true }))}
        >
          {t("groups.requireApproval")}
        </Button>
        <Button
          variant="ghost"
          size="sm"
          pending={pending === "off"}
          onClick={() => void run("off", () => requestJson("POST", `${base}/join-approval`, { enabled: false }))}
        >
          {t("groups.joinDirectly")}
        </Button>
      </div>
      {error && <p className="text-sm text-red-600">{error}</p>}
      {requests && (
        <ul className="divide-y divide-slate-100" data-testid="join-requests">
          {requests.length === 0 && <li className="py-2 text-sm text-slate-500">{t("groups.nobodyWaiting")}</li>}
          {requests.map((r) => (
            <li key={r.id ?? r.phone} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span className="text-sm">{r.phone ? `+${r.phone}` : r.id}</span>
              <span className="flex gap-1">
                <Button
                  size="sm"
                  variant="ghost"
                  pending={pending === `approve:${r.id}`}
                  onClick={() => void run(`approve:${r.id}`, () => requestJson("POST", `${base}/join-requests/approve`, { participants: [r.id] }))}
                >
                  {t("groups.approve")}
                </Button>
                <Button
                  size="sm"
                  variant="ghost"
                  pending={pending === `reject:${r.id}`}
                  onClick={() => void run(`reject:${r.id}`, () => requestJson("POST", `${base}/join-requests/reject`, { participants: [r.id] }))}
                >
                  {t("groups.reject")}
                </Button>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function MemberRow({
  member,
  canManage,
  pending,
  onAction,
}: {
  member: GroupParticipantView;
  canManage: boolean;
  pending: string | null;
  onAction: (action: string, who: string) => void;
}) {
  const t = useT();
  const who = member.phone ? `+${member.phone}` : member.id;
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 py-2" data-testid="group-member">
      <div className="min-w-0">
        <span className="text-sm font-medium text-slate-900">{who}</span>
        {member.lid && <span className="ml-2 text-xs text-slate-500">{member.lid}</span>}
        {member.admin && (
          <span className="ml-2">
            <Badge tone={member.admin === "superadmin" ? "violet" : "blue"} data-testid="admin-badge">
              {member.admin === "superadmin" ? t("groups.owner") : t("groups.admin")}
            </Badge>
          </span>
        )}
      </div>
      {canManage && member.admin !== "superadmin" && (
        <div className="flex gap-1">
          <Button
            size="sm"
            variant="ghost"
            pending={pending === `${member.admin ? "demote" : "promote"}:${member.id}`}
            onClick={() => onAction(member.admin ? "demote" : "promote", member.id)}
          >
            {member.admin ? t("groups.dismissAdmin") : t("groups.makeAdmin")}
          </Button>
          <Button size="sm" variant="ghost" pending={pending === `remove:${member.id}`} onClick={() => onAction("remove", member.id)}>
            {t("groups.remove")}
          </Button>
        </div>
      )}
    </li>
  );
}

function CreateGroupButton({ sessionId, onCreated }: { sessionId: string; onCreated: (jid: string) => void }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [subject, setSubject] = useState("");
  const [members, setMembers] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!open) {
    return (
      <Button size="sm" onClick={() => setOpen(true)}>
        {t("groups.newGroup")}
      </Button>
    );
  }
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      data-testid="create-group-form"
      onSubmit={async (e) => {
        e.preventDefault();
        setPending(true);
        setError(null);
        try {
          const participants = members.split(/[\s,;]+/).filter(Boolean);
          const { group } = await requestJson<{ group: { id: string } }>("POST", "/api/groups/create", { sessionId, subject, participants });
          setOpen(false);
          setSubject("");
          setMembers("");
          onCreated(group.id);
        } catch (err) {
          setError(errorMessage(err));
        } finally {
          setPending(false);
        }
      }}
    >
      <Field label={t("groups.subject")} required maxLength={100} value={subject} onChange={(e) => setSubject(e.target.value)} />
      <Field
        label={t("groups.newMembers")}
        required
        value={members}
        onChange={(e) => setMembers(e.target.value)}
        placeholder={t("groups.newMembersPlaceholder")}
      />
      <Button type="submit" pending={pending}>
        {t("common.create")}
      </Button>
      <Button variant="ghost" onClick={() => setOpen(false)}>
        {t("common.cancel")}
      </Button>
      {error && <p className="w-full text-sm text-red-600">{error}</p>}
    </form>
  );
}
