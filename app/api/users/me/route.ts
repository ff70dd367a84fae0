// GET /api/users/me – the caller's own profile
import { withAuth } from "@/lib/api/with-auth";
import { getMe } from "@/lib/users/get-me";

export const GET = withAuth({ permission: "profile.read" }, ({ caller }) => getMe(caller));
