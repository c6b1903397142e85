import { data } from "@remix-run/node";

/**
 * The request's form data, or a 400 when the body is not a form (no content type, malformed
 * multipart, a truncated upload): a broken request is the client's error, never a 500.
 */
export async function readFormData(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch {
    throw data({ message: "bad_form_body" }, { status: 400 });
  }
}
