// Issue 15 points 2 and 3 in the browser (requirement 18): the event page says when the
// data goes, warns from 30 days before, and "Delete this event's personal data now"
// asks for confirmation, then leaves only counts; the dashboard shows the day.
import { test, expect } from './fixtures';
import { createEvent, hydrated, noticeVersion, organiser } from './helpers';

const rule = (enabled: boolean) => ({ enabled, required: false });

function isoDay(d: Date) {
  return d.toISOString().slice(0, 10);
}

test('the event page warns before the purge and deletes the personal data on confirmation', async ({ browser }) => {
  const org = await organiser(browser);
  const today = new Date();
  const eventId = await createEvent(
    org.request,
    'Retention soon',
    {
      languages: ['en', 'lv'],
      retention_days: 10,
      photo_retention_days: 5,
      fields: { first_name: rule(true), last_name: rule(true), organisation: rule(false), role_title: rule(false), email: rule(false), phone: rule(false) },
    },
    isoDay(today),
  );
  const reg = await org.request.post('/api/attendees/register', {
    data: {
      event_id: eventId,
      registration: {
        fields: { first_name: 'Rūta', last_name: 'Dzēšamā' },
        is_minor: false,
        consent: { choice: 'green', notice: await noticeVersion(org.request, eventId) },
      },
    },
  });
  expect(reg.status(), await reg.text()).toBe(200);
  const deletedOn = isoDay(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + 11)));

  await org.goto('/dashboard');
  await hydrated(org);
  await expect(org.getByRole('listitem').filter({ hasText: 'Retention soon' })).toContainText(`Personal data is deleted on ${deletedOn}`);

  await org.goto(`/dashboard/events/${eventId}`);
  await hydrated(org);
  await expect(org.getByRole('alert').filter({ hasText: 'will be deleted on' })).toContainText(`${deletedOn}, in 11 days`);
  const card = org.getByRole('region', { name: 'Data retention' });
  await expect(card).toContainText(`Attendee data is deleted on ${deletedOn} (10 days after the last day).`);

  await card.getByRole('button', { name: "Delete this event's personal data now" }).click();
  const confirm = card.getByRole('group');
  await expect(confirm).toContainText('This cannot be undone.');
  const go = confirm.getByRole('button', { name: 'Delete the personal data' });
  await expect(go).toBeDisabled();
  // Cancel leaves everything as it was.
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(card.getByRole('group')).toHaveCount(0);
  await card.getByRole('button', { name: "Delete this event's personal data now" }).click();
  await card.getByRole('checkbox', { name: 'I understand that this cannot be undone' }).check();
  await expect(go).toBeEnabled();
  await go.click();
  await expect(org.getByRole('status').filter({ hasText: 'was deleted on' })).toBeVisible();
  await expect(card.getByRole('heading', { name: 'Anonymous counts kept' })).toBeVisible();
  await expect(card.getByRole('button', { name: "Delete this event's personal data now" })).toHaveCount(0);

  // The attendee list keeps the row without the person; the name is gone.
  const list = await (await org.request.post('/api/attendees/list', { data: { event_id: eventId, filter: {} } })).json();
  expect(list.rows).toHaveLength(1);
  expect(list.rows[0].fields.first_name).toBeNull();

  // Latvian, after a reload: the banner says it was deleted.
  await org.reload();
  await hydrated(org);
  await org.getByRole('button', { name: 'Latviešu' }).click();
  await expect(org.getByRole('status').filter({ hasText: 'Šī pasākuma personas dati tika dzēsti' })).toBeVisible();
  await expect(org.getByRole('region', { name: 'Datu glabāšana' })).toContainText('Saglabātie anonīmie skaitļi');
});
