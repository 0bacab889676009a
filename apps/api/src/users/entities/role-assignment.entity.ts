import { Check, Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import type { Role } from '@dastarkhan/domain';
import { User } from './user.entity';
import { Club } from '../../clubs/entities/club.entity';
import { Community } from '../../communities/entities/community.entity';

/**
 * A role with its scope — a coordinator of one club, a representative of one community, an
 * official of one region (`region` null = national), or an administrator (no scope) — and the days
 * it is in force. Grants are never deleted: an ended role keeps its dates and reason. The rules
 * read the view `role_assignments`: the grants in force today of people not deactivated
 * (migrations/1796302504715-people-and-roles.ts).
 */
@Entity('role_grants')
@Check('role_scope', `
  (role = 'administrator' AND club_id IS NULL AND community_id IS NULL AND region IS NULL) OR
  (role = 'coordinator' AND club_id IS NOT NULL AND community_id IS NULL AND region IS NULL) OR
  (role = 'representative' AND community_id IS NOT NULL AND club_id IS NULL AND region IS NULL) OR
  (role = 'official' AND club_id IS NULL AND community_id IS NULL)`)
@Check('role_grant_dates', `ends_on IS NULL OR ends_on >= starts_on`)
// One open grant per role and scope (a partial index with NULLS NOT DISTINCT, which TypeORM cannot describe: kept by the migration).
@Index('role_grant_open', { synchronize: false })
@Index('role_grant_club', ['clubId'])
@Index('role_grant_user', ['userId'])
export class RoleAssignment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => User, (user) => user.roles, { nullable: false, onDelete: 'CASCADE' })
  user: Relation<User>;

  @Column({ type: 'uuid' })
  userId: string;

  @Column({ type: 'text' })
  role: Role;

  @ManyToOne(() => Club, { nullable: true, onDelete: 'CASCADE' })
  club: Relation<Club> | null;

  @Column({ type: 'uuid', nullable: true })
  clubId: string | null;

  @ManyToOne(() => Community, { nullable: true, onDelete: 'CASCADE' })
  community: Relation<Community> | null;

  @Column({ type: 'uuid', nullable: true })
  communityId: string | null;

  /** Region code of an official's scope; null means national. */
  @Column({ type: 'text', nullable: true })
  region: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** The first Almaty calendar day the role is in force. */
  @Column({ type: 'date', default: () => 'almaty_today()' })
  startsOn: string;

  /** The first day it is no longer in force (null: open-ended). */
  @Column({ type: 'date', nullable: true })
  endsOn: string | null;

  /** Why it was granted (e.g. an invitation accepted). */
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'text', nullable: true })
  endReason: string | null;

  /** Who granted and who ended it: no foreign key, the history outlives an erased account. */
  @Column({ type: 'uuid', nullable: true })
  grantedBy: string | null;

  @Column({ type: 'uuid', nullable: true })
  endedBy: string | null;
}
