import { Check, Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, Relation, UpdateDateColumn } from 'typeorm';
import { Community } from '../../communities/entities/community.entity';
import { User } from '../../users/entities/user.entity';
import { Meeting } from './meeting.entity';

export type AttendanceStatus = 'present' | 'absent' | 'excused';
export type AttendanceRole = 'member' | 'observer';
export type AttendanceMethod = 'coordinator' | 'check_in';

/** Whether a community attended a meeting, and in which role: what the pathway's milestones read. */
@Entity('attendance')
@Check('attendance_status', `status IN ('present', 'absent', 'excused')`)
@Check('attendance_role', `role IN ('member', 'observer')`)
export class Attendance {
  @PrimaryColumn({ type: 'uuid' })
  meetingId: string;

  @PrimaryColumn({ type: 'uuid' })
  communityId: string;

  @ManyToOne(() => Meeting, { onDelete: 'CASCADE' })
  meeting: Relation<Meeting>;

  @ManyToOne(() => Community, { onDelete: 'RESTRICT' })
  community: Relation<Community>;

  @Column({ type: 'text' })
  status: AttendanceStatus;

  @Column({ type: 'text' })
  role: AttendanceRole;

  @Column({ type: 'text' })
  method: AttendanceMethod;

  @ManyToOne(() => User, { nullable: false, onDelete: 'RESTRICT' })
  recordedBy: Relation<User>;

  @Column({ type: 'uuid' })
  recordedById: string;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** Every change of an attendance record, kept forever. */
@Entity('attendance_events')
@Index('attendance_event_meeting', ['meeting', 'community'])
export class AttendanceEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => Meeting, { nullable: false, onDelete: 'CASCADE' })
  meeting: Relation<Meeting>;

  @Column({ type: 'uuid' })
  meetingId: string;

  @ManyToOne(() => Community, { nullable: false, onDelete: 'RESTRICT' })
  community: Relation<Community>;

  @Column({ type: 'uuid' })
  communityId: string;

  @Column({ type: 'text', nullable: true })
  fromStatus: AttendanceStatus | null;

  @Column({ type: 'text' })
  toStatus: AttendanceStatus;

  @Column({ type: 'text' })
  role: AttendanceRole;

  @Column({ type: 'text' })
  method: AttendanceMethod;

  @ManyToOne(() => User, { nullable: false, onDelete: 'RESTRICT' })
  actor: Relation<User>;

  @Column({ type: 'uuid' })
  actorId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
