import "server-only";
import { getRuntime } from "@/lib/server/runtime";

/** Something changed (created, started, resumed): let the runner look now rather than at its next poll. */
export function wakeCampaignRunner(): void {
  getRuntime()
    .workers.find((w) => w.name === "campaign-runner")
    ?.wake();
}
