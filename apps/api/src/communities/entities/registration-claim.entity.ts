import { Check, Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { User } from '../../users/entities/user.entity';
import { Community } from './community.entity';

export type RegistrationClaimStatus = 'pending' | 'verified' | 'rejected';

/**
 * A community's statement that it is in the state register (docs/domain.md, P7). Until an official
 * of its region or the administrator verifies the entry, every rule treats the community as not
 * registered. One pending claim per community at a time.
 */
@Entity('registration_claims')
@Check('registration_claim_status', `status IN ('pending', 'verified', 'rejected')`)
@Check('registration_claim_decided', `(status = 'pending') = (decided_at IS NULL)`)
@Check('registration_claim_details', `on_behalf OR (registration_date IS NOT NULL AND issuing_body IS NOT NULL)`)
@Check('registration_claim_verified_details', `status <> 'verified' OR (registration_date IS NOT NULL AND issuing_body IS NOT NULL)`)
@Index('registration_claim_pending', ['communityId'], { unique: true, where: `status = 'pending'` })
export class RegistrationClaim {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => Community, { nullable: false, onDelete: 'CASCADE' })
  community: Relation<Community>;

  @Column({ type: 'uuid' })
  communityId: string;

  /** The name under which the community says it is registered: what officials check against the register. */
  @Column({ type: 'text' })
  registeredName: string;

  @Column({ type: 'text' })
  registrationNumber: string;

  /** Null only on a claim filed on the community's behalf: the verifying official enters it from the register. */
  @Column({ type: 'date', nullable: true })
  registrationDate: string | null;

  /** The authority that issued the registration (e.g. the regional department of justice); null as the date. */
  @Column({ type: 'text', nullable: true })
  issuingBody: string | null;

  /** Filed by a coordinator or the administrator for the community (item 4/5), not by the community itself. */
  @Column({ type: 'boolean', default: false })
  onBehalf: boolean;

  @Column({ type: 'text', default: 'pending' })
  status: RegistrationClaimStatus;

  @ManyToOne(() => User, { nullable: false, onDelete: 'RESTRICT' })
  claimedBy: Relation<User>;

  @Column({ type: 'uuid' })
  claimedById: string;

  @CreateDateColumn({ type: 'timestamptz' })
  claimedAt: Date;

  @ManyToOne(() => User, { nullable: true, onDelete: 'RESTRICT' })
  decidedBy: Relation<User> | null;

  @Column({ type: 'uuid', nullable: true })
  decidedById: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  /** Why a claim was rejected (shown to the community). */
  @Column({ type: 'text', nullable: true })
  rejectionReason: string | null;
}
