import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { LocalizedText } from '../../common/localized-text';

/**
 * A major religious (or national) holiday on a given date. `tradition` null = a national holiday
 * that concerns every community (e.g. Nauryz).
 */
@Entity('holidays')
@Index('holiday_unique', ['tradition', 'date', 'code'], { unique: true })
// The index above treats NULL traditions as distinct, so national holidays need their own.
@Index('holiday_national_unique', ['date', 'code'], { unique: true, where: 'tradition IS NULL' })
export class Holiday {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Raised by every save; a save naming an older version is refused (409), so no update is lost. */
  @Column({ type: 'integer', default: 1 })
  version: number;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text', nullable: true })
  tradition: string | null;

  @Index()
  @Column({ type: 'date' })
  date: string;

  /** Holidays spanning several days (e.g. Nauryz 21–23 March). */
  @Column({ type: 'integer', default: 1 })
  days: number;

  @Column({ type: 'jsonb' })
  name: LocalizedText;
}
