// POST /api/sessions/[id]/init – Clevio's name for connect
export { POST } from "@/app/api/sessions/[id]/connect/route";
