import { describe, expect, it } from '@jest/globals'
import { ConfigError, parseEnv } from './env.server'

const valid = { DATABASE_URL: 'postgresql://u:p@localhost:5432/factdesk' }

describe('configuration', () => {
  it('fills in defaults for everything but the database', () => {
    const env = parseEnv(valid)
    expect(env).toMatchObject({
      NODE_ENV: 'development',
      APP_ORIGIN: 'http://localhost:3000',
      SESSION_IDLE_MINUTES: 480,
    })
  })

  it('stops start-up naming a missing DATABASE_URL', () => {
    expect(() => parseEnv({})).toThrow(ConfigError)
    expect(() => parseEnv({})).toThrow(/DATABASE_URL: DATABASE_URL is not set/)
  })

  it('names each wrong value', () => {
    const attempt = () =>
      parseEnv({ ...valid, APP_ORIGIN: 'not a url', SESSION_IDLE_MINUTES: '-5', NODE_ENV: 'staging' })
    expect(attempt).toThrow(/APP_ORIGIN: APP_ORIGIN must be a URL/)
    expect(attempt).toThrow(/SESSION_IDLE_MINUTES:/)
    expect(attempt).toThrow(/NODE_ENV:/)
  })

  it('refuses a database URL that is not PostgreSQL', () => {
    expect(() => parseEnv({ DATABASE_URL: 'mysql://localhost/x' })).toThrow(
      /DATABASE_URL must be a postgresql:\/\/ connection string/,
    )
  })

  it('takes SMTP settings for the digest, or none, and names a wrong one', () => {
    const none = parseEnv(valid)
    expect([none.SMTP_URL, none.MAIL_FROM]).toEqual([undefined, undefined])
    expect(
      parseEnv({
        ...valid,
        SMTP_URL: 'smtps://desk:secret@mail.example.org:465',
        MAIL_FROM: 'Desk <desk@example.org>',
      }),
    ).toMatchObject({ SMTP_URL: 'smtps://desk:secret@mail.example.org:465', MAIL_FROM: 'Desk <desk@example.org>' })
    expect(() => parseEnv({ ...valid, SMTP_URL: 'http://mail.example.org' })).toThrow(
      /SMTP_URL: SMTP_URL must be an smtp/,
    )
    expect(() => parseEnv({ ...valid, MAIL_FROM: 'nobody' })).toThrow(/MAIL_FROM: MAIL_FROM must be an address/)
  })

  it('requires a session secret of 32+ characters in production', () => {
    expect(() => parseEnv({ ...valid, NODE_ENV: 'production' })).toThrow(/SESSION_SECRET: required in production/)
    expect(() => parseEnv({ ...valid, NODE_ENV: 'production', SESSION_SECRET: 'short' })).toThrow(
      /SESSION_SECRET must be at least 32 characters/,
    )
    expect(parseEnv({ ...valid, NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32) }).SESSION_SECRET).toHaveLength(
      32,
    )
  })

  it('points APP_ORIGIN at this machine on PORT unless it is set', () => {
    expect(parseEnv({ ...valid, PORT: '4100' })).toMatchObject({ PORT: 4100, APP_ORIGIN: 'http://localhost:4100' })
    expect(parseEnv({ ...valid, PORT: '4100', APP_ORIGIN: 'https://desk.example.org' }).APP_ORIGIN).toBe(
      'https://desk.example.org',
    )
    expect(() => parseEnv({ ...valid, PORT: '70000' })).toThrow(/PORT: PORT must be a port number from 1 to 65535/)
    expect(() => parseEnv({ ...valid, PORT: 'eighty' })).toThrow(/PORT: PORT must be a port number/)
  })

  it.each([
    [undefined, false],
    ['0', false],
    ['1', 1],
    ['2', 2],
    ['loopback', ['loopback']],
    ['loopback, 10.0.0.0/8, 192.168.1.7, ::1', ['loopback', '10.0.0.0/8', '192.168.1.7', '::1']],
  ])('reads TRUST_PROXY=%j as %j', (value, expected) => {
    expect(parseEnv({ ...valid, TRUST_PROXY: value }).TRUST_PROXY).toEqual(expected)
  })

  it.each(['yes', 'true', '-1', '1.5', '100', '10.0.0.300', 'loopback,,nonsense'])(
    'stops start-up on TRUST_PROXY=%j, naming it',
    (value) => {
      expect(() => parseEnv({ ...valid, TRUST_PROXY: value })).toThrow(
        /TRUST_PROXY: TRUST_PROXY must be 0 \(no proxy\), the number of proxies/,
      )
    },
  )
})
