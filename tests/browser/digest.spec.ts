// A person turns the daily digest email off and on again next to the notification settings, with and
// without JavaScript.
import { test, expect, toast, JAVASCRIPT_OFF } from './fixtures'

async function toggleDigest(page: import('@playwright/test').Page) {
  await page.goto('/account')
  const section = page.getByRole('region', { name: 'Notifications' })
  const digest = section.getByLabel('Email me a daily digest of unread notifications')
  await expect(digest).toBeChecked()
  await digest.uncheck()
  await section.getByRole('button', { name: 'Save notification settings' }).click()
  await expect(toast(page, 'Notification settings saved.')).toBeVisible()
  await expect(digest).not.toBeChecked()
  await page.reload()
  await expect(section.getByLabel('Email me a daily digest of unread notifications')).not.toBeChecked()
  await section.getByLabel('Email me a daily digest of unread notifications').check()
  await section.getByRole('button', { name: 'Save notification settings' }).click()
  await expect(toast(page, 'Notification settings saved.')).toBeVisible()
  await expect(section.getByLabel('Email me a daily digest of unread notifications')).toBeChecked()
}

test('a fact-checker turns the daily digest email off and on again on the account page', async ({ page, desk }) => {
  await desk.signInAs(page, 'FACT_CHECKER')
  await toggleDigest(page)
})

test.describe('without JavaScript', () => {
  test.use(JAVASCRIPT_OFF)
  test('the daily digest email is turned off and on again', async ({ page, desk }) => {
    await desk.signInAs(page, 'REPORTER')
    await toggleDigest(page)
  })
})
