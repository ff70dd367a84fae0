import { readJsonBody } from "@/lib/api/read-json-body";
import { automationSendSchema } from "@/lib/compat/automation-api/automation-api.schema";
import { formFields, readMultipartForm } from "@/lib/media/read-multipart-form";

/** The send body: multipart (the Automation API's form, with an optional mediaFile) or the same fields as JSON. */
export async function readAutomationSend(req: Request, maxFileBytes: number) {
  const type = req.headers.get("content-type") ?? "";
  if (type.includes("multipart/form-data")) return automationSendSchema.parse(formFields(await readMultipartForm(req, maxFileBytes)));
  // The same limit and guards withAuth gives every JSON body (size, depth, NUL, lone surrogates).
  return automationSendSchema.parse(await readJsonBody(req));
}
