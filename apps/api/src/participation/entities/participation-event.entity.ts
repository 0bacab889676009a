import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import type { ParticipationStatus } from '@dastarkhan/domain';
import { Participation } from './participation.entity';
import { User } from '../../users/entities/user.entity';

/**
 * One step of a participation's history, kept forever: the evidence that the pathway is fair.
 * `sequence` equals the participation's version after the step, so a gap or a duplicate is
 * impossible (unique per participation).
 */
@Entity('participation_events')
@Index('participation_event_sequence', ['participation', 'sequence'], { unique: true })
export class ParticipationEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => Participation, (participation) => participation.events, { nullable: false, onDelete: 'RESTRICT' })
  participation: Relation<Participation>;

  @Column({ type: 'uuid' })
  participationId: string;

  @Column({ type: 'integer' })
  sequence: number;

  /** `apply` for the first event, otherwise a ParticipationAction. */
  @Column({ type: 'text' })
  action: string;

  @Column({ type: 'text', nullable: true })
  fromStatus: ParticipationStatus | null;

  @Column({ type: 'text' })
  toStatus: ParticipationStatus;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @ManyToOne(() => User, { nullable: false, onDelete: 'RESTRICT' })
  actor: Relation<User>;

  @Column({ type: 'uuid' })
  actorId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
