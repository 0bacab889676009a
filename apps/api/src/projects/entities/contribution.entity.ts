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
import type { ProjectRole, RevisionStatus } from '@dastarkhan/domain';
import { Community } from '../../communities/entities/community.entity';
import { User } from '../../users/entities/user.entity';
import { Project } from './project.entity';

/**
 * A line of a project's ledger: one community's contribution. Its figures live in revisions, never
 * overwritten: a correction is a new revision, so the history of what was claimed and confirmed stays.
 */
@Entity('project_contributions')
@Index('project_contribution_project', ['project'])
export class Contribution {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => Project, { nullable: false, onDelete: 'RESTRICT' })
  project: Relation<Project>;

  @Column({ type: 'uuid' })
  projectId: string;

  @ManyToOne(() => Community, { nullable: false, onDelete: 'RESTRICT' })
  community: Relation<Community>;

  @Index()
  @Column({ type: 'uuid' })
  communityId: string;

  /** Bumped on every revision and review: the optimistic-concurrency token. */
  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** What a community claimed at one point, and whether a coordinator confirmed it. */
@Entity('project_contribution_revisions')
@Check('contribution_revision_number', `revision >= 1`)
@Check('contribution_revision_role', `role IN ('lead', 'partner')`)
@Check('contribution_revision_status', `status IN ('pending', 'confirmed', 'rejected', 'superseded')`)
@Check('contribution_revision_figures', `volunteers >= 0 AND hours >= 0`)
@Check('contribution_revision_reviewed', `(status IN ('confirmed', 'rejected')) = (reviewed_at IS NOT NULL AND reviewed_by_id IS NOT NULL)`)
@Check('contribution_revision_reject_reason', `status <> 'rejected' OR review_reason IS NOT NULL`)
@Index('contribution_revision_sequence', ['contribution', 'revision'], { unique: true })
// At most one revision awaits review per line: a correction supersedes the pending one.
@Index('contribution_revision_one_pending', ['contribution'], { unique: true, where: `status = 'pending'` })
export class ContributionRevision {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => Contribution, { nullable: false, onDelete: 'RESTRICT' })
  contribution: Relation<Contribution>;

  @Column({ type: 'uuid' })
  contributionId: string;

  @Column({ type: 'integer' })
  revision: number;

  @Column({ type: 'text' })
  role: ProjectRole;

  @Column({ type: 'integer' })
  volunteers: number;

  /** numeric: hours are summed, and floats would drift. */
  @Column({ type: 'numeric', precision: 10, scale: 2 })
  hours: string;

  @Column({ type: 'text', nullable: true })
  inKind: string | null;

  @Column({ type: 'text' })
  status: RevisionStatus;

  @Column({ type: 'text', nullable: true })
  reviewReason: string | null;

  @ManyToOne(() => User, { nullable: false, onDelete: 'RESTRICT' })
  enteredBy: Relation<User>;

  @Column({ type: 'uuid' })
  enteredById: string;

  @CreateDateColumn({ type: 'timestamptz' })
  enteredAt: Date;

  @ManyToOne(() => User, { nullable: true, onDelete: 'RESTRICT' })
  reviewedBy: Relation<User> | null;

  @Column({ type: 'uuid', nullable: true })
  reviewedById: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  reviewedAt: Date | null;
}
