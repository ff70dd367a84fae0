// POST /api/sessions/[id]/init – seed 000's name for connect
export { POST } from "@/app/api/sessions/[id]/connect/route";
