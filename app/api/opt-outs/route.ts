// GET /api/opt-outs – the numbers that opted out of the tenant's campaigns (STOP replies and manual entries)
// POST /api/opt-outs – add a number { phone, reason? }
import { withAuth } from "@/lib/api/with-auth";
import { addOptOut } from "@/lib/opt-outs/add-opt-out";
import { listOptOuts } from "@/lib/opt-outs/list-opt-outs";
import { addOptOutSchema, listOptOutsQuery } from "@/lib/opt-outs/opt-outs.schema";

export const GET = withAuth({ permission: "sessions.send", query: listOptOutsQuery }, ({ caller, query }) => listOptOuts(caller, query));

export const POST = withAuth({ permission: "sessions.manage", body: addOptOutSchema }, async ({ caller, body }) =>
  Response.json(await addOptOut(caller, body), { status: 201 }),
);
