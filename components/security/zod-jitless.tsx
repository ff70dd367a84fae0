"use client";
// zod 4 probes whether it may compile validators with `new Function` the first time it parses; under
// the dashboard's Content-Security-Policy (no 'unsafe-eval') the probe is refused — harmlessly, it
// falls back — but the browser still reports a violation. In the browser, skip the probe: the
// schemas it checks there are small forms. (The server keeps zod's faster compiled validators.)
import { z } from "zod";

z.config({ jitless: true });

export function ZodJitless() {
  return null;
}
