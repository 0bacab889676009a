import { Check, Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import type { TransparencyField } from '@dastarkhan/domain';
import { Club } from '../../clubs/entities/club.entity';
import { User } from '../../users/entities/user.entity';

/**
 * One version of a pathway policy: the national default (`club_id` null, set by the administrator)
 * or a club's override (set by its coordinators). A change inserts the next version; rows are
 * never updated, so a candidacy can always be judged by the version in force when it was nominated.
 */
@Entity('pathway_policies')
@Index('pathway_policy_national_version', ['version'], { unique: true, where: `club_id IS NULL` })
@Index('pathway_policy_club_version', ['club', 'version'], { unique: true, where: `club_id IS NOT NULL` })
@Check('pathway_policy_version', `version >= 1`)
@Check('pathway_policy_months', `min_months_as_observer IS NULL OR min_months_as_observer BETWEEN 0 AND 120`)
@Check('pathway_policy_meetings', `min_meetings_attended IS NULL OR min_meetings_attended BETWEEN 0 AND 500`)
@Check('pathway_policy_rate', `min_attendance_rate IS NULL OR min_attendance_rate BETWEEN 0 AND 100`)
@Check('pathway_policy_projects', `min_joint_projects IS NULL OR min_joint_projects BETWEEN 0 AND 100`)
@Check('pathway_policy_sponsors', `min_sponsors IS NULL OR min_sponsors BETWEEN 0 AND 50`)
@Check(
  'pathway_policy_transparency',
  `transparency_fields <@ ARRAY['leaders','meetingPlace','approximateSize','activities']::text[]`,
)
export class PathwayPolicy {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => Club, { nullable: true, onDelete: 'RESTRICT' })
  club: Relation<Club> | null;

  @Column({ type: 'uuid', nullable: true })
  clubId: string | null;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'integer', nullable: true })
  minMonthsAsObserver: number | null;

  @Column({ type: 'integer', nullable: true })
  minMeetingsAttended: number | null;

  @Column({ type: 'integer', nullable: true })
  minAttendanceRate: number | null;

  @Column({ type: 'integer', nullable: true })
  minJointProjects: number | null;

  @Column({ type: 'text', array: true })
  transparencyFields: TransparencyField[];

  @Column({ type: 'integer', nullable: true })
  minSponsors: number | null;

  @Column({ type: 'boolean' })
  noOpenConcern: boolean;

  /** Null only for the national default seeded by the migration. */
  @ManyToOne(() => User, { nullable: true, onDelete: 'RESTRICT' })
  createdBy: Relation<User> | null;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
