import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * A time-driven notice already sent (a meeting's day-before reminder, an overdue action item):
 * the primary key lets each be sent once, whichever replica's sweep gets there first. `occasion`
 * is what the notice was about at the time (the meeting's start, the due date), so a meeting moved
 * to another day is reminded of again.
 */
@Entity('scheduled_notices')
export class ScheduledNotice {
  @PrimaryColumn({ type: 'text' })
  kind: string;

  @PrimaryColumn({ type: 'uuid' })
  subjectId: string;

  @PrimaryColumn({ type: 'text' })
  occasion: string;

  @CreateDateColumn({ type: 'timestamptz' })
  sentAt: Date;
}
