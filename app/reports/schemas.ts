import { z } from 'zod'

/** The publish page's one form: make the report public, or take it down. */
export const publishFormSchema = z.object({
  intent: z.enum(['publish', 'unpublish'], { error: 'Choose whether to publish or unpublish the report.' }),
})
