import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { createFakeApi, type FakeApi } from '../../../test/fake-api';
import { almaty, club, communityRef, coordinator } from '../../../test/fixtures';
import { renderApp } from '../../../test/render-app';

const admin = { ...coordinator([]), id: 'user-admin', roles: [{ role: 'administrator' as const, clubId: null, communityId: null, region: null }] };
const person = {
  id: 'user-dana',
  displayName: 'Dana Coordinator',
  email: 'dana@example.kz',
  deactivatedAt: null,
  secondFactorEnabled: false,
  roles: [
    { id: 'grant-1', role: 'coordinator' as const, clubId: 'club-1', clubName: 'Almaty Multi-Faith Club', communityId: null, communityName: null, region: null, startsOn: '2026-01-10', endsOn: null, reason: 'invitation', endReason: null, inForce: true },
  ],
};
const invitation = {
  id: 'inv-1',
  email: 'new@example.kz',
  role: 'coordinator' as const,
  clubId: 'club-1',
  clubName: 'Almaty Multi-Faith Club',
  communityId: null,
  communityName: null,
  region: null,
  status: 'expired' as const,
  sentAt: '2026-01-01T10:00:00.000Z',
  expiresAt: '2026-01-08T10:00:00.000Z',
};

describe('people and roles (the administrator)', () => {
  let api: FakeApi;

  beforeEach(() => {
    api = createFakeApi({
      'GET /api/auth/me': { body: admin },
      'GET /api/users': { body: [person] },
      'GET /api/invitations': { body: [invitation] },
      'GET /api/clubs': { body: { items: [club()], nextAfter: null } },
      'GET /api/cities': { body: [almaty] },
    });
    api.install();
  });

  it('invites a coordinator of a club, resends an expired invitation, and ends a role with a reason', async () => {
    api.on('POST /api/invitations', { status: 204 });
    api.on('POST /api/invitations/inv-1/resend', { status: 204 });
    api.on('POST /api/roles/grant-1/end', { status: 409, body: { statusCode: 409, code: 'CLUB.LAST_COORDINATOR', message: 'last' } });
    const { user } = renderApp('/admin/users', { locale: 'ru' });

    await user.type(await screen.findByTestId('invite-email'), 'aidos@example.kz');
    await user.selectOptions(screen.getByTestId('invite-club'), 'club-1');
    await user.click(screen.getByTestId('invite-send'));
    expect(await screen.findByText('Приглашение отправлено.')).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/invitations')[0].body).toEqual({ email: 'aidos@example.kz', role: 'coordinator', clubId: 'club-1' });

    const row = screen.getByTestId('invitation-new@example.kz');
    expect(within(row).getByText('Истекло')).toBeInTheDocument();
    await user.click(within(row).getByRole('button', { name: 'Отправить снова' }));
    expect(api.callsTo('POST', '/api/invitations/inv-1/resend')).toHaveLength(1);

    await user.click(screen.getByTestId('end-role-grant-1'));
    await user.type(screen.getByTestId('end-role-grant-1-reason'), 'Moved to Astana');
    await user.click(screen.getByTestId('end-role-grant-1-confirm'));
    expect(await screen.findByText('Это последний координатор действующего клуба. Сначала назначьте преемника.')).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/roles/grant-1/end')[0].body).toEqual({ reason: 'Moved to Astana' });
  });

  it('finds the club of an invitation among many by its name, archived clubs left out', async () => {
    const taraz = club({ id: 'club-taraz', name: 'Taraz Club', names: { kk: 'Тараз клубы', ru: 'Клуб Тараза', en: 'Taraz Club' } });
    const closed = club({ id: 'club-closed', name: 'Taraz Old Club', names: { kk: 'Ескі клуб', ru: 'Старый клуб', en: 'Taraz Old Club' }, archived: true });
    api.on('GET /api/clubs', ({ query }) => ({ body: { items: query.get('search') === 'тараз' ? [taraz, closed] : [club()], nextAfter: null } }));
    const { user } = renderApp('/admin/users', { locale: 'kk' });

    await user.type(await screen.findByTestId('invite-club-search'), 'тараз');
    await screen.findByRole('option', { name: 'Тараз клубы' });
    expect(Object.fromEntries(api.callsTo('GET', '/api/clubs').at(-1)!.query)).toEqual({ search: 'тараз', limit: '20' });
    expect(screen.queryByRole('option', { name: 'Ескі клуб' })).not.toBeInTheDocument();
    await user.selectOptions(screen.getByTestId('invite-club'), 'club-taraz');
    expect(screen.getByTestId('invite-club')).toHaveValue('club-taraz');
  });

  it('searches people from a word of three letters, in any script', async () => {
    const { user } = renderApp('/admin/users');
    const search = await screen.findByTestId('people-search');
    await user.type(search, 'да');
    expect(api.callsTo('GET', '/api/users').every((call) => !call.query.has('search'))).toBe(true);
    await user.type(search, 'на');
    await screen.findByTestId('people-search');
    expect(api.callsTo('GET', '/api/users').at(-1)!.query.get('search')).toBe('дана');
  });

  it("a club's coordinator invites a representative of a community found by name among the club's", async () => {
    const mosque = communityRef({ id: 'com-mosque', name: 'Орталық мешіт', tradition: 'sunni_islam' });
    api.on('GET /api/auth/me', { body: coordinator(['club-1']) });
    api.on('GET /api/clubs/club-1', { body: club({ viewerIsCoordinator: true }) });
    api.on('GET /api/clubs/club-1/people', { body: { coordinators: [], invitations: [], communities: [] } });
    api.on('GET /api/communities', ({ query }) => ({ body: { items: query.get('search') === 'ortalyq' ? [mosque] : [], nextAfter: null } }));
    api.on('POST /api/clubs/club-1/invitations', { status: 204 });
    const { user } = renderApp('/clubs/club-1/people');

    await user.type(await screen.findByTestId('club-invite-email'), 'imam@example.kz');
    await user.selectOptions(screen.getByTestId('club-invite-role'), 'representative');
    await user.type(screen.getByTestId('club-invite-community-search'), 'ortalyq');
    await user.selectOptions(screen.getByTestId('club-invite-community'), await screen.findByRole('option', { name: 'Орталық мешіт' }));
    expect(Object.fromEntries(api.callsTo('GET', '/api/communities').at(-1)!.query)).toEqual({ clubId: 'club-1', search: 'ortalyq', limit: '20' });
    await user.click(screen.getByTestId('club-invite-send'));

    await screen.findByRole('status');
    expect(api.callsTo('POST', '/api/clubs/club-1/invitations')[0].body).toEqual({ email: 'imam@example.kz', role: 'representative', communityId: 'com-mosque' });
  });

  it("shows what needs attention on the administrator's home", async () => {
    api.on('GET /api/admin/attention', {
      body: { clubsWithoutCoordinator: [{ id: 'club-9', name: 'Aktau Club', cityId: 'city-aktau' }], pendingInvitations: 2, expiredInvitations: 1, registrationClaimsWaiting: 3, openAppeals: 0, failedEmails: 4 },
    });
    renderApp('/admin', { locale: 'en' });
    expect(await screen.findByRole('link', { name: 'Aktau Club' })).toHaveAttribute('href', '/clubs/club-9/people');
    expect(screen.getByTestId('attention-failedEmails')).toHaveTextContent('4');
  });
});

describe('accepting an invitation', () => {
  let api: FakeApi;

  beforeEach(() => {
    api = createFakeApi({ 'GET /api/auth/me': { status: 401, body: { statusCode: 401, code: 'UNAUTHENTICATED', message: 'no' } } });
    api.install();
  });

  it('asks a newcomer for a name and a password, then says to sign in and set up the second factor', async () => {
    api.on('POST /api/invitations/preview', {
      body: { email: 'new@example.kz', role: 'official', clubName: null, communityName: null, region: 'almaty-city', accountExists: false, secondFactorRequired: true, expiresAt: '2026-12-10T10:00:00.000Z' },
    });
    api.on('POST /api/invitations/acceptance', { body: { email: 'new@example.kz', secondFactorRequired: true } });
    const { user } = renderApp('/accept-invitation#secret-of-the-link-0123456789', { locale: 'kk' });
    await user.type(await screen.findByTestId('accept-name'), 'Dana');
    await user.type(screen.getByTestId('accept-password'), 'a long unusual passphrase');
    await user.click(screen.getByTestId('accept-submit'));
    expect(await screen.findByTestId('invitation-accepted')).toHaveTextContent('Дайын.');
    expect(api.callsTo('POST', '/api/invitations/acceptance')[0].body).toEqual({ token: 'secret-of-the-link-0123456789', password: 'a long unusual passphrase', displayName: 'Dana' });
    expect(screen.getByText(/екі кезеңді кіруді/)).toBeInTheDocument();
  });

  it('says when the link was used, expired or withdrawn', async () => {
    api.on('POST /api/invitations/preview', { status: 400, body: { statusCode: 400, code: 'AUTH.INVALID_LINK', message: 'used' } });
    renderApp('/accept-invitation#used-link-0123456789abcdef', { locale: 'en' });
    expect(await screen.findByText('This invitation is not valid any more: it was used, it expired, or it was withdrawn.')).toBeInTheDocument();
  });
});

describe("a club's roster and the communities added on their behalf (a coordinator)", () => {
  let api: FakeApi;
  const row = (line: number, outcome: 'new' | 'matched' | 'error', reasons: string[] = []) => ({
    line,
    name: `Community ${line}`,
    registrationNumber: `KZ-${line}`,
    outcome,
    reasons,
    communityId: outcome === 'matched' ? `community-${line}` : null,
  });

  beforeEach(() => {
    api = createFakeApi({ 'GET /api/auth/me': { body: coordinator() }, 'GET /api/clubs/club-1': { body: club({ viewerIsCoordinator: true }) } });
    api.install();
  });

  it('checks the file first, shows each row with its reason, then imports the valid rows', async () => {
    api.on('POST /api/clubs/club-1/roster-imports', { body: { committed: false, counts: { new: 1, matched: 1, error: 1 }, rows: [row(2, 'new'), row(3, 'matched'), row(4, 'error', ['CONTACT_INVALID'])] } });
    const { user } = renderApp('/clubs/club-1/roster', { locale: 'ru' });
    const file = new File(['\uFEFFname;tradition;registration number;contact\r\n'], 'roster.csv', { type: 'text/csv' });
    await user.upload(await screen.findByLabelText('CSV-файл'), file);
    await user.click(screen.getByTestId('roster-check'));

    const table = await screen.findByRole('table');
    expect(within(table).getByRole('columnheader', { name: 'Причина' })).toBeInTheDocument();
    expect(within(screen.getByTestId('roster-row-4')).getByText('Контакт — не адрес электронной почты')).toBeInTheDocument();
    expect(within(screen.getByTestId('roster-row-3')).getByText('Уже на платформе')).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/clubs/club-1/roster-imports')[0].body).toEqual({ csv: expect.stringContaining('name;tradition;registration number;contact\r\n'), commit: false });

    api.on('POST /api/clubs/club-1/roster-imports', { body: { committed: true, counts: { new: 1, matched: 1, error: 1 }, rows: [{ ...row(2, 'new'), communityId: 'community-new' }, row(3, 'matched'), row(4, 'error', ['CONTACT_INVALID'])] } });
    await user.click(screen.getByTestId('roster-commit'));
    expect(await screen.findByTestId('roster-committed')).toHaveTextContent('создано и приглашено общин — 1');
    expect(api.callsTo('POST', '/api/clubs/club-1/roster-imports')[1].body).toMatchObject({ commit: true });
  });

  it('adds a registered community on its behalf and says it waits for verification', async () => {
    api.on('GET /api/clubs/club-1/people', { body: { coordinators: [], invitations: [], communities: [] } });
    api.on('POST /api/clubs/club-1/communities', { status: 201, body: { id: 'community-9', name: 'Grace Church', registrationStatus: 'registration_pending', invitationSent: true } });
    const { user } = renderApp('/clubs/club-1/people', { locale: 'en' });
    await user.type(await screen.findByTestId('on-behalf-name'), 'Grace Church');
    await user.selectOptions(screen.getByTestId('on-behalf-tradition'), 'lutheran');
    await user.type(screen.getByTestId('on-behalf-number'), 'KZ-77');
    await user.type(screen.getByTestId('on-behalf-date'), '2012-05-04');
    await user.type(screen.getByTestId('on-behalf-issuing-body'), 'Department of Justice');
    await user.type(screen.getByTestId('on-behalf-representative'), 'rep@grace.kz');
    await user.click(screen.getByTestId('on-behalf-submit'));
    expect(await screen.findByText('Grace Church was added and waits for verification; its representative was invited.')).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/clubs/club-1/communities')[0].body).toEqual({
      name: 'Grace Church',
      tradition: 'lutheran',
      registrationStatus: 'registered',
      registrationNumber: 'KZ-77',
      registrationDate: '2012-05-04',
      registrationIssuingBody: 'Department of Justice',
      representativeEmail: 'rep@grace.kz',
    });
  });

  it('adds one with its registration number only: the verifier enters the date and issuing body', async () => {
    api.on('GET /api/clubs/club-1/people', { body: { coordinators: [], invitations: [], communities: [] } });
    api.on('POST /api/clubs/club-1/communities', { status: 201, body: { id: 'community-9', name: 'Nur Mosque', registrationStatus: 'registration_pending', invitationSent: false } });
    const { user } = renderApp('/clubs/club-1/people', { locale: 'en' });
    await user.type(await screen.findByTestId('on-behalf-name'), 'Nur Mosque');
    await user.selectOptions(screen.getByTestId('on-behalf-tradition'), 'sunni_islam');
    expect(screen.getByTestId('on-behalf-submit')).toBeDisabled();
    await user.type(screen.getByTestId('on-behalf-number'), 'KZ-78');
    expect(screen.getByText(/the verifying official enters them from the state register/)).toBeInTheDocument();
    await user.click(screen.getByTestId('on-behalf-submit'));
    expect(await screen.findByText('Nur Mosque was added and waits for verification.')).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/clubs/club-1/communities')[0].body).toEqual({ name: 'Nur Mosque', tradition: 'sunni_islam', registrationStatus: 'registered', registrationNumber: 'KZ-78' });
  });
});
