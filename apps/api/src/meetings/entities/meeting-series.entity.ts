import { Column, CreateDateColumn, Entity, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { Club } from '../../clubs/entities/club.entity';

/** A recurring meeting: the rule (RFC 5545 RRULE in Asia/Almaty wall time) its occurrences came from. */
@Entity('meeting_series')
export class MeetingSeries {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => Club, { nullable: false, onDelete: 'RESTRICT' })
  club: Relation<Club>;

  @Column({ type: 'uuid' })
  clubId: string;

  @Column({ type: 'text' })
  rrule: string;

  @Column({ type: 'timestamptz' })
  firstStartsAt: Date;

  @Column({ type: 'integer' })
  durationMinutes: number;

  /** Local dates (YYYY-MM-DD) the rule yields but the series leaves out (RFC 5545 EXDATE). */
  @Column({ type: 'date', array: true, default: '{}' })
  skipDates: string[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
