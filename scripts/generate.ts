// Generates the Prisma client. Generation needs no schema engine, but the CLI insists that one exists;
// any executable satisfies it, so point it at this Node binary when none is configured.
import { execFileSync } from 'node:child_process'

execFileSync('npx', ['prisma', 'generate'], {
  stdio: 'inherit',
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath },
})
