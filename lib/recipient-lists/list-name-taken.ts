import { AppError } from "@/lib/errors/app-error";
import { isUniqueViolation } from "@/lib/db/is-unique-violation";

/** A second list with the same name in one tenant is a 409 naming the field. */
export function rethrowListNameTaken(error: unknown): never {
  if (isUniqueViolation(error)) throw new AppError("CONFLICT", "name: a recipient list with this name already exists");
  throw error;
}
