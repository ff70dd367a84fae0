import "server-only";
import type { Caller } from "@/lib/auth/caller";
import { db } from "@/lib/server/runtime";
import { optOutScope } from "@/lib/opt-outs/opt-out-scope";
import { publicOptOut } from "@/lib/opt-outs/public-opt-out";

export async function listOptOuts(caller: Caller, query: { search?: string; page: number; limit: number }) {
  const where = { AND: [optOutScope(caller), ...(query.search ? [{ jid: { contains: query.search.replace(/[^\d]/g, "") || query.search } }] : [])] };
  const [items, total] = await Promise.all([
    db().optOut.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (query.page - 1) * query.limit, take: query.limit }),
    db().optOut.count({ where }),
  ]);
  return { optOuts: items.map(publicOptOut), total, page: query.page, limit: query.limit };
}
