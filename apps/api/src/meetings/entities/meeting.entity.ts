import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  Relation,
  UpdateDateColumn,
} from 'typeorm';
import { Club } from '../../clubs/entities/club.entity';
import { Community } from '../../communities/entities/community.entity';
import { User } from '../../users/entities/user.entity';
import { MeetingSeries } from './meeting-series.entity';

export type MeetingFormat = 'in_person' | 'online' | 'hybrid';
export type MeetingVisibility = 'public' | 'club';
export type MeetingStatus = 'scheduled' | 'cancelled';

@Entity('meetings')
@Check('meeting_times', `ends_at > starts_at`)
@Check('meeting_format', `format IN ('in_person', 'online', 'hybrid')`)
@Check('meeting_visibility', `visibility IN ('public', 'club')`)
@Check('meeting_status', `status IN ('scheduled', 'cancelled')`)
@Index('meeting_club_time', ['club', 'startsAt'])
export class Meeting {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => Club, { nullable: false, onDelete: 'RESTRICT' })
  club: Relation<Club>;

  @Column({ type: 'uuid' })
  clubId: string;

  @ManyToOne(() => MeetingSeries, { nullable: true, onDelete: 'SET NULL' })
  series: Relation<MeetingSeries> | null;

  @Column({ type: 'uuid', nullable: true })
  seriesId: string | null;

  /** Edited on its own: changes to the whole series leave it alone. */
  @Column({ type: 'boolean', default: false })
  detached: boolean;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Column({ type: 'timestamptz' })
  endsAt: Date;

  @Column({ type: 'text', default: 'in_person' })
  format: MeetingFormat;

  @Column({ type: 'text', nullable: true })
  onlineLink: string | null;

  /** Free-text venue, or a participating community's place of worship (venueCommunity). */
  @Column({ type: 'text', nullable: true })
  venue: string | null;

  @ManyToOne(() => Community, { nullable: true, onDelete: 'SET NULL' })
  venueCommunity: Relation<Community> | null;

  @Column({ type: 'uuid', nullable: true })
  venueCommunityId: string | null;

  @Column({ type: 'text', default: 'club' })
  visibility: MeetingVisibility;

  @Column({ type: 'text', default: 'scheduled' })
  status: MeetingStatus;

  @Column({ type: 'text', nullable: true })
  cancelReason: string | null;

  /** Short code representatives type to check in at the meeting. */
  @Column({ type: 'text' })
  checkInCode: string;

  @Column({ type: 'text', default: '' })
  minutes: string;

  @Column({ type: 'timestamptz', nullable: true })
  minutesPublishedAt: Date | null;

  /** Raised by every save of the minutes (0: never saved); a save naming an older one is refused (409). */
  @Column({ type: 'integer', default: 0 })
  minutesVersion: number;

  @ManyToOne(() => User, { nullable: false, onDelete: 'RESTRICT' })
  createdBy: Relation<User>;

  @Column({ type: 'uuid' })
  createdById: string;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
