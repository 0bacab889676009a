import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { createFakeApi, type FakeApi } from '../../../test/fake-api';
import { coordinator } from '../../../test/fixtures';
import { renderApp } from '../../../test/render-app';

const admin = { ...coordinator([]), roles: [{ role: 'administrator' as const, clubId: null, communityId: null, region: null }] };
const shabbat = {
  id: 'o-1',
  code: 'shabbat',
  tradition: 'judaism',
  weekday: 5,
  startTime: '16:00',
  endWeekday: 6,
  endTime: '21:30',
  name: { kk: 'Шаббат', ru: 'Шаббат (с заката в пятницу)', en: 'Shabbat (from Friday sunset)' },
  version: 1,
};

describe('weekly observances (administration)', () => {
  let api: FakeApi;

  beforeEach(() => {
    api = createFakeApi({ 'GET /api/auth/me': { body: admin }, 'GET /api/weekly-observances': { body: [shabbat] } });
    api.install();
  });

  it('lists each observance with its weekly window and edits one', async () => {
    api.on('PATCH /api/weekly-observances/o-1', { body: { ...shabbat, startTime: '16:30', version: 2 } });
    const { user } = renderApp('/admin/weekly-observances', { locale: 'ru' });

    const row = await screen.findByTestId('observance-judaism-shabbat');
    expect(row).toHaveTextContent('Шаббат (с заката в пятницу)');
    expect(row).toHaveTextContent('пятница, 16:00 — суббота, 21:30');
    await user.click(within(row).getByRole('button', { name: 'Изменить' }));
    await user.clear(screen.getByTestId('observance-start'));
    await user.type(screen.getByTestId('observance-start'), '16:30');
    await user.click(screen.getByTestId('observance-save'));
    expect(api.callsTo('PATCH', '/api/weekly-observances/o-1')[0].body).toMatchObject({ version: 1, startTime: '16:30', weekday: 5, endWeekday: 6 });
  });

  it('refuses a window that ends before it starts, sending nothing', async () => {
    const { user } = renderApp('/admin/weekly-observances', { locale: 'en' });
    await screen.findByTestId('observance-judaism-shabbat');
    await user.type(screen.getByTestId('observance-code'), 'sunday_mass');
    await user.selectOptions(screen.getByTestId('observance-weekday'), '7');
    await user.selectOptions(screen.getByTestId('observance-end-weekday'), '6');
    await user.type(screen.getByLabelText('Name (Қазақша)'), 'Месса');
    await user.type(screen.getByLabelText('Name (Русский)'), 'Месса');
    await user.type(screen.getByLabelText('Name (English)'), 'Mass');
    await user.click(screen.getByTestId('observance-save'));
    expect(screen.getByText('It must end after it starts, within the week.')).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/weekly-observances')).toHaveLength(0);
  });
});
