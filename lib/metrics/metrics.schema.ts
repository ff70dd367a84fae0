import { z } from "zod";

/** `Authorization: Bearer <METRICS_TOKEN>` (anything else goes to the API-key/cookie check). */
export const bearerHeader = z
  .string()
  .regex(/^Bearer\s+(\S+)$/i)
  .transform((v) => v.replace(/^Bearer\s+/i, ""));
