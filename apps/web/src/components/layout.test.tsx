import { screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { createFakeApi } from '../test/fake-api';
import { almaty, anonymous, astana } from '../test/fixtures';
import { renderApp } from '../test/render-app';

describe('the header on a phone', () => {
  beforeEach(() => {
    createFakeApi({ 'GET /api/auth/me': anonymous, 'GET /api/cities': { body: [almaty, astana] } }).install();
  });

  it('folds the navigation behind a menu button that says whether it is open, and closes it on the next page', async () => {
    const { user } = renderApp('/cities', { locale: 'ru' });
    const menu = await screen.findByRole('button', { name: 'Меню' });
    expect(menu).toHaveAttribute('aria-expanded', 'false');
    expect(menu).toHaveAttribute('aria-controls', 'site-menu');
    expect(document.getElementById('site-menu')).not.toHaveClass('header-menu-open');

    await user.click(menu);
    expect(menu).toHaveAttribute('aria-expanded', 'true');
    expect(document.getElementById('site-menu')).toHaveClass('header-menu-open');

    await user.click(screen.getByRole('link', { name: 'Войти' }));
    await waitFor(() => expect(menu).toHaveAttribute('aria-expanded', 'false'));
  });
});
