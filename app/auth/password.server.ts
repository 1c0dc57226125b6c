// Password hashing with argon2id at (at least) the OWASP-recommended cost: 19 MiB, 2 iterations, 1 lane.
import { hash, verify } from '@node-rs/argon2'

// `Algorithm` is a const enum in the package's types; 2 is Argon2id.
const ARGON2ID = 2

const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS as Parameters<typeof hash>[1])
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password)
  } catch {
    return false
  }
}

// Verifying against this hash when an account does not exist makes "unknown email" take as long as "wrong password".
let dummyHash: Promise<string> | undefined
export function dummyPasswordHash() {
  dummyHash ??= hashPassword('factdesk-timing-equaliser')
  return dummyHash
}
