import { Injectable, Logger } from '@nestjs/common';
import type { Locale } from '@dastarkhan/domain';
import { EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { renderAccountEmail, type AccountEmailKind } from './email/account-emails';

export interface AccountOwner {
  email: string;
  displayName: string;
  locale: Locale;
}

/** The outbox kind of an account email: `account.<kind>` beside the notification kinds. */
export const accountEmailKind = (kind: AccountEmailKind) => `account.${kind}`;

/**
 * Emails about the account to its owner, through the email outbox (sent by SMTP when SMTP_URL is
 * set). Without SMTP_URL a link is also written to the log, so a developer can follow it.
 */
@Injectable()
export class AccountMailService {
  private readonly logger = new Logger('AccountMail');

  constructor(private readonly config: AppConfig) {}

  async send(
    manager: EntityManager,
    to: AccountOwner,
    kind: AccountEmailKind,
    options: { path?: string; minutes?: number; hours?: number } = {},
  ): Promise<void> {
    const link = options.path ? `${this.config.PUBLIC_URL.replace(/\/+$/, '')}${options.path}` : undefined;
    const { subject, body } = renderAccountEmail(to.locale, kind, { name: to.displayName, link, minutes: options.minutes, hours: options.hours });
    await manager.query(`INSERT INTO email_outbox (to_address, subject, body, kind) VALUES ($1, $2, $3, $4)`, [
      to.email,
      subject,
      body,
      accountEmailKind(kind),
    ]);
    if (link && !this.config.SMTP_URL) this.logger.log(`SMTP_URL is unset: the ${kind} link for ${to.email} is ${link}`);
  }
}
