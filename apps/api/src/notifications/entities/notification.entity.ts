import { Check, Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import type { NotificationKind } from '@dastarkhan/domain';
import { User } from '../../users/entities/user.entity';

/**
 * One in-app notification for one user. The text is rendered by the client in the reader's
 * language from `kind` and `params`; `params` holds only what this recipient may see (a
 * non-registered community's name is left out for anyone who may not know it).
 */
@Entity('notifications')
@Index('notification_inbox', ['user', 'createdAt'])
// The unread count every signed-in tab polls reads unread rows only.
@Index('notification_unread', ['user'], { where: 'read_at IS NULL' })
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => User, { nullable: false, onDelete: 'CASCADE' })
  user: Relation<User>;

  @Column({ type: 'uuid' })
  userId: string;

  @Column({ type: 'text' })
  kind: NotificationKind;

  @Column({ type: 'jsonb', default: {} })
  params: Record<string, string | null>;

  /** In-app path the notification opens, e.g. `/participations/<id>/progress`. */
  @Column({ type: 'text', nullable: true })
  link: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  readAt: Date | null;
}

/**
 * Emails waiting to be sent, written in the same transaction as the event they tell about (an
 * outbox: no email for a rolled-back change, none lost on a crash). Sent through SMTP when
 * configured; otherwise they stay pending here, viewable by an administrator.
 */
@Entity('email_outbox')
@Check('email_outbox_status', `status IN ('pending', 'sent', 'failed')`)
@Index('email_outbox_due', ['status', 'nextAttemptAt'])
// The administrator's outbox page, newest first (read backwards).
@Index('email_outbox_newest', ['createdAt', 'id'])
export class EmailOutboxMessage {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  toAddress: string;

  @Column({ type: 'text' })
  subject: string;

  @Column({ type: 'text' })
  body: string;

  /** The notification kind the email tells about (shown to administrators in place of a protected body). */
  @Column({ type: 'text', nullable: true })
  kind: string | null;

  /** The community the email is about: its body is withheld from administrators while it is protected, and erased with it (P11, P12). */
  @Column({ type: 'uuid', nullable: true })
  communityId: string | null;

  @Column({ type: 'text', default: 'pending' })
  status: 'pending' | 'sent' | 'failed';

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt: Date;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;
}
