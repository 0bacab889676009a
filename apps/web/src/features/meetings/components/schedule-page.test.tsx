import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiError, createFakeApi, type FakeApi } from '../../../test/fake-api';
import { club, communityRef, coordinator, meeting, youthTopic } from '../../../test/fixtures';
import { renderApp } from '../../../test/render-app';

/** Typing-heavy tests take seconds alone; leave room for a loaded machine. */
const TYPING_TIMEOUT = 20_000;

const CHECK = 'POST /api/clubs/club-1/meetings/check';
const CREATE = 'POST /api/clubs/club-1/meetings';
const SEARCH = 'GET /api/communities';
const almatyChurch = communityRef({ id: 'com-church', name: 'Алматы шіркеуі', tradition: 'russian_orthodox' });

const christmas = {
  id: 'holiday-1',
  code: 'orthodox_christmas',
  tradition: 'russian_orthodox' as const,
  date: '2027-01-07',
  days: 1,
  name: { kk: 'Православиелік Рождество', ru: 'Рождество Христово (православное)', en: 'Orthodox Christmas' },
};

describe('scheduling a meeting', () => {
  let api: FakeApi;

  beforeEach(() => {
    // Only Date is faked: "today" is 25 November 2026 in Almaty; timers keep running for the UI.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-25T06:00:00.000Z'));
    api = createFakeApi({
      'GET /api/auth/me': { body: coordinator(['club-1']) },
      'GET /api/clubs/club-1': {
        body: club({
          viewerIsCoordinator: true,
          participants: [{ participationId: 'p-1', status: 'member', community: communityRef({ id: 'com-mosque', name: 'Central Mosque', tradition: 'sunni_islam' }) }],
        }),
      },
      'GET /api/topics': { body: [youthTopic] },
      // The presenter picker searches the club's communities taking part (the API matches any spelling).
      [SEARCH]: ({ query }) => ({
        body: { items: query.get('search') ? [almatyChurch] : [communityRef({ id: 'com-mosque', name: 'Central Mosque', tradition: 'sunni_islam' })], nextAfter: null },
      }),
      [CHECK]: { body: { conflicts: [], warnings: [] } },
      [CREATE]: ({ body }) => ({ status: 201, body: [meeting({ id: 'meeting-new', title: (body as { title: string }).title })] }),
      'GET /api/meetings/meeting-new': { body: meeting({ id: 'meeting-new', title: 'Monthly meeting', viewerIsCoordinator: true }) },
    });
    api.install();
  });

  afterEach(() => vi.useRealTimers());

  it('prefills next month’s first Tuesday 18:00–20:00 and sends "first Tuesday monthly" as an RRULE with UTC times', async () => {
    const { user } = renderApp('/clubs/club-1/meetings/new');

    const title = await screen.findByLabelText('Title');
    await user.type(title, 'Monthly meeting');
    await user.type(screen.getByLabelText('Venue'), 'City Hall');
    expect(screen.getByLabelText('Date')).toHaveValue('2026-12-01');
    expect(screen.getByLabelText('Starts at')).toHaveValue('18:00');
    expect(screen.getByLabelText('Ends at')).toHaveValue('20:00');

    await user.selectOptions(screen.getByLabelText('Repeat'), 'Monthly on the first Tuesday');
    expect(screen.getByLabelText('Number of meetings')).toHaveValue(6);
    await user.click(screen.getByLabelText('Youth'));
    await user.click(screen.getByRole('button', { name: 'Check and save' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Monthly meeting' })).toBeInTheDocument();
    expect(screen.getByTestId('scheduled-notice')).toHaveTextContent('Meetings scheduled: 1');
    const expected = {
      title: 'Monthly meeting',
      startsAt: '2026-12-01T13:00:00.000Z',
      endsAt: '2026-12-01T15:00:00.000Z',
      format: 'in_person',
      visibility: 'club',
      venue: 'City Hall',
      topicIds: ['topic-youth'],
      agenda: [],
      recurrence: { rrule: 'FREQ=MONTHLY;BYDAY=TU;BYSETPOS=1;COUNT=6' },
    };
    expect(api.callsTo('POST', '/api/clubs/club-1/meetings/check')[0].body).toEqual(expected);
    expect(api.callsTo('POST', '/api/clubs/club-1/meetings')[0].body).toEqual(expected);
  }, TYPING_TIMEOUT);

  it('ends a weekly series on a date and leaves single dates out', async () => {
    const { user } = renderApp('/clubs/club-1/meetings/new', { locale: 'en' });

    await user.type(await screen.findByLabelText('Title'), 'Weekly study');
    await user.type(screen.getByLabelText('Venue'), 'City Hall');
    await user.selectOptions(screen.getByTestId('meeting-repeat'), 'weekly');
    await user.selectOptions(screen.getByTestId('meeting-ends'), 'until');
    await user.type(screen.getByTestId('meeting-until'), '2027-01-26');
    await user.type(screen.getByTestId('meeting-skip-date'), '2026-12-29');
    await user.click(screen.getByTestId('meeting-skip-add'));
    expect(screen.getByTestId('repeat-summary')).toHaveTextContent('until');
    expect(screen.getByTestId('meeting-skipped')).toHaveTextContent('Keep');
    await user.click(screen.getByRole('button', { name: 'Check and save' }));

    await screen.findByTestId('scheduled-notice');
    expect(api.callsTo('POST', '/api/clubs/club-1/meetings')[0].body).toMatchObject({
      recurrence: { rrule: 'FREQ=WEEKLY;BYDAY=TU;UNTIL=20270126', skipDates: ['2026-12-29'] },
    });
  }, TYPING_TIMEOUT);

  it('converts a time typed in Almaty to UTC, with an agenda and a place of worship as venue', async () => {
    const { user } = renderApp('/clubs/club-1/meetings/new');

    await user.type(await screen.findByLabelText('Title'), 'Visit to the mosque');
    fireEvent.change(screen.getByLabelText('Date'), { target: { value: '2027-01-12' } });
    fireEvent.change(screen.getByLabelText('Starts at'), { target: { value: '02:30' } });
    fireEvent.change(screen.getByLabelText('Ends at'), { target: { value: '04:00' } });
    await user.click(screen.getByLabelText("A participating community's place of worship"));
    await user.selectOptions(screen.getByLabelText('Host community'), 'com-mosque');
    await user.click(screen.getByRole('button', { name: 'Add agenda item' }));
    await user.click(screen.getByRole('button', { name: 'Add agenda item' }));
    await user.type(screen.getByLabelText('Item 1'), 'Welcome');
    await user.type(screen.getByLabelText('Item 2'), 'Tour');
    await user.click(screen.getByRole('button', { name: 'Move item 2 up' }));
    await user.click(screen.getByRole('button', { name: 'Check and save' }));

    await screen.findByTestId('scheduled-notice');
    expect(api.callsTo('POST', '/api/clubs/club-1/meetings')[0].body).toMatchObject({
      startsAt: '2027-01-11T21:30:00.000Z',
      endsAt: '2027-01-11T23:00:00.000Z',
      venueCommunityId: 'com-mosque',
      agenda: [{ title: 'Tour' }, { title: 'Welcome' }],
    });
  }, TYPING_TIMEOUT);

  it("finds the presenter among the club's communities by a name typed in any script, from three letters", async () => {
    const { user } = renderApp('/clubs/club-1/meetings/new');

    await user.type(await screen.findByLabelText('Title'), 'Interfaith evening');
    await user.type(screen.getByLabelText('Venue'), 'City Hall');
    await user.click(screen.getByRole('button', { name: 'Add agenda item' }));
    await user.type(screen.getByLabelText('Item 1'), 'Easter');
    const search = screen.getByTestId('agenda-presenter-community-1-search');
    await user.type(search, 'al');
    expect(await screen.findByText('Type at least three letters to search')).toBeInTheDocument();
    expect(api.callsTo('GET', '/api/communities').every((call) => !call.query.has('search'))).toBe(true);

    await user.type(search, 'maty');
    await user.selectOptions(screen.getByTestId('agenda-presenter-community-1'), await screen.findByRole('option', { name: 'Алматы шіркеуі' }));
    const searched = api.callsTo('GET', '/api/communities').at(-1)!.query;
    expect(Object.fromEntries(searched)).toMatchObject({ clubId: 'club-1', participating: 'true', search: 'almaty' });
    await user.click(screen.getByRole('button', { name: 'Check and save' }));

    await screen.findByTestId('scheduled-notice');
    expect(api.callsTo('POST', '/api/clubs/club-1/meetings')[0].body).toMatchObject({ agenda: [{ title: 'Easter', presenterCommunityId: 'com-church' }] });
  }, TYPING_TIMEOUT);

  it('lets an agenda item be presented by a community of the club (sent as its id) or by a named guest', async () => {
    const { user } = renderApp('/clubs/club-1/meetings/new');

    await user.type(await screen.findByLabelText('Title'), 'Interfaith evening');
    await user.type(screen.getByLabelText('Venue'), 'City Hall');
    await user.click(screen.getByRole('button', { name: 'Add agenda item' }));
    await user.click(screen.getByRole('button', { name: 'Add agenda item' }));
    await user.type(screen.getByLabelText('Item 1'), 'Ramadan in the city');
    await user.selectOptions(screen.getByTestId('agenda-presenter-community-1'), 'Central Mosque');
    // A community presents: there is nothing to type that could leak its name.
    expect(screen.queryByTestId('agenda-presenter-1')).not.toBeInTheDocument();
    await user.type(screen.getByLabelText('Item 2'), 'Youth policy');
    await user.type(screen.getByTestId('agenda-presenter-2'), 'Akimat');
    await user.click(screen.getByRole('button', { name: 'Check and save' }));

    await screen.findByTestId('scheduled-notice');
    expect(api.callsTo('POST', '/api/clubs/club-1/meetings')[0].body).toMatchObject({
      agenda: [
        { title: 'Ramadan in the city', presenterCommunityId: 'com-mosque' },
        { title: 'Youth policy', presenter: 'Akimat' },
      ],
    });
  }, TYPING_TIMEOUT);

  it.each([
    ['MEETING.PRESENTER_NAMES_COMMUNITY', 'An agenda presenter names a community of the club'],
    ['TEXT.NAMES_COMMUNITY', 'This text names a community of the club'],
  ])('explains %s under the presenter who was typed by name', async (code, text) => {
    api.on(CHECK, apiError(400, code, { 'agenda.0.presenter': 'names a community of the club' }));
    const { user } = renderApp('/clubs/club-1/meetings/new');

    await user.type(await screen.findByLabelText('Title'), 'Interfaith evening');
    await user.type(screen.getByLabelText('Venue'), 'City Hall');
    await user.click(screen.getByRole('button', { name: 'Add agenda item' }));
    await user.type(screen.getByLabelText('Item 1'), 'Ramadan in the city');
    await user.type(screen.getByTestId('agenda-presenter-1'), 'Imam of the Central Mosque');
    await user.click(screen.getByRole('button', { name: 'Check and save' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(text);
    expect(screen.getByTestId('agenda-presenter-1')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByText('Every agenda item needs a title.')).not.toBeInTheDocument();
    expect(api.callsTo('POST', '/api/clubs/club-1/meetings')).toHaveLength(0);
  }, TYPING_TIMEOUT);

  it.each([
    ['en', 'That venue is busy then'],
    ['kk', 'Ол уақытта бұл орын бос емес'],
    ['ru', 'В это время место занято'],
  ] as const)('says only that the venue is busy when the other meeting is outside the coordinator’s sight (%s)', async (locale, text) => {
    api.on(CHECK, {
      body: { conflicts: [{ kind: 'venue', meetingId: null, title: '', startsAt: '2026-12-01T12:00:00.000Z', endsAt: '2026-12-01T14:00:00.000Z' }], warnings: [] },
    });
    const { user } = renderApp('/clubs/club-1/meetings/new', { locale });

    await user.type(await screen.findByTestId('meeting-title'), 'Clash');
    await user.type(screen.getByTestId('meeting-venue'), 'City Hall');
    await user.click(screen.getByTestId('meeting-save'));

    const conflicts = await screen.findByTestId('meeting-conflicts');
    expect(conflicts).toHaveTextContent(text);
    expect(within(conflicts).queryByRole('link')).not.toBeInTheDocument();
    expect(screen.getByTestId('meeting-save')).toBeDisabled();
  });

  it('blocks saving while the club is already booked, and shows the conflicting meeting', async () => {
    api.on(CHECK, {
      body: {
        conflicts: [{ kind: 'club', meetingId: 'meeting-old', title: 'Youth forum', startsAt: '2026-12-01T12:00:00.000Z', endsAt: '2026-12-01T14:00:00.000Z' }],
        warnings: [],
      },
    });
    const { user } = renderApp('/clubs/club-1/meetings/new');

    await user.type(await screen.findByLabelText('Title'), 'Clash');
    await user.type(screen.getByLabelText('Venue'), 'City Hall');
    await user.click(screen.getByRole('button', { name: 'Check and save' }));

    const conflicts = await screen.findByTestId('meeting-conflicts');
    expect(within(conflicts).getByRole('link', { name: 'Youth forum' })).toHaveAttribute('href', '/meetings/meeting-old');
    expect(conflicts).toHaveTextContent('Dec 1, 2026, 5:00 PM–7:00 PM');
    expect(screen.getByTestId('meeting-save')).toBeDisabled();
    expect(api.callsTo('POST', '/api/clubs/club-1/meetings')).toHaveLength(0);

    // Another time is checked again and can be saved.
    api.on(CHECK, { body: { conflicts: [], warnings: [] } });
    fireEvent.change(screen.getByLabelText('Starts at'), { target: { value: '19:00' } });
    fireEvent.change(screen.getByLabelText('Ends at'), { target: { value: '21:00' } });
    expect(screen.getByTestId('meeting-save')).toBeEnabled();
    await user.click(screen.getByTestId('meeting-save'));
    await screen.findByTestId('scheduled-notice');
    expect(api.callsTo('POST', '/api/clubs/club-1/meetings')).toHaveLength(1);
  });

  it('warns about a holiday in the user’s language but still lets the meeting be saved', async () => {
    api.on(CHECK, { body: { conflicts: [], warnings: [{ kind: 'holiday', date: '2027-01-07', holiday: christmas, traditions: ['russian_orthodox'] }] } });
    const { user } = renderApp('/clubs/club-1/meetings/new', { locale: 'ru' });

    await user.type(await screen.findByLabelText('Название'), 'Январская встреча');
    await user.type(screen.getByLabelText('Место'), 'Акимат');
    await user.click(screen.getByRole('button', { name: 'Проверить и сохранить' }));

    const warnings = await screen.findByTestId('warnings-box');
    expect(warnings).toHaveTextContent('Рождество Христово (православное)');
    expect(warnings).toHaveTextContent('Русская православная церковь');
    expect(api.callsTo('POST', '/api/clubs/club-1/meetings')).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Всё равно сохранить' }));

    await screen.findByTestId('scheduled-notice');
    expect(api.callsTo('POST', '/api/clubs/club-1/meetings')[0].body).toMatchObject({ title: 'Январская встреча', acknowledgeWarnings: true });
  });

  it('warns of Shabbat for a Friday evening meeting, by the observance\'s name in the user\'s language', async () => {
    const shabbat = { id: 'o-1', code: 'shabbat', tradition: 'judaism', weekday: 5, startTime: '16:00', endWeekday: 6, endTime: '21:30', version: 1,
      name: { kk: 'Шаббат (жұма күні күн батқаннан)', ru: 'Шаббат (с заката в пятницу)', en: 'Shabbat (from Friday sunset)' } };
    api.on(CHECK, { body: { conflicts: [], warnings: [{ kind: 'observance', date: '2026-12-04', observance: shabbat, traditions: ['judaism'] }] } });
    const { user } = renderApp('/clubs/club-1/meetings/new', { locale: 'kk' });

    await user.type(await screen.findByLabelText('Атауы'), 'Жұма кездесуі');
    await user.type(screen.getByLabelText('Өтетін орны'), 'Әкімдік');
    await user.click(screen.getByRole('button', { name: 'Тексеріп, сақтау' }));

    const warning = await screen.findByTestId('warning-observance');
    expect(warning).toHaveTextContent('«Шаббат (жұма күні күн батқаннан)» уақытына сәйкес келеді');
    expect(api.callsTo('POST', '/api/clubs/club-1/meetings')).toHaveLength(0);
  }, TYPING_TIMEOUT);

  it('shows a translated error when the slot was taken between the check and the save', async () => {
    api.on(CREATE, apiError(409, 'MEETING.CONFLICT'));
    const { user } = renderApp('/clubs/club-1/meetings/new', { locale: 'kk' });

    await user.type(await screen.findByLabelText('Атауы'), 'Кездесу');
    await user.type(screen.getByLabelText('Өтетін орны'), 'Әкімдік');
    await user.click(screen.getByRole('button', { name: 'Тексеріп, сақтау' }));

    expect(await screen.findByText('Бұл уақытқа басқа кездесу тағайындалған. Қайшылықтар төменде көрсетілген.')).toBeInTheDocument();
  });

  it('checks required fields and times before asking the API', async () => {
    const { user } = renderApp('/clubs/club-1/meetings/new');

    await screen.findByLabelText('Title');
    fireEvent.change(screen.getByLabelText('Ends at'), { target: { value: '17:00' } });
    await user.click(screen.getByRole('button', { name: 'Check and save' }));

    expect(screen.getByLabelText('Title')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Venue')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('The end must be after the start.')).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/clubs/club-1/meetings/check')).toHaveLength(0);
  });
});
