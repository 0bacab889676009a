import { Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { loadConfig } from '../config/app-config';
import { AccountMailService } from './account-mail.service';

describe('account emails through the outbox', () => {
  const owner = { email: 'aigerim@mail.kz', displayName: 'Aigerim', locale: 'en' as const };
  const manager = () => ({ query: jest.fn().mockResolvedValue([]) }) as unknown as EntityManager & { query: jest.Mock };

  afterEach(() => jest.restoreAllMocks());

  it('writes the link to the log when SMTP_URL is unset, so a newcomer can still follow it', async () => {
    const log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    const db = manager();
    await new AccountMailService(loadConfig({ PUBLIC_URL: 'https://d.example.kz' })).send(db, owner, 'confirm-email', { path: '/confirm-email#secret-1', hours: 24 });
    // One statement for any number of emails: each column an array.
    expect(db.query).toHaveBeenCalledWith(expect.stringContaining('INSERT INTO email_outbox'), [
      ['aigerim@mail.kz'],
      ['Confirm your email address'],
      [expect.stringContaining('https://d.example.kz/confirm-email#secret-1')],
      ['account.confirm-email'],
    ]);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('https://d.example.kz/confirm-email#secret-1'));
  });

  it('keeps links out of the log once emails are really sent', async () => {
    const log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    await new AccountMailService(loadConfig({ SMTP_URL: 'smtp://mail.example.kz:587' })).send(manager(), owner, 'password-reset', { path: '/reset-password#s', minutes: 30 });
    expect(log).not.toHaveBeenCalled();
  });
});
