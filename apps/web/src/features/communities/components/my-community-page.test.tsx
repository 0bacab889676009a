import type { Schemas } from '@dastarkhan/api-client';
import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { apiError, createFakeApi, type FakeApi } from '../../../test/fake-api';
import { community, participationSummary, representative } from '../../../test/fixtures';
import { renderApp } from '../../../test/render-app';

describe('my community page', () => {
  let api: FakeApi;

  beforeEach(() => {
    api = createFakeApi({
      'GET /api/auth/me': { body: representative(['com-grace']) },
      'GET /api/communities/mine': { body: [community({ leaders: 'Pastor Ivan' })] },
      'GET /api/communities/com-grace/participations': {
        body: [
          participationSummary({ id: 'part-1', status: 'observer', clubName: 'Almaty Multi-Faith Club' }),
          participationSummary({ id: 'part-2', status: 'declined', clubId: 'club-2', clubName: 'Astana Club' }),
        ],
      },
    });
    api.install();
  });

  it("lists the community's participations with their status and a link to each record", async () => {
    renderApp('/my-community');

    const list = await screen.findByRole('region', { name: 'Clubs' });
    const link = await within(list).findByRole('link', { name: 'Almaty Multi-Faith Club' });
    expect(link).toHaveAttribute('href', '/participations/part-1');
    const statuses = within(list).getAllByTestId('status-badge').map((badge) => badge.dataset.status);
    expect(statuses.sort()).toEqual(['declined', 'observer']);
    expect(within(list).getByRole('link', { name: 'Find a club to apply to' })).toHaveAttribute('href', '/cities');
  });

  it('lists the observers the community sponsors, linking to their progress', async () => {
    api.on('GET /api/communities/com-grace/sponsorships', {
      body: [
        {
          id: 'spon-1',
          participationId: 'part-lotus',
          clubId: 'club-1',
          clubName: 'Almaty Multi-Faith Club',
          observer: { id: 'com-lotus', name: 'Lotus Sangha', tradition: 'buddhism', registrationStatus: 'not_registered' },
          observerStatus: 'observer',
          sponsorCommunityId: 'com-grace',
          statement: 'We cleaned the river bank together.',
          createdAt: '2025-04-01T06:00:00.000Z',
          withdrawnAt: null,
        },
      ],
    });
    renderApp('/my-community');

    const section = await screen.findByRole('region', { name: 'Communities we sponsor' });
    expect(within(section).getByRole('link', { name: 'Lotus Sangha' })).toHaveAttribute('href', '/participations/part-lotus/progress?club=club-1');
    expect(section).toHaveTextContent('Sponsored on Apr 1, 2025');
  });

  it('saves the transparency profile and the consent for officials', async () => {
    api.on('PATCH /api/communities/com-grace', ({ body }) => ({
      body: community({ ...(body as object), officialConsentAt: '2025-04-01T06:00:00.000Z' }),
    }));
    const { user } = renderApp('/my-community');

    const meetingPlace = await screen.findByLabelText('Meeting place');
    expect(screen.getByLabelText('Leaders')).toHaveValue('Pastor Ivan');
    await user.type(meetingPlace, 'Abay Avenue 10');
    await user.type(screen.getByLabelText('Approximate size (people)'), '40');
    await user.click(screen.getByLabelText('Show our community publicly'));
    await user.click(screen.getByLabelText('We consent to officials seeing our participation record'));
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    expect(screen.getByTestId('consent-date')).toHaveTextContent(/^Consent given on Apr 1, 2025$/);
    expect(api.callsTo('PATCH', '/api/communities/com-grace')[0].body).toMatchObject({
      name: 'Grace Church',
      leaders: 'Pastor Ivan',
      meetingPlace: 'Abay Avenue 10',
      approximateSize: 40,
      isPublic: true,
      officialConsent: true,
    });
  });

  describe('registration claim', () => {
    const claim = (overrides: Partial<Schemas['RegistrationClaimDto']> = {}): Schemas['RegistrationClaimDto'] => ({
      id: 'claim-1',
      status: 'pending',
      registrationNumber: 'KZ-0042',
      registrationDate: '2019-05-20',
      issuingBody: 'Department of Justice of Almaty',
      claimedAt: '2026-11-02T06:00:00.000Z',
      decidedAt: null,
      rejectionReason: null,
      ...overrides,
    });

    it('files a claim with the issuing body, and says it waits for an official to verify it', async () => {
      api.on('PATCH /api/communities/com-grace', ({ body }) => ({
        // The API keeps the community not registered: it only files the claim.
        body: community({ ...(body as object), registrationStatus: 'not_registered', registrationNumber: null, registrationDate: null, registrationIssuingBody: null, registrationClaim: claim() }),
      }));
      const { user } = renderApp('/my-community');

      await user.selectOptions(await screen.findByLabelText('State registration'), 'Registered');
      expect(screen.getByTestId('registration-claim-note')).toHaveTextContent('Until they verify it, your community counts as not registered');
      await user.type(screen.getByLabelText('Registration number'), 'KZ-0042');
      await user.type(screen.getByLabelText('Registration date'), '2019-05-20');
      await user.type(screen.getByLabelText('Issuing body'), 'Department of Justice of Almaty');
      await user.click(screen.getByRole('button', { name: 'Save' }));

      const status = await screen.findByTestId('registration-claim');
      expect(status).toHaveAttribute('data-status', 'pending');
      expect(status).toHaveTextContent('Claimed registered — waiting for an official to verify it (No. KZ-0042 of May 20, 2019, Department of Justice of Almaty).');
      expect(api.callsTo('PATCH', '/api/communities/com-grace')[0].body).toMatchObject({
        registrationStatus: 'registered',
        registrationNumber: 'KZ-0042',
        registrationDate: '2019-05-20',
        registrationIssuingBody: 'Department of Justice of Almaty',
      });

      // Saving the profile again does not file the same claim a second time.
      await user.type(screen.getByLabelText('Activities'), 'Sunday school');
      await user.click(screen.getByRole('button', { name: 'Save' }));
      await screen.findByText('Saved.');
      const second = api.callsTo('PATCH', '/api/communities/com-grace')[1].body as Record<string, unknown>;
      expect(second).toMatchObject({ activities: 'Sunday school' });
      expect(Object.keys(second)).not.toContain('registrationStatus');
      expect(Object.keys(second)).not.toContain('registrationNumber');
    });

    it('shows a waiting claim in the form, and explains a second claim being refused', async () => {
      api.on('GET /api/communities/mine', { body: [community({ registrationClaim: claim() })] });
      api.on('PATCH /api/communities/com-grace', apiError(409, 'REGISTRATION.CLAIM_PENDING'));
      const { user } = renderApp('/my-community', { locale: 'ru' });

      expect(await screen.findByLabelText('Регистрационный номер')).toHaveValue('KZ-0042');
      const number = screen.getByLabelText('Регистрационный номер');
      await user.clear(number);
      await user.type(number, 'KZ-0043');
      await user.click(screen.getByRole('button', { name: 'Сохранить' }));

      expect(await screen.findByText(/^Заявление о регистрации уже ждёт проверки представителем государства\./)).toHaveAttribute('role', 'alert');
    });

    it.each([
      ['en', 'Your registration claim was rejected: No such entry in the register of Almaty.'],
      ['kk', 'Тіркеу туралы өтінішіңіз қабылданбады: No such entry in the register of Almaty.'],
      ['ru', 'Ваше заявление о регистрации отклонено: No such entry in the register of Almaty.'],
    ] as const)('shows a rejected claim with its reason (%s)', async (locale, text) => {
      api.on('GET /api/communities/mine', {
        body: [community({ registrationClaim: claim({ status: 'rejected', decidedAt: '2026-11-10T06:00:00.000Z', rejectionReason: 'No such entry in the register of Almaty.' }) })],
      });
      renderApp('/my-community', { locale });
      const status = await screen.findByTestId('registration-claim');
      expect(status).toHaveAttribute('data-status', 'rejected');
      expect(status).toHaveTextContent(text);
      // Nothing waits: the form shows the community as it stands, not registered.
      expect(screen.queryByTestId('registration-claim-note')).not.toBeInTheDocument();
    });

    it('shows a verified registration', async () => {
      api.on('GET /api/communities/mine', {
        body: [
          community({
            registrationStatus: 'registered',
            registrationNumber: 'KZ-0042',
            registrationDate: '2019-05-20',
            registrationIssuingBody: 'Department of Justice of Almaty',
            registrationClaim: claim({ status: 'verified', decidedAt: '2026-11-10T06:00:00.000Z' }),
          }),
        ],
      });
      renderApp('/my-community');
      expect(await screen.findByTestId('registration-claim')).toHaveTextContent('Registration verified (No. KZ-0042 of May 20, 2019, Department of Justice of Almaty).');
      expect(screen.getByLabelText('Issuing body')).toHaveValue('Department of Justice of Almaty');
    });
  });

  describe('erasure', () => {
    beforeEach(() => {
      api.on('GET /api/communities/com-grace/participations', {
        body: [
          participationSummary({ id: 'part-1', status: 'withdrawn' }),
          participationSummary({ id: 'part-2', status: 'declined', clubId: 'club-2', clubName: 'Astana Club' }),
        ],
      });
    });

    it('is not offered while the community takes part in a club', async () => {
      api.on('GET /api/communities/com-grace/participations', { body: [participationSummary({ status: 'observer' })] });
      renderApp('/my-community');
      await screen.findByRole('region', { name: 'Clubs' });
      await screen.findAllByTestId('status-badge');
      expect(screen.queryByTestId('erasure')).not.toBeInTheDocument();
    });

    it('explains what goes and what stays, erases after the confirmation, and signs the representative out', async () => {
      api.on('POST /api/communities/com-grace/erasure', { body: community({ erasedAt: '2026-12-01T06:00:00.000Z' }) });
      const { user, router } = renderApp('/my-community');

      const section = await screen.findByTestId('erasure');
      await user.click(within(section).getByTestId('erase-community'));
      expect(section).toHaveTextContent("Erase your community's personal data? This cannot be undone.");
      expect(section).toHaveTextContent("Kept: the community's name and its aggregate history");
      expect(section).toHaveTextContent('You will be signed out');
      expect(api.callsTo('POST', '/api/communities/com-grace/erasure')).toHaveLength(0);

      await user.click(within(section).getByTestId('confirm-erasure'));

      expect(await screen.findByTestId('erased-notice')).toHaveTextContent("Your community's data was erased and you were signed out.");
      expect(router.state.location.pathname).toBe('/login');
      expect(screen.queryByTestId('current-user')).not.toBeInTheDocument();
      expect(api.callsTo('POST', '/api/communities/com-grace/erasure')).toHaveLength(1);
    });

    it('says why the API refuses while an application is still open', async () => {
      api.on('POST /api/communities/com-grace/erasure', apiError(409, 'COMMUNITY.HAS_LIVE_PARTICIPATIONS'));
      const { user } = renderApp('/my-community', { locale: 'kk' });

      const section = await screen.findByTestId('erasure');
      await user.click(within(section).getByTestId('erase-community'));
      await user.click(within(section).getByTestId('confirm-erasure'));
      expect(await within(section).findByRole('alert')).toHaveTextContent('Қауымдастығыңыз әлі клубқа қатысады немесе өтінім берген.');
    });
  });
});
