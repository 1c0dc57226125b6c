import { data } from 'react-router'

/** The posted form, or a 400 a person can read when the body is not a form at all. */
export async function readFormData(request: Request): Promise<FormData> {
  try {
    return await request.formData()
  } catch {
    throw data({ message: 'That request did not carry a form. Reload the page and try again.' }, { status: 400 })
  }
}
