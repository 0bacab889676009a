import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { createFakeApi, type FakeApi } from '../../../test/fake-api';
import { coordinator, youthTopic } from '../../../test/fixtures';
import { renderApp } from '../../../test/render-app';

const admin = { ...coordinator([]), roles: [{ role: 'administrator' as const, clubId: null, communityId: null, region: null }] };
const nauryz = { id: 'h-1', code: 'nauryz', tradition: null, date: '2026-03-21', days: 3, name: { kk: 'Наурыз мейрамы', ru: 'Наурыз', en: 'Nauryz' } };

describe('administration', () => {
  let api: FakeApi;

  beforeEach(() => {
    api = createFakeApi({
      'GET /api/auth/me': { body: admin },
      'GET /api/topics': { body: [youthTopic] },
      'GET /api/holidays': { body: [nauryz] },
    });
    api.install();
  });

  it('lists, adds and archives topics with names in three languages', async () => {
    api.on('POST /api/topics', ({ body }) => ({ status: 201, body: { id: 'topic-new', archived: false, ...(body as object) } }));
    api.on('PATCH /api/topics/topic-youth', { body: { ...youthTopic, archived: true } });
    const { user } = renderApp('/admin/topics', { locale: 'ru' });

    expect(await screen.findByRole('link', { name: 'Администрирование' })).toHaveAttribute('href', '/admin');
    expect(await screen.findByText('Молодёжь')).toBeInTheDocument();
    expect(api.callsTo('GET', '/api/topics')[0].query.get('includeArchived')).toBe('true');

    await user.type(screen.getByTestId('topic-code'), 'Ecology!');
    await user.click(screen.getByTestId('topic-create'));
    expect(screen.getByText('Используйте строчные латинские буквы, цифры и _ (например, youth_work).')).toBeInTheDocument();
    await user.clear(screen.getByTestId('topic-code'));
    await user.type(screen.getByTestId('topic-code'), 'environment');
    await user.type(screen.getByLabelText('Название (Қазақша)'), 'Экология');
    await user.type(screen.getByLabelText('Название (Русский)'), 'Экология');
    await user.type(screen.getByLabelText('Название (English)'), 'Environment');
    await user.click(screen.getByTestId('topic-create'));
    await user.click(within(screen.getByTestId('topic-youth')).getByTestId('topic-archive'));

    expect(api.callsTo('POST', '/api/topics')[0].body).toEqual({ code: 'environment', name: { kk: 'Экология', ru: 'Экология', en: 'Environment' } });
    expect(api.callsTo('PATCH', '/api/topics/topic-youth')[0].body).toEqual({ archived: true, version: 1 });
  });

  it.each([
    ['kk', 'Жастар'],
    ['ru', 'Молодёжь'],
    ['en', 'Youth'],
  ] as const)('names each topic in the reader’s language (%s), never by its code', async (locale, name) => {
    renderApp('/admin/topics', { locale });
    const row = await screen.findByTestId(`topic-${youthTopic.code}`);
    expect(within(row).getByText(name)).toBeInTheDocument();
    expect(row).not.toHaveTextContent(youthTopic.code);
  });

  it('lists a year’s holidays and deletes one after confirmation', async () => {
    api.on('DELETE /api/holidays/h-1', { status: 204 });
    const { user } = renderApp('/admin/holidays', { locale: 'kk' });

    const row = await screen.findByTestId('holiday-nauryz');
    expect(row).toHaveTextContent('Наурыз мейрамы');
    expect(row).toHaveTextContent('Мемлекеттік (барлығына)');
    await user.click(within(row).getByTestId('holiday-delete'));
    await user.click(within(row).getByTestId('holiday-confirm-delete'));
    expect(api.callsTo('DELETE', '/api/holidays/h-1')).toHaveLength(1);
  });

  it('is not offered to a coordinator', async () => {
    api.on('GET /api/auth/me', { body: coordinator(['club-1']) });
    renderApp('/admin/holidays');
    expect(await screen.findByText('This page is not available to your account.')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Administration' })).not.toBeInTheDocument();
  });
});
