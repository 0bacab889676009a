import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import type { ProjectStatus } from '@dastarkhan/domain';
import { User } from '../../users/entities/user.entity';
import { Project } from './project.entity';

/** One status change of a project, kept forever; `sequence` is gapless per project (unique). */
@Entity('project_events')
@Index('project_event_sequence', ['project', 'sequence'], { unique: true })
export class ProjectEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => Project, { nullable: false, onDelete: 'RESTRICT' })
  project: Relation<Project>;

  @Column({ type: 'uuid' })
  projectId: string;

  @Column({ type: 'integer' })
  sequence: number;

  /** `propose` for the first event, otherwise a ProjectAction. */
  @Column({ type: 'text' })
  action: string;

  @Column({ type: 'text', nullable: true })
  fromStatus: ProjectStatus | null;

  @Column({ type: 'text' })
  toStatus: ProjectStatus;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @ManyToOne(() => User, { nullable: false, onDelete: 'RESTRICT' })
  actor: Relation<User>;

  @Column({ type: 'uuid' })
  actorId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
