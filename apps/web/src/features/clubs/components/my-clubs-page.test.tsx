import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFakeApi } from '../../../test/fake-api';
import { club, coordinator } from '../../../test/fixtures';
import { renderApp } from '../../../test/render-app';

describe('my clubs page', () => {
  it('lists the clubs a coordinator runs with their pending applications', async () => {
    const api = createFakeApi({
      'GET /api/auth/me': { body: coordinator(['club-1']) },
      'GET /api/clubs?coordinatedByMe=true&limit=200': { body: { items: [club({ pendingApplications: 3, awaitingDecision: 1 })], nextAfter: null } },
    });
    api.install();
    renderApp('/my-clubs');

    const pending = await screen.findByRole('link', { name: 'Pending applications: 3' });
    expect(pending).toHaveAttribute('href', '/clubs/club-1/applications');
    expect(screen.getByRole('link', { name: 'Candidacies awaiting your decision: 1' })).toHaveAttribute('href', '/clubs/club-1#group-candidate');
    expect(screen.getByRole('link', { name: 'My clubs' })).toBeInTheDocument();
    expect(api.unhandled).toEqual([]);
  });
});
