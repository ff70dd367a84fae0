// GET /api/scheduler – the caller's scheduled and recurring messages (?sessionId=, ?when=upcoming|past|all)
// POST /api/scheduler – schedule a message ({ sessionId, jid, content, sendAt | cron, timeZone?, endAt?, mediaUrl?, aiModifications? })
import { withAuth } from "@/lib/api/with-auth";
import { createSchedule } from "@/lib/schedules/create-schedule";
import { listSchedules } from "@/lib/schedules/list-schedules";
import { createScheduleSchema, scheduleListQuery } from "@/lib/schedules/schedules.schema";

export const GET = withAuth({ permission: "automation.manage", query: scheduleListQuery }, ({ caller, query }) => listSchedules(caller, query));

export const POST = withAuth({ permission: "automation.manage", body: createScheduleSchema }, ({ caller, body }) => createSchedule(caller, body));
