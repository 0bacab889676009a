import { Check, Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn, Relation, UpdateDateColumn } from 'typeorm';
import { Club } from '../../clubs/entities/club.entity';
import { Community } from '../../communities/entities/community.entity';
import { User } from '../../users/entities/user.entity';
import { Meeting } from './meeting.entity';

export type ActionItemStatus = 'open' | 'done';

/** Something a meeting decided to do; open items carry over to the club's next meetings until done. */
@Entity('action_items')
@Check('action_item_status', `status IN ('open', 'done')`)
@Check('action_item_owner', `owner_community_id IS NOT NULL OR owner_name IS NOT NULL`)
@Index('action_item_club_status', ['club', 'status'])
export class ActionItem {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Raised by every save; a save naming an older version is refused (409), so no update is lost. */
  @Column({ type: 'integer', default: 1 })
  version: number;

  @ManyToOne(() => Club, { nullable: false, onDelete: 'RESTRICT' })
  club: Relation<Club>;

  @Column({ type: 'uuid' })
  clubId: string;

  @ManyToOne(() => Meeting, { nullable: false, onDelete: 'RESTRICT' })
  meeting: Relation<Meeting>;

  @Column({ type: 'uuid' })
  meetingId: string;

  @Column({ type: 'text' })
  title: string;

  @ManyToOne(() => Community, { nullable: true, onDelete: 'SET NULL' })
  ownerCommunity: Relation<Community> | null;

  @Column({ type: 'uuid', nullable: true })
  ownerCommunityId: string | null;

  /** A person, when the owner is not a community (e.g. an official). */
  @Column({ type: 'text', nullable: true })
  ownerName: string | null;

  @Column({ type: 'date' })
  dueDate: string;

  @Column({ type: 'text', default: 'open' })
  status: ActionItemStatus;

  @Column({ type: 'timestamptz', nullable: true })
  doneAt: Date | null;

  @ManyToOne(() => User, { nullable: false, onDelete: 'RESTRICT' })
  createdBy: Relation<User>;

  @Column({ type: 'uuid' })
  createdById: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
