import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';

/** The nodemailer transport built from SMTP_URL, or null when it is unset (nothing is sent). */
export const MAIL_TRANSPORT = Symbol('MAIL_TRANSPORT');

/** After this many failed tries a message is marked failed for an administrator to see. */
export const MAX_ATTEMPTS = 5;
const POLL_MS = 5_000;
const BATCH = 20;
/** A claimed message is due again after this, should the replica that claimed it die while sending. */
const LEASE = '5 minutes';

/** Seconds before the next try after `attempts` failed ones: 1, 2, 4, 8 minutes. */
export function retryDelaySeconds(attempts: number): number {
  return 60 * 2 ** (Math.max(attempts, 1) - 1);
}

interface ClaimedMessage {
  id: string;
  to_address: string;
  subject: string;
  body: string;
  attempts: number;
}

/**
 * Sends the email outbox through SMTP. Stateless: every replica may poll, and a message is claimed
 * with `FOR UPDATE SKIP LOCKED` plus a lease, so no two replicas send it at once. A replica that
 * shuts down finishes the message it is sending and hands the rest of its batch back at once
 * (instead of leaving them leased for minutes).
 */
@Injectable()
export class OutboxSender implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxSender.name);
  private timer: NodeJS.Timeout | null = null;
  private round: Promise<unknown> = Promise.resolve();
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
    @Inject(MAIL_TRANSPORT) private readonly transport: Transporter | null,
  ) {}

  onApplicationBootstrap(): void {
    if (this.transport) this.schedule(0);
  }

  /** Before the database connections close (onApplicationShutdown), so the leases can still be released. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.round;
    this.transport?.close();
  }

  /** Claims the due messages a batch at a time and tries each once; returns how many were sent. */
  async sendDue(): Promise<number> {
    const transport = this.transport;
    if (!transport) return 0;
    let sent = 0;
    for (;;) {
      const [claimed]: [ClaimedMessage[], number] = await this.db.query(
        `UPDATE email_outbox SET attempts = attempts + 1, next_attempt_at = now() + interval '${LEASE}'
          WHERE id IN (SELECT id FROM email_outbox
                        WHERE status = 'pending' AND next_attempt_at <= now()
                        ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED)
          RETURNING id, to_address, subject, body, attempts`,
        [BATCH],
      );
      for (const [index, message] of claimed.entries()) {
        if (this.stopped) {
          await this.release(claimed.slice(index));
          return sent;
        }
        if (await this.send(transport, message)) sent += 1;
      }
      // A full batch may leave more behind; a failed message is due later, so this ends.
      if (claimed.length < BATCH || this.stopped) return sent;
    }
  }

  private async send(transport: Transporter, message: ClaimedMessage): Promise<boolean> {
    try {
      await transport.sendMail({ from: this.config.MAIL_FROM, to: message.to_address, subject: message.subject, text: message.body });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.logger.warn(`Email ${message.id} not sent (attempt ${message.attempts}): ${reason}`);
      await this.db.query(
        `UPDATE email_outbox SET last_error = $2, status = CASE WHEN attempts >= $3 THEN 'failed' ELSE 'pending' END,
                next_attempt_at = now() + make_interval(secs => $4)
          WHERE id = $1`,
        [message.id, reason.slice(0, 1000), MAX_ATTEMPTS, retryDelaySeconds(message.attempts)],
      );
      return false;
    }
    await this.db.query(`UPDATE email_outbox SET status = 'sent', sent_at = now(), last_error = NULL WHERE id = $1`, [message.id]);
    return true;
  }

  /** Claimed but not tried: due again now, for another replica, and the claim does not count as a try. */
  private async release(messages: ClaimedMessage[]): Promise<void> {
    await this.db.query(`UPDATE email_outbox SET attempts = attempts - 1, next_attempt_at = now() WHERE id = ANY($1) AND status = 'pending'`, [
      messages.map((message) => message.id),
    ]);
  }

  private schedule(delay: number): void {
    this.timer = setTimeout(() => {
      this.round = this.sendDue()
        .catch((error: unknown) => this.logger.error(error, 'Email outbox round failed'))
        .finally(() => {
          if (!this.stopped) this.schedule(POLL_MS);
        });
    }, delay);
  }
}
