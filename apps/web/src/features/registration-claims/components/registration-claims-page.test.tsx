import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { apiError, createFakeApi, type FakeApi } from '../../../test/fake-api';
import { almaty, coordinator } from '../../../test/fixtures';
import { renderApp } from '../../../test/render-app';
import { official } from '../../reviews/test-fixtures';
import type { RegistrationClaimCase } from '../api/registration-claims';

const CLAIMS = 'GET /api/registration-claims';

function claim(overrides: Partial<RegistrationClaimCase> = {}): RegistrationClaimCase {
  return {
    id: 'claim-1',
    communityId: 'com-grace',
    registeredName: 'Grace Church',
    tradition: 'evangelical_protestant',
    cityName: almaty.name,
    registrationNumber: 'KZ-0042',
    registrationDate: '2019-05-20',
    issuingBody: 'Department of Justice of Almaty',
    status: 'pending',
    claimedAt: '2026-11-02T06:00:00.000Z',
    decidedAt: null,
    decidedByName: null,
    rejectionReason: null,
    ...overrides,
  };
}

const admin = { ...coordinator([]), roles: [{ role: 'administrator' as const, clubId: null, communityId: null, region: null }] };

describe('registration claims', () => {
  let api: FakeApi;

  beforeEach(() => {
    api = createFakeApi({
      'GET /api/auth/me': { body: official() },
      [CLAIMS]: ({ query }) => ({ body: query.get('status') === 'pending' ? [claim(), claim({ id: 'claim-2', registeredName: 'Central Mosque', tradition: 'sunni_islam' })] : [] }),
    });
    api.install();
  });

  it('is linked for officials and lists the waiting claims with the entry to check', async () => {
    const { user } = renderApp('/');
    await user.click(await screen.findByTestId('registration-claims-link'));

    const [grace] = await screen.findAllByTestId('registration-claim-item');
    expect(api.callsTo('GET', '/api/registration-claims')[0].query.get('status')).toBe('pending');
    expect(within(grace).getByRole('heading', { name: 'Grace Church' })).toBeInTheDocument();
    expect(grace).toHaveTextContent('Evangelical Protestant · Almaty · Claimed on Nov 2, 2026');
    expect(within(grace).getByText('Registration number').nextSibling).toHaveTextContent('KZ-0042');
    expect(within(grace).getByText('Registration date').nextSibling).toHaveTextContent('May 20, 2019');
    expect(within(grace).getByText('Issuing body').nextSibling).toHaveTextContent('Department of Justice of Almaty');
  });

  it('verifies a claim after the confirmation, and says so', async () => {
    api.on('POST /api/registration-claims/claim-1/decision', () => {
      api.on(CLAIMS, { body: [claim({ id: 'claim-2', registeredName: 'Central Mosque' })] });
      return { body: claim({ status: 'verified', decidedAt: '2026-11-10T06:00:00.000Z', decidedByName: 'Serik Official' }) };
    });
    const { user } = renderApp('/registration-claims');

    const [grace] = await screen.findAllByTestId('registration-claim-item');
    await user.click(within(grace).getByTestId('claim-verify'));
    expect(grace).toHaveTextContent('Only after finding the same entry in the state register');
    expect(api.callsTo('POST', '/api/registration-claims/claim-1/decision')).toHaveLength(0);
    await user.click(within(grace).getByTestId('claim-confirm-verify'));

    expect(await screen.findByTestId('claim-decided')).toHaveTextContent('The registration of Grace Church is verified.');
    expect(api.callsTo('POST', '/api/registration-claims/claim-1/decision')[0].body).toEqual({ outcome: 'verified' });
    await waitFor(() => expect(screen.getAllByTestId('registration-claim-item')).toHaveLength(1));
  });

  it('asks for the date and issuing body from the register when a claim filed on its behalf lacks them', async () => {
    api.on(CLAIMS, { body: [claim({ registrationDate: null, issuingBody: null })] });
    api.on('POST /api/registration-claims/claim-1/decision', { body: claim({ status: 'verified', registrationDate: '2019-05-20' }) });
    const { user } = renderApp('/registration-claims');

    const [grace] = await screen.findAllByTestId('registration-claim-item');
    expect(within(grace).getByText('Registration date').nextSibling).toHaveTextContent('not given — enter it from the register when verifying');
    expect(within(grace).queryByTestId('claim-registration-date')).not.toBeInTheDocument();
    await user.click(within(grace).getByTestId('claim-verify'));
    expect(grace).toHaveTextContent('filed on the community\'s behalf with its registration number only');
    await user.click(within(grace).getByTestId('claim-confirm-verify'));
    expect(within(grace).getAllByText('Enter it from the state register.')).toHaveLength(2);
    expect(api.callsTo('POST', '/api/registration-claims/claim-1/decision')).toHaveLength(0);

    await user.type(within(grace).getByLabelText('Registration date'), '2019-05-20');
    await user.type(within(grace).getByLabelText('Issuing body'), ' Department of Justice of Almaty ');
    await user.click(within(grace).getByTestId('claim-confirm-verify'));
    expect(await screen.findByTestId('claim-decided')).toHaveTextContent('The registration of Grace Church is verified.');
    expect(api.callsTo('POST', '/api/registration-claims/claim-1/decision')[0].body).toEqual({
      outcome: 'verified',
      registrationDate: '2019-05-20',
      issuingBody: 'Department of Justice of Almaty',
    });
  });

  it('rejects a claim with a reason of at least 10 characters', async () => {
    api.on('POST /api/registration-claims/claim-1/decision', { body: claim({ status: 'rejected' }) });
    const { user } = renderApp('/registration-claims');

    const [grace] = await screen.findAllByTestId('registration-claim-item');
    await user.click(within(grace).getByTestId('claim-reject'));
    await user.type(within(grace).getByTestId('claim-reject-reason'), 'No entry');
    await user.click(within(grace).getByTestId('claim-confirm-reject'));
    expect(within(grace).getByText('Please write at least 10 characters.')).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/registration-claims/claim-1/decision')).toHaveLength(0);

    await user.type(within(grace).getByTestId('claim-reject-reason'), ' under this number in the register of Almaty.');
    await user.click(within(grace).getByTestId('claim-confirm-reject'));

    expect(await screen.findByTestId('claim-decided')).toHaveTextContent('The claim of Grace Church is rejected.');
    expect(api.callsTo('POST', '/api/registration-claims/claim-1/decision')[0].body).toEqual({
      outcome: 'rejected',
      reason: 'No entry under this number in the register of Almaty.',
    });
  });

  it.each([
    ['en', 'Someone else has already decided on this claim. The list has been reloaded.'],
    ['kk', 'Бұл өтініш бойынша басқа біреу шешім қабылдап қойған. Тізім жаңартылды.'],
    ['ru', 'По этому заявлению уже принял решение кто-то другой. Список обновлён.'],
  ] as const)('explains that someone else decided first, and reloads the queue (%s)', async (locale, text) => {
    api.on('POST /api/registration-claims/claim-1/decision', apiError(409, 'REGISTRATION.CLAIM_DECIDED'));
    const { user } = renderApp('/registration-claims', { locale });

    const [grace] = await screen.findAllByTestId('registration-claim-item');
    const loads = api.callsTo('GET', '/api/registration-claims').length;
    await user.click(within(grace).getByTestId('claim-verify'));
    await user.click(within(grace).getByTestId('claim-confirm-verify'));

    expect(await screen.findByTestId('claim-error')).toHaveTextContent(text);
    await waitFor(() => expect(api.callsTo('GET', '/api/registration-claims').length).toBeGreaterThan(loads));
    expect(screen.queryByTestId('claim-decided')).not.toBeInTheDocument();
  });

  it('shows decided claims by status, with who decided and why', async () => {
    api.on(CLAIMS, ({ query }) => ({
      body:
        query.get('status') === 'rejected'
          ? [claim({ status: 'rejected', decidedAt: '2026-11-10T06:00:00.000Z', decidedByName: 'Dana Admin', rejectionReason: 'No such entry in the register.' })]
          : [],
    }));
    const { user } = renderApp('/registration-claims');

    expect(await screen.findByText('No claim is waiting for verification.')).toBeInTheDocument();
    await user.selectOptions(screen.getByTestId('claims-status'), 'rejected');

    const item = await screen.findByTestId('registration-claim-item');
    expect(item).toHaveAttribute('data-status', 'rejected');
    expect(within(item).getByTestId('claim-decision')).toHaveTextContent('Rejected on Nov 10, 2026, 11:00 AM · Dana Admin');
    expect(item).toHaveTextContent('Reason: No such entry in the register.');
    expect(within(item).queryByTestId('claim-verify')).not.toBeInTheDocument();
  });

  it('is linked for administrators too, and refused to others', async () => {
    api.on('GET /api/auth/me', { body: admin });
    const view = renderApp('/');
    expect(await screen.findByTestId('registration-claims-link')).toHaveAttribute('href', '/registration-claims');
    view.unmount();

    api.on('GET /api/auth/me', { body: coordinator() });
    renderApp('/registration-claims');
    expect(await screen.findByText('This page is not available to your account.')).toBeInTheDocument();
    expect(screen.queryByTestId('registration-claims-link')).not.toBeInTheDocument();
    expect(api.callsTo('GET', '/api/registration-claims')).toHaveLength(0);
  });
});
