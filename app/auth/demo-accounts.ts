// The demo desk's logins, which `npm start` prints for anyone to read: prisma/seed.ts creates them with this
// password, and the password policy refuses it for every other account. A test keeps both lists in step.
export const DEMO_PASSWORD = 'factdesk-demo-2026'

export const DEMO_ACCOUNT_EMAILS: ReadonlySet<string> = new Set([
  'reporter@factdesk.example',
  'checker@factdesk.example',
  'checker2@factdesk.example',
  'editor@factdesk.example',
  'admin@factdesk.example',
])
