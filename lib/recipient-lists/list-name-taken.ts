import { AppError } from "@/lib/errors/app-error";

/** A second list with the same name in one tenant is a 409 naming the field. */
export function rethrowListNameTaken(error: unknown): never {
  if ((error as { code?: string })?.code === "P2002") throw new AppError("CONFLICT", "name: a recipient list with this name already exists");
  throw error;
}
