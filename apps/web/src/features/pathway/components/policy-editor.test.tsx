import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { createFakeApi, type FakeApi } from '../../../test/fake-api';
import { club, coordinator, representative } from '../../../test/fixtures';
import { renderApp } from '../../../test/render-app';
import { policy } from '../test-fixtures';

const administrator = representative([], {
  id: 'user-admin',
  displayName: 'Admin',
  roles: [{ role: 'administrator', clubId: null, communityId: null, region: null }],
});

describe('pathway policy editor', () => {
  let api: FakeApi;

  beforeEach(() => {
    api = createFakeApi({
      'GET /api/auth/me': { body: coordinator(['club-1']) },
      'GET /api/clubs/club-1': { body: club({ viewerIsCoordinator: true }) },
      'GET /api/clubs/club-1/pathway-policy': { body: { inForce: policy(), override: policy() } },
    });
    api.install();
  });

  it('shows each milestone with its switch and threshold, and the version in force', async () => {
    renderApp('/clubs/club-1/pathway-policy');

    expect(await screen.findByTestId('policy-version')).toHaveTextContent('Current version: 3');
    expect(screen.getByRole('switch', { name: 'Meetings attended: Required' })).toBeChecked();
    expect(screen.getByRole('spinbutton', { name: 'Meetings attended: Minimum' })).toHaveValue(6);
    expect(screen.getByRole('switch', { name: 'Sponsors among member communities: Required' })).not.toBeChecked();
    expect(screen.getByRole('spinbutton', { name: 'Sponsors among member communities: Minimum' })).toBeDisabled();
  });

  it('sends switched-off milestones as null, no fields and false, and shows the new version', async () => {
    api.on('PUT /api/clubs/club-1/pathway-policy', ({ body }) => ({
      body: { inForce: policy({ id: 'pol-4', version: 4, ...(body as object) }), override: policy({ id: 'pol-4', version: 4 }) },
    }));
    const { user } = renderApp('/clubs/club-1/pathway-policy');

    await user.click(await screen.findByRole('switch', { name: 'Meetings attended: Required' }));
    await user.click(screen.getByRole('switch', { name: 'No open official concern: Required' }));
    for (const field of ['leaders', 'meeting place', 'approximate size', 'activities']) {
      await user.click(screen.getByRole('checkbox', { name: field }));
    }
    const projects = screen.getByRole('spinbutton', { name: 'Joint projects with confirmed contributions: Minimum' });
    await user.clear(projects);
    await user.type(projects, '3');
    await user.click(screen.getByTestId('policy-save'));

    expect(await screen.findByText('Saved as version 4.')).toBeInTheDocument();
    expect(api.callsTo('PUT', '/api/clubs/club-1/pathway-policy')[0].body).toEqual({
      minMonthsAsObserver: 6,
      minMeetingsAttended: null,
      minAttendanceRate: 75,
      minJointProjects: 3,
      transparencyFields: [],
      minSponsors: null,
      noOpenConcern: false,
    });
  });

  it('says when the club still follows the national default', async () => {
    api.on('GET /api/clubs/club-1/pathway-policy', { body: { inForce: policy({ scope: 'national', clubId: null, version: 1 }), override: null } });
    renderApp('/clubs/club-1/pathway-policy', { locale: 'kk' });
    expect(await screen.findByText('Клуб өз саясатын сақтағанға дейін ұлттық әдепкі саясатты ұстанады.')).toBeInTheDocument();
  });

  it('lets the administrator switch a national milestone back on with a threshold', async () => {
    api.on('GET /api/auth/me', { body: administrator });
    api.on('GET /api/pathway-policy', { body: policy({ scope: 'national', clubId: null, version: 2 }) });
    api.on('PUT /api/pathway-policy', { body: policy({ scope: 'national', clubId: null, version: 3, minSponsors: 1 }) });
    const { user } = renderApp('/admin/pathway-policy');

    await user.click(await screen.findByRole('switch', { name: 'Sponsors among member communities: Required' }));
    const sponsors = screen.getByRole('spinbutton', { name: 'Sponsors among member communities: Minimum' });
    await user.clear(sponsors);
    await user.type(sponsors, '1');
    await user.click(screen.getByTestId('policy-save'));

    expect(await screen.findByText('Saved as version 3.')).toBeInTheDocument();
    expect(api.callsTo('PUT', '/api/pathway-policy')[0].body).toMatchObject({ minSponsors: 1, minMeetingsAttended: 6, noOpenConcern: true });
  });

  it('is not offered to a representative', async () => {
    api.on('GET /api/auth/me', { body: representative(['com-grace']) });
    renderApp('/admin/pathway-policy');
    expect(await screen.findByRole('alert')).toHaveTextContent('This page is not available to your account.');
  });
});
