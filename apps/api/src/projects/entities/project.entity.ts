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
import type { ProjectCategory, ProjectStatus, ProjectVisibility } from '@dastarkhan/domain';
import { Club } from '../../clubs/entities/club.entity';
import { Community } from '../../communities/entities/community.entity';
import { User } from '../../users/entities/user.entity';

/** A label and a number of the outcome report, e.g. `{ label: 'Bags of litter', value: 120 }`. */
export interface OutcomeFigure {
  label: string;
  value: number;
}

/** A joint civic project of a club (docs/domain.md, 3.9); its status moves only through libs/domain. */
@Entity('projects')
@Check('project_status', `status IN ('proposed', 'active', 'completed', 'declined', 'cancelled')`)
@Check('project_category', `category IN ('cleanup', 'sports', 'visit', 'charity', 'education', 'other')`)
@Check('project_visibility', `visibility IN ('public', 'club')`)
@Check('project_dates', `ends_on IS NULL OR ends_on >= starts_on`)
// A completed project always has its outcome report, and only a completed one has it.
@Check('project_outcome', `(status = 'completed') = (outcome_summary IS NOT NULL AND completed_at IS NOT NULL)`)
@Check('project_decision_reason', `status NOT IN ('declined', 'cancelled') OR decision_reason IS NOT NULL`)
@Index('project_club_status', ['club', 'status'])
export class Project {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => Club, { nullable: false, onDelete: 'RESTRICT' })
  club: Relation<Club>;

  @Column({ type: 'uuid' })
  clubId: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'text' })
  category: ProjectCategory;

  /** The community that proposed the project and leads it. */
  @ManyToOne(() => Community, { nullable: false, onDelete: 'RESTRICT' })
  leadCommunity: Relation<Community>;

  @Index()
  @Column({ type: 'uuid' })
  leadCommunityId: string;

  @ManyToOne(() => User, { nullable: false, onDelete: 'RESTRICT' })
  proposedBy: Relation<User>;

  @Column({ type: 'uuid' })
  proposedById: string;

  @Column({ type: 'date' })
  startsOn: string;

  @Column({ type: 'date', nullable: true })
  endsOn: string | null;

  @Column({ type: 'text', default: 'proposed' })
  status: ProjectStatus;

  @Column({ type: 'text', default: 'public' })
  visibility: ProjectVisibility;

  /** Why it was declined or cancelled. */
  @Column({ type: 'text', nullable: true })
  decisionReason: string | null;

  @Column({ type: 'text', nullable: true })
  outcomeSummary: string | null;

  @Column({ type: 'jsonb' })
  outcomeFigures: OutcomeFigure[];

  /** https links to photos hosted elsewhere: the platform stores no images. */
  @Column({ type: 'jsonb' })
  outcomePhotoLinks: string[];

  @Column({ type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  /** Bumped on every change: the optimistic-concurrency token clients send back. */
  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
