import { Check, Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { Project } from './project.entity';

/** A step of a project with an optional due date; done / not done drives the progress bar. */
@Entity('project_milestones')
@Check('project_milestone_done', `done = (done_at IS NOT NULL)`)
@Index('project_milestone_position', ['project', 'position'], { unique: true })
export class ProjectMilestone {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => Project, { nullable: false, onDelete: 'RESTRICT' })
  project: Relation<Project>;

  @Column({ type: 'uuid' })
  projectId: string;

  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'date', nullable: true })
  dueOn: string | null;

  @Column({ type: 'boolean', default: false })
  done: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  doneAt: Date | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
