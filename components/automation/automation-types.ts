// What the automation pages get from the API (dates as strings), typed from the operations' answers.
import type { publicAutoReply } from "@/lib/autoreplies/public-autoreply";
import type { publicSchedule } from "@/lib/schedules/public-schedule";

type Jsonified<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };

export type AutoReplyView = Jsonified<ReturnType<typeof publicAutoReply>>;
export type ScheduleView = ReturnType<typeof publicSchedule>;
export interface SessionOption {
  sessionId: string;
  name: string;
  autoReplyEnabled: boolean;
}
