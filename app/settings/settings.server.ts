// The desk-wide settings (a single row, id 1, inserted by the first migration) that admins edit:
// who the desk is in published ClaimReviews, and which private hosts the URL import may reach.
import { db } from '~/utils/db.server'
import { logEvent } from '~/utils/log.server'
import type { SettingsInput } from './schemas'

export type DeskSettings = {
  organizationName: string
  organizationUrl: string
  urlImportAllowList: string[]
  updatedAt: Date
  updatedBy: string | null
}

const SETTINGS_ID = 1

const select = {
  organizationName: true,
  organizationUrl: true,
  urlImportAllowList: true,
  updatedAt: true,
  updatedBy: { select: { name: true } },
} as const

function shape(row: {
  organizationName: string
  organizationUrl: string
  urlImportAllowList: string[]
  updatedAt: Date
  updatedBy: { name: string } | null
}): DeskSettings {
  return { ...row, updatedBy: row.updatedBy?.name ?? null }
}

export async function getSettings(): Promise<DeskSettings> {
  const row = await db.settings.findUnique({ where: { id: SETTINGS_ID }, select })
  if (row) return shape(row)
  // Only reachable if the row was deleted by hand: put the defaults back rather than fail every export.
  return shape(
    await db.settings.upsert({ where: { id: SETTINGS_ID }, update: {}, create: { id: SETTINGS_ID }, select }),
  )
}

export async function updateSettings(admin: { id: string }, values: SettingsInput): Promise<DeskSettings> {
  const data = {
    organizationName: values.organizationName,
    organizationUrl: values.organizationUrl,
    urlImportAllowList: values.urlImportAllowList,
    updatedById: admin.id,
  }
  const row = await db.settings.upsert({
    where: { id: SETTINGS_ID },
    update: data,
    create: { id: SETTINGS_ID, ...data },
    select,
  })
  // The allow-list opens the URL import to private addresses, so who changed it is worth a log line.
  logEvent('settings_updated', {
    adminId: admin.id,
    organizationUrl: data.organizationUrl,
    urlImportAllowList: data.urlImportAllowList,
  })
  return shape(row)
}
