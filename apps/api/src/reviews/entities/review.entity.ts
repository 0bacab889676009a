import { Check, Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import type { ReviewVerdict } from '@dastarkhan/domain';
import { Participation } from '../../participation/entities/participation.entity';
import { User } from '../../users/entities/user.entity';

/**
 * An official's note on a candidacy: "no objection" or "concern", with text. Kept forever; a
 * concern stays open until an official resolves it, which is what the "no open concern"
 * milestone reads.
 */
@Entity('participation_reviews')
@Check('review_verdict', `verdict IN ('no_objection', 'concern')`)
@Check('review_resolution', `(resolved_at IS NULL) = (resolved_by_id IS NULL) AND (resolved_at IS NULL) = (resolution IS NULL)`)
@Check('review_resolves_concerns_only', `resolved_at IS NULL OR verdict = 'concern'`)
export class ParticipationReview {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => Participation, { nullable: false, onDelete: 'RESTRICT' })
  participation: Relation<Participation>;

  @Index()
  @Column({ type: 'uuid' })
  participationId: string;

  @ManyToOne(() => User, { nullable: false, onDelete: 'RESTRICT' })
  official: Relation<User>;

  @Column({ type: 'uuid' })
  officialId: string;

  @Column({ type: 'text' })
  verdict: ReviewVerdict;

  @Column({ type: 'text' })
  text: string;

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

/** The coordinator's or the community's answer to a review (a concern, mostly). */
@Entity('review_responses')
@Check('review_response_author_role', `author_role IN ('coordinator', 'community')`)
export class ReviewResponse {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => ParticipationReview, { nullable: false, onDelete: 'RESTRICT' })
  review: Relation<ParticipationReview>;

  @Index()
  @Column({ type: 'uuid' })
  reviewId: string;

  @ManyToOne(() => User, { nullable: false, onDelete: 'RESTRICT' })
  author: Relation<User>;

  @Column({ type: 'uuid' })
  authorId: string;

  /** In which capacity the author answered: as the club's coordinator or for the community. */
  @Column({ type: 'text' })
  authorRole: 'coordinator' | 'community';

  @Column({ type: 'text' })
  text: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
