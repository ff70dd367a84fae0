// GET /api/scheduler/[id] – one scheduled or recurring message, with its next firings
// PATCH /api/scheduler/[id] – pause or resume a recurring schedule ({ status: "PAUSED" | "ACTIVE" })
// DELETE /api/scheduler/[id] – cancel it (a one-time message not yet on its way is withdrawn)
import { withAuth } from "@/lib/api/with-auth";
import { cancelSchedule } from "@/lib/schedules/cancel-schedule";
import { getScheduleOrThrow } from "@/lib/schedules/get-schedule-or-throw";
import { withMessages } from "@/lib/schedules/list-schedules";
import { scheduleParams, updateScheduleSchema } from "@/lib/schedules/schedules.schema";
import { setScheduleStatus } from "@/lib/schedules/set-schedule-status";

export const GET = withAuth(
  { permission: "automation.manage", params: scheduleParams },
  async ({ caller, params }) => (await withMessages([await getScheduleOrThrow(caller, params.id)]))[0],
);

export const PATCH = withAuth({ permission: "automation.manage", params: scheduleParams, body: updateScheduleSchema }, ({ caller, params, body }) =>
  setScheduleStatus(caller, params.id, body.status),
);

export const DELETE = withAuth({ permission: "automation.manage", params: scheduleParams }, ({ caller, params }) => cancelSchedule(caller, params.id));
