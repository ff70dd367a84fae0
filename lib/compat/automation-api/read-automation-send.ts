import { AppError } from "@/lib/errors/app-error";
import { automationSendSchema } from "@/lib/compat/automation-api/automation-api.schema";
import { formFields, readMultipartForm } from "@/lib/media/read-multipart-form";

/** The send body: multipart (the Automation API's form, with an optional mediaFile) or the same fields as JSON. */
export async function readAutomationSend(req: Request, maxFileBytes: number) {
  const type = req.headers.get("content-type") ?? "";
  if (type.includes("multipart/form-data")) return automationSendSchema.parse(formFields(await readMultipartForm(req, maxFileBytes)));
  let json: unknown;
  try {
    const text = await req.text();
    json = text.trim() ? JSON.parse(text) : {};
  } catch {
    throw new AppError("BAD_REQUEST", "Request body is not valid JSON or multipart/form-data");
  }
  return automationSendSchema.parse(json);
}
