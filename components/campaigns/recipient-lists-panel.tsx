"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { errorMessage, requestJson } from "@/components/api/request-json";
import { useLocale, useT } from "@/components/shell/i18n";
import { buttonClasses } from "@/components/ui/button-classes";
import { Field } from "@/components/ui/field";
import { LocalTime } from "@/components/ui/local-time";

export interface ListView {
  id: string;
  name: string;
  description: string | null;
  tags: string[];
  recipientCount: number;
  usageCount: number;
  lastUsed: string | null;
}

interface ImportReport {
  report: { added: number; duplicates: number; rows: number; invalid: Array<{ origin: string; phone: string; error: string }> };
  preview: Array<Record<string, string>>;
  columns: string[];
}

/** Create a list; per list: import a CSV (preview first, with the error report), export, clone, delete. */
export function RecipientListsPanel({ lists, filtered = false }: { lists: ListView[]; filtered?: boolean }) {
  const router = useRouter();
  const t = useT();
  const locale = useLocale();
  const count = (n: number) => n.toLocaleString(locale);
  const [name, setName] = useState("");
  const [tags, setTags] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [importing, setImporting] = useState<{ list: ListView; csv: string; result: ImportReport | null } | null>(null);

  async function run(work: () => Promise<unknown>) {
    setError(null);
    try {
      await work();
      router.refresh();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  async function postCsv(listId: string, csv: string, dryRun: boolean): Promise<ImportReport> {
    const res = await fetch(`/api/recipient-lists/${listId}/import?dryRun=${dryRun}`, {
      method: "POST",
      headers: { "Content-Type": "text/csv" },
      body: csv,
      credentials: "same-origin",
    });
    const data = await res.json();
    if (!res.ok) throw new Error(data.error ?? t("lists.importFailed", { status: res.status }));
    return data;
  }

  return (
    <div className="space-y-6">
      {error && (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">
          {error}
        </p>
      )}
      <form
        className="grid gap-3 rounded-xl border border-slate-200 bg-surface p-4 sm:grid-cols-[1fr_1fr_auto] sm:items-end"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void run(async () => {
            await requestJson("POST", "/api/recipient-lists", {
              name,
              tags: tags
                .split(",")
                .map((t) => t.trim())
                .filter(Boolean),
            });
            setName("");
            setTags("");
          });
        }}
      >
        <Field label={t("lists.newName")} required value={name} onChange={(e) => setName(e.target.value)} />
        <Field label={t("lists.tags")} value={tags} onChange={(e) => setTags(e.target.value)} />
        <button type="submit" className={buttonClasses("primary")}>
          {t("lists.create")}
        </button>
      </form>

      <div className="overflow-x-auto rounded-xl border border-slate-200 bg-surface">
        <table className="w-full text-left text-sm" data-testid="list-table">
          <thead className="border-b border-slate-200 text-xs uppercase text-slate-600">
            <tr>
              <th scope="col" className="px-4 py-3">
                {t("lists.list")}
              </th>
              <th scope="col" className="px-4 py-3">
                {t("lists.recipients")}
              </th>
              <th scope="col" className="hidden px-4 py-3 sm:table-cell">
                {t("lists.used")}
              </th>
              <th scope="col" className="px-4 py-3">
                {t("lists.actions")}
              </th>
            </tr>
          </thead>
          <tbody>
            {lists.map((l) => (
              <tr key={l.id} className="border-b border-slate-100 last:border-0">
                <td className="px-4 py-3">
                  <div className="font-medium text-slate-900">{l.name}</div>
                  {l.tags.length > 0 && <div className="text-xs text-slate-600">{l.tags.join(" · ")}</div>}
                </td>
                <td className="px-4 py-3 tabular-nums">{count(l.recipientCount)}</td>
                <td className="hidden px-4 py-3 text-slate-700 sm:table-cell">
                  {t("lists.usedTimes", { count: count(l.usageCount) })}{" "}
                  {l.lastUsed && (
                    <>
                      {t("lists.lastUsed")} <LocalTime value={l.lastUsed} />
                    </>
                  )}
                </td>
                <td className="px-4 py-3">
                  <div className="flex flex-wrap gap-2">
                    <button type="button" className={buttonClasses("secondary", "sm")} onClick={() => setImporting({ list: l, csv: "", result: null })}>
                      {t("lists.importCsv")}
                    </button>
                    <a className={buttonClasses("secondary", "sm")} href={`/api/recipient-lists/${l.id}/export`}>
                      {t("lists.export")}
                    </a>
                    <button
                      type="button"
                      className={buttonClasses("secondary", "sm")}
                      onClick={() =>
                        void run(() => requestJson("POST", `/api/recipient-lists/${l.id}/clone`, { newName: t("lists.copyName", { name: l.name }) }))
                      }
                    >
                      {t("lists.clone")}
                    </button>
                    <button
                      type="button"
                      className={buttonClasses("ghost", "sm")}
                      onClick={() =>
                        confirm(t("lists.confirmDelete", { name: l.name, count: count(l.recipientCount) })) &&
                        void run(() => requestJson("DELETE", `/api/recipient-lists/${l.id}`))
                      }
                    >
                      {t("common.delete")}
                    </button>
                  </div>
                </td>
              </tr>
            ))}
            {lists.length === 0 && (
              <tr>
                <td colSpan={4} className="px-4 py-6 text-center text-slate-600">
                  {t(filtered ? "lists.noneMatch" : "lists.noneYet")}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>

      {importing && (
        <section className="space-y-3 rounded-xl border border-slate-200 bg-surface p-4" aria-label={t("lists.importInto", { name: importing.list.name })}>
          <h2 className="text-sm font-semibold text-slate-900">{t("lists.importInto", { name: importing.list.name })}</h2>
          <label className="block text-sm text-slate-700">
            {t("lists.csvFile")}
            <input
              type="file"
              accept=".csv,text/csv"
              className="mt-1 block text-sm"
              onChange={async (e) => {
                const file = e.target.files?.[0];
                if (!file) return;
                const csv = await file.text();
                try {
                  setImporting({ ...importing, csv, result: await postCsv(importing.list.id, csv, true) });
                } catch (err) {
                  setError(errorMessage(err));
                }
              }}
            />
          </label>
          {importing.result && (
            <div className="space-y-2 text-sm" data-testid="import-preview">
              <p>
                {t("lists.importSummary", {
                  rows: count(importing.result.report.rows),
                  added: count(importing.result.report.added),
                  duplicates: count(importing.result.report.duplicates),
                  invalid: count(importing.result.report.invalid.length),
                })}
              </p>
              {importing.result.report.invalid.length > 0 && (
                <ul className="list-disc pl-5 text-red-700">
                  {importing.result.report.invalid.slice(0, 20).map((i) => (
                    <li key={i.origin}>
                      {i.origin}: {i.phone || t("lists.empty")} {i.error}
                    </li>
                  ))}
                </ul>
              )}
              <ul className="text-slate-700">
                {importing.result.preview.slice(0, 5).map((r, i) => (
                  <li key={i}>{Object.values(r).join(", ")}</li>
                ))}
              </ul>
              <div className="flex gap-2">
                <button
                  type="button"
                  className={buttonClasses("primary", "sm")}
                  onClick={() => void run(async () => (await postCsv(importing.list.id, importing.csv, false), setImporting(null)))}
                >
                  {t("lists.importCount", { count: count(importing.result.report.added) })}
                </button>
                <button type="button" className={buttonClasses("secondary", "sm")} onClick={() => setImporting(null)}>
                  {t("common.cancel")}
                </button>
              </div>
            </div>
          )}
        </section>
      )}
    </div>
  );
}
