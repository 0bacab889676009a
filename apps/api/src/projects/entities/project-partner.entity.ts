import { Check, Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import type { PartnerStatus, ProjectRole } from '@dastarkhan/domain';
import { Community } from '../../communities/entities/community.entity';
import { User } from '../../users/entities/user.entity';
import { Project } from './project.entity';

/** A community taking part in a project: the lead (from the proposal) or a partner that asked to join. */
@Entity('project_partners')
@Check('project_partner_role', `role IN ('lead', 'partner')`)
@Check('project_partner_status', `status IN ('requested', 'confirmed', 'declined')`)
@Check('project_partner_decided', `(status = 'requested') = (decided_at IS NULL)`)
@Check('project_partner_decline_reason', `status <> 'declined' OR decision_reason IS NOT NULL`)
@Index('project_partner_once', ['project', 'community'], { unique: true })
@Index('project_partner_one_lead', ['project'], { unique: true, where: `role = 'lead'` })
export class ProjectPartner {
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

  @Column({ type: 'text' })
  role: ProjectRole;

  @Column({ type: 'text' })
  status: PartnerStatus;

  @Column({ type: 'text', nullable: true })
  decisionReason: string | null;

  @ManyToOne(() => User, { nullable: false, onDelete: 'RESTRICT' })
  requestedBy: Relation<User>;

  @Column({ type: 'uuid' })
  requestedById: string;

  @ManyToOne(() => User, { nullable: true, onDelete: 'RESTRICT' })
  decidedBy: Relation<User> | null;

  @Column({ type: 'uuid', nullable: true })
  decidedById: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
