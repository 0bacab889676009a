import { Check, Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import type { Role } from '@dastarkhan/domain';
import { Club } from '../../clubs/entities/club.entity';
import { Community } from '../../communities/entities/community.entity';

/**
 * An invitation by email to a role with its scope: a single-use link (only its SHA-256 is kept),
 * valid 7 days, that sets the person's password and grants the role. A representative's invitation
 * may name the club it came through (its coordinators manage it).
 */
@Entity('invitations')
@Check('invitation_scope', `
  (role = 'administrator' AND club_id IS NULL AND community_id IS NULL AND region IS NULL) OR
  (role = 'coordinator' AND club_id IS NOT NULL AND community_id IS NULL AND region IS NULL) OR
  (role = 'representative' AND community_id IS NOT NULL AND region IS NULL) OR
  (role = 'official' AND club_id IS NULL AND community_id IS NULL)`)
export class Invitation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Lower-cased. */
  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text' })
  role: Role;

  @Index('invitation_club')
  @ManyToOne(() => Club, { nullable: true, onDelete: 'CASCADE' })
  club: Relation<Club> | null;

  @Column({ type: 'uuid', nullable: true })
  clubId: string | null;

  @ManyToOne(() => Community, { nullable: true, onDelete: 'CASCADE' })
  community: Relation<Community> | null;

  @Column({ type: 'uuid', nullable: true })
  communityId: string | null;

  @Column({ type: 'text', nullable: true })
  region: string | null;

  @Index('invitation_token', { unique: true })
  @Column({ type: 'text' })
  tokenHash: string;

  @Column({ type: 'uuid', nullable: true })
  invitedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  /** When the link was last sent (a resend makes a new link and moves the expiry). */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  sentAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  acceptedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
