// Issue 17 point 7 (requirement 24): the dashboard shows admins how the backups stand:
// the test server runs without --backup-dir, so the card says scheduled backups are off
// (an icon and words) and that none was made; organisers see no such card. In both
// languages. The states with backups (time and size, failed, stale) are shown by the
// API test `backup::scheduled_backups_rotate_and_the_dashboard_shows_them`.
import { test, expect } from './fixtures';
import { demoLogin, hydrated, organiser, signIn } from './helpers';

test('admins see the backups card on the dashboard, organisers do not', async ({ browser }) => {
  const ctx = await browser.newContext({ locale: 'en-US' });
  const admin = await ctx.newPage();
  await signIn(admin, demoLogin().admin.email, demoLogin().admin.password);
  await expect(admin).toHaveURL(/\/dashboard$/);
  await hydrated(admin);
  const card = admin.getByRole('region', { name: 'Backups' });
  await expect(card).toBeVisible();
  await expect(card.getByText('Scheduled backups are off')).toBeVisible();
  await expect(card.getByText('No backup has been made yet.')).toBeVisible();
  await admin.getByRole('button', { name: 'Latviešu' }).click();
  await expect(admin.getByRole('region', { name: 'Rezerves kopijas' })).toBeVisible();
  await admin.getByRole('button', { name: 'English' }).click();

  const org = await organiser(browser);
  await hydrated(org);
  await expect(org.getByRole('heading', { name: 'Your events' })).toBeVisible();
  await expect(org.getByRole('region', { name: 'Backups' })).toHaveCount(0);
});
