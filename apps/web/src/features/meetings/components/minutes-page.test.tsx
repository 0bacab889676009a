import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { createFakeApi, type FakeApi } from '../../../test/fake-api';
import { actionItem, communityRef, coordinator, meeting } from '../../../test/fixtures';
import { renderApp } from '../../../test/render-app';

describe('minutes page', () => {
  let api: FakeApi;

  beforeEach(() => {
    api = createFakeApi({
      'GET /api/auth/me': { body: coordinator(['club-1']) },
      'GET /api/meetings/meeting-1': { body: meeting({ viewerIsCoordinator: true }) },
      'GET /api/meetings/meeting-1/minutes': { body: { minutes: '', decisions: [], publishedAt: null } },
      'GET /api/meetings/meeting-1/action-items': { body: { created: [], carriedOver: [] } },
      'GET /api/meetings/meeting-1/attendance': {
        body: [{ communityId: 'com-grace', community: communityRef(), status: 'present', role: 'observer', method: 'coordinator', version: 1, updatedAt: null }],
      },
    });
    api.install();
  });

  it('publishes the minutes with their decisions', async () => {
    api.on('PUT /api/meetings/meeting-1/minutes', ({ body }) => {
      const input = body as { minutes: string; decisions: string[] };
      return {
        body: {
          minutes: input.minutes,
          decisions: input.decisions.map((text, index) => ({ id: `d${index}`, position: index + 1, text })),
          publishedAt: '2026-12-01T15:30:00.000Z',
        },
      };
    });
    const { user } = renderApp('/meetings/meeting-1/minutes');

    await user.type(await screen.findByLabelText('Minutes'), 'Twelve people from six communities attended.');
    await user.click(screen.getByRole('button', { name: 'Add decision' }));
    await user.type(screen.getByLabelText('Decision 1'), 'Hold the clean-up on 12 April');
    await user.click(screen.getByRole('button', { name: 'Publish minutes' }));

    expect(await screen.findByTestId('minutes-published')).toHaveTextContent('Published on Dec 1, 2026');
    expect(api.callsTo('PUT', '/api/meetings/meeting-1/minutes')[0].body).toEqual({
      minutes: 'Twelve people from six communities attended.',
      decisions: ['Hold the clean-up on 12 April'],
      publish: true,
    });
  });

  it('adds an action item owned by an invited community, with a due date', async () => {
    api.on('POST /api/meetings/meeting-1/action-items', ({ body }) => {
      const created = actionItem({ id: 'item-new', meetingId: 'meeting-1', title: (body as { title: string }).title, dueDate: '2026-12-20' });
      api.on('GET /api/meetings/meeting-1/action-items', { body: { created: [created], carriedOver: [] } });
      return { status: 201, body: created };
    });
    const { user } = renderApp('/meetings/meeting-1/minutes');

    await user.type(await screen.findByLabelText('What needs to be done'), 'Ask the akimat for the park');
    await user.selectOptions(await screen.findByLabelText('Owner community'), 'Grace Church');
    const due = screen.getByLabelText('Due date');
    await user.clear(due);
    await user.type(due, '2026-12-20');
    await user.click(screen.getByRole('button', { name: 'Add action item' }));

    const list = await screen.findByTestId('meeting-action-items');
    expect(await within(list).findByText('Ask the akimat for the park')).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/meetings/meeting-1/action-items')[0].body).toEqual({
      title: 'Ask the akimat for the park',
      ownerCommunityId: 'com-grace',
      dueDate: '2026-12-20',
    });
  });
});
