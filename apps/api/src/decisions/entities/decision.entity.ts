import { Check, Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import type { AppealStatus, DecisionOutcome, ParticipationStatus } from '@dastarkhan/domain';
import { Participation } from '../../participation/entities/participation.entity';
import { User } from '../../users/entities/user.entity';

/**
 * The record of a membership decision (admit / defer / decline): why, by whom, when, and the
 * milestones as they stood at that moment, so the decision can be explained later even if the
 * records or the policy change. `eventSequence` ties it to the participation event it caused.
 */
@Entity('participation_decisions')
@Index('participation_decision_event', ['participation', 'eventSequence'], { unique: true })
@Check('decision_outcome', `outcome IN ('admit', 'defer', 'decline')`)
@Check('decision_reapply', `(outcome = 'admit') = (earliest_reapply_on IS NULL)`)
export class ParticipationDecision {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => Participation, { nullable: false, onDelete: 'RESTRICT' })
  participation: Relation<Participation>;

  @Column({ type: 'uuid' })
  participationId: string;

  @Column({ type: 'integer' })
  eventSequence: number;

  @Column({ type: 'text' })
  outcome: DecisionOutcome;

  /** The status the participation was in before the decision (where an overturned appeal returns it). */
  @Column({ type: 'text' })
  fromStatus: ParticipationStatus;

  @Column({ type: 'text' })
  reasonCode: string;

  @Column({ type: 'text' })
  reasonText: string;

  /** Required when a candidate is admitted with a milestone unmet. */
  @Column({ type: 'text', nullable: true })
  overrideReason: string | null;

  /** The milestones at the moment of the decision (PathwayProgressDto without the viewer's parts). */
  @Column({ type: 'jsonb' })
  milestoneSnapshot: unknown;

  /** For deferrals and declines: the community may not ask again before this Almaty date. */
  @Column({ type: 'date', nullable: true })
  earliestReapplyOn: string | null;

  @ManyToOne(() => User, { nullable: false, onDelete: 'RESTRICT' })
  decider: Relation<User>;

  @Column({ type: 'uuid' })
  deciderId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  decidedAt: Date;
}

/** A community's single appeal against a decision, decided by the administrator. */
@Entity('decision_appeals')
@Index('decision_appeal_once', ['decision'], { unique: true })
@Check('appeal_status', `status IN ('open', 'upheld', 'overturned')`)
@Check('appeal_resolution', `(status = 'open') = (resolved_at IS NULL) AND (resolved_at IS NULL) = (resolved_by_id IS NULL) AND (resolved_at IS NULL) = (resolution IS NULL)`)
export class DecisionAppeal {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => ParticipationDecision, { nullable: false, onDelete: 'RESTRICT' })
  decision: Relation<ParticipationDecision>;

  @Column({ type: 'uuid' })
  decisionId: string;

  @ManyToOne(() => User, { nullable: false, onDelete: 'RESTRICT' })
  appellant: Relation<User>;

  @Column({ type: 'uuid' })
  appellantId: string;

  @Column({ type: 'text' })
  text: string;

  @Index()
  @Column({ type: 'text', default: 'open' })
  status: AppealStatus;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'RESTRICT' })
  resolvedBy: Relation<User> | null;

  @Column({ type: 'uuid', nullable: true })
  resolvedById: string | null;

  @Column({ type: 'text', nullable: true })
  resolution: string | null;
}
