// GET /api/messages/log – the message log across the caller's sessions, filtered and paginated; ?format=csv exports it
import { withAuth } from "@/lib/api/with-auth";
import { listMessageLog } from "@/lib/message-log/list-message-log";
import { messageLogCsv } from "@/lib/message-log/message-log-csv";
import { messageLogQuerySchema } from "@/lib/message-log/message-log.schema";

export const GET = withAuth({ permission: "sessions.read", query: messageLogQuerySchema }, async ({ caller, query }) => {
  if (query.format !== "csv") return listMessageLog(caller, query);
  const csv = messageLogCsv(await listMessageLog(caller, query, { all: true }));
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="wagate-messages-${new Date().toISOString().slice(0, 10)}.csv"`,
      "Cache-Control": "no-store",
    },
  });
});
