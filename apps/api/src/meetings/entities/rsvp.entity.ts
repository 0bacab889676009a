import { Check, Column, Entity, ManyToOne, PrimaryColumn, Relation, UpdateDateColumn } from 'typeorm';
import { Community } from '../../communities/entities/community.entity';
import { User } from '../../users/entities/user.entity';
import { Meeting } from './meeting.entity';

export type RsvpAnswer = 'yes' | 'no' | 'maybe';

/** A community's answer to a meeting invitation (one per community and meeting). */
@Entity('rsvps')
@Check('rsvp_answer', `answer IN ('yes', 'no', 'maybe')`)
@Check('rsvp_attendees', `attendees >= 0 AND attendees <= 500`)
export class Rsvp {
  @PrimaryColumn({ type: 'uuid' })
  meetingId: string;

  @PrimaryColumn({ type: 'uuid' })
  communityId: string;

  @ManyToOne(() => Meeting, { onDelete: 'CASCADE' })
  meeting: Relation<Meeting>;

  @ManyToOne(() => Community, { onDelete: 'CASCADE' })
  community: Relation<Community>;

  @Column({ type: 'text' })
  answer: RsvpAnswer;

  @Column({ type: 'integer', default: 1 })
  attendees: number;

  @ManyToOne(() => User, { nullable: false, onDelete: 'RESTRICT' })
  respondedBy: Relation<User>;

  @Column({ type: 'uuid' })
  respondedById: string;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
