import { redirect } from "next/navigation";
import { optionalPageCaller } from "@/lib/auth/page-caller";

export const dynamic = "force-dynamic";

export default async function Home() {
  redirect((await optionalPageCaller()) ? "/overview" : "/login");
}
