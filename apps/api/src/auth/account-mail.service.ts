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

export interface AccountEmailOptions {
  path?: string;
  minutes?: number;
  hours?: number;
}

/** A rendered email for the outbox; `link` only for the log when SMTP is unset. */
export interface OutboxEmail {
  toAddress: string;
  subject: string;
  body: string;
  kind: string;
  link?: string;
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
    options: AccountEmailOptions = {},
  ): Promise<void> {
    await this.queue(manager, [this.render(to, kind, options)]);
  }

  /** One account email, rendered in its owner's language, ready for the outbox. */
  render(to: AccountOwner, kind: AccountEmailKind, options: AccountEmailOptions = {}): OutboxEmail {
    const link = options.path ? `${this.config.PUBLIC_URL.replace(/\/+$/, '')}${options.path}` : undefined;
    const { subject, body } = renderAccountEmail(to.locale, kind, { name: to.displayName, link, minutes: options.minutes, hours: options.hours });
    return { toAddress: to.email, subject, body, kind: accountEmailKind(kind), link };
  }

  /** Puts rendered emails into the outbox with one statement, however many (a roster import sends hundreds). */
  async queue(manager: EntityManager, emails: OutboxEmail[]): Promise<void> {
    if (emails.length === 0) return;
    await manager.query(
      `INSERT INTO email_outbox (to_address, subject, body, kind) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])`,
      [emails.map((e) => e.toAddress), emails.map((e) => e.subject), emails.map((e) => e.body), emails.map((e) => e.kind)],
    );
    if (this.config.SMTP_URL) return;
    for (const email of emails) if (email.link) this.logger.log(`SMTP_URL is unset: the ${email.kind} link for ${email.toAddress} is ${email.link}`);
  }
}
