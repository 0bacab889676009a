import { Check, Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import type { Role } from '@dastarkhan/domain';
import { User } from './user.entity';
import { Club } from '../../clubs/entities/club.entity';
import { Community } from '../../communities/entities/community.entity';

/**
 * A role with its scope: a coordinator of one club, a representative of one community, an
 * official of one region (`region` null = national), or an administrator (no scope).
 */
@Entity('role_assignments')
@Check('role_scope', `
  (role = 'administrator' AND club_id IS NULL AND community_id IS NULL AND region IS NULL) OR
  (role = 'coordinator' AND club_id IS NOT NULL AND community_id IS NULL AND region IS NULL) OR
  (role = 'representative' AND community_id IS NOT NULL AND club_id IS NULL AND region IS NULL) OR
  (role = 'official' AND club_id IS NULL AND community_id IS NULL)`)
@Index('role_assignment_unique', ['user', 'role', 'club', 'community', 'region'], { unique: true })
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
}
