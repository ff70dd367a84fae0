// Ids for rows written by raw SQL (the outbox's events and deliveries, accepted sends, campaign
// recipients, list entries), where Prisma's cuid() default does not run. Same alphabet and length
// class as cuid(): a prefix letter, the time, a counter, random bits. Time first and then a counter,
// so that ids made in the same millisecond (the events of one transaction, which share their
// createdAt) sort in the order they were made; the random part keeps processes apart.
import { pooledRandomBytes } from "@/lib/server/pooled-random-bytes";

let lastMs = 0;
let counter = 0;

export function newRowId(prefix = "c"): string {
  const now = Date.now();
  counter = now === lastMs ? counter + 1 : 0;
  lastMs = now;
  return `${prefix}${now.toString(36)}${counter.toString(36).padStart(4, "0")}${pooledRandomBytes(6).toString("hex")}`;
}
