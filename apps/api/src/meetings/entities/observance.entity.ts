import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { LocalizedText } from '../../common/localized-text';

/**
 * A weekly time a tradition keeps — Friday prayer, Shabbat from Friday sunset, Sunday worship —
 * that meeting planning warns about when a community of that tradition takes part in the club.
 * From `weekday` at `startTime` to `endWeekday` at `endTime`, Almaty wall time (ISO weekdays,
 * 1 Monday … 7 Sunday). Administrators keep it, like the holidays.
 */
@Entity('weekly_observances')
@Index('weekly_observance_unique', ['tradition', 'code'], { unique: true })
@Check('weekly_observance_weekdays', `weekday BETWEEN 1 AND 7 AND end_weekday BETWEEN 1 AND 7`)
export class WeeklyObservance {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Raised by every save; a save naming an older version is refused (409), so no update is lost. */
  @Column({ type: 'integer', default: 1 })
  version: number;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  tradition: string;

  @Column({ type: 'integer' })
  weekday: number;

  @Column({ type: 'time' })
  startTime: string;

  @Column({ type: 'integer' })
  endWeekday: number;

  @Column({ type: 'time' })
  endTime: string;

  @Column({ type: 'jsonb' })
  name: LocalizedText;
}
