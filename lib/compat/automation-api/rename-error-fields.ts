import { AppError } from "@/lib/errors/app-error";

/** Our operations name their own fields (jid, sendAt, content); this client sent phoneId, scheduledTime, message. */
const FIELD_NAMES: Record<string, string> = { jid: "phoneId", sendAt: "scheduledTime", content: "message", file: "mediaFile" };

export async function withAutomationFieldNames<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError) {
      const match = /^(\w+):/.exec(error.message);
      if (match && FIELD_NAMES[match[1]]) throw new AppError(error.code, `${FIELD_NAMES[match[1]]}${error.message.slice(match[1].length)}`, error.headers);
    }
    throw error;
  }
}
