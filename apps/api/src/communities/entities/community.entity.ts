import { Check, Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, Relation } from 'typeorm';
import type { RegistrationStatus, Tradition } from '@dastarkhan/domain';
import { City } from '../../cities/entities/city.entity';
import { Club } from '../../clubs/entities/club.entity';
import { User } from '../../users/entities/user.entity';

@Entity('communities')
// A trigram index (gin_trgm_ops), which TypeORM cannot describe: kept by the migration (1796305400000-search).
@Index('communities_name_search', { synchronize: false })
@Check('registration_status', `registration_status IN ('registered', 'not_registered', 'registration_pending')`)
@Check(
  'registration_details',
  `registration_status <> 'registered' OR (registration_number IS NOT NULL AND registration_date IS NOT NULL)`,
)
export class Community {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Raised by every save; a save naming an older version is refused (409), so no update is lost. */
  @Column({ type: 'integer', default: 1 })
  version: number;

  @Column({ type: 'text' })
  name: string;

  /** The name folded for searches (search_key, libs/domain `searchKey`): written by the database, read only by searches. */
  @Column({ type: 'text', generatedType: 'STORED', asExpression: 'search_key(name)', nullable: true, select: false, insert: false, update: false })
  nameSearch: string | null;

  @Column({ type: 'text' })
  tradition: Tradition;

  @Column({ type: 'text' })
  registrationStatus: RegistrationStatus;

  @Column({ type: 'text', nullable: true })
  registrationNumber: string | null;

  @Column({ type: 'date', nullable: true })
  registrationDate: string | null;

  /** The authority that issued the verified registration (P7: copied from the verified claim). */
  @Column({ type: 'text', nullable: true })
  registrationIssuingBody: string | null;

  @Column({ type: 'text', default: '' })
  description: string;

  // Transparency profile: what the pathway's "transparency" milestone reads.
  @Column({ type: 'text', default: '' })
  leaders: string;

  @Column({ type: 'text', default: '' })
  meetingPlace: string;

  @Column({ type: 'integer', nullable: true })
  approximateSize: number | null;

  @Column({ type: 'text', default: '' })
  activities: string;

  @Column({ type: 'text', nullable: true })
  contactEmail: string | null;

  @Column({ type: 'text', nullable: true })
  contactPhone: string | null;

  /** Opt-in: a non-registered community is never shown publicly unless this is set. */
  @Column({ type: 'boolean', default: false })
  isPublic: boolean;

  /** When the community had its contact details erased on withdrawing; the aggregate history stays. */
  @Column({ type: 'timestamptz', nullable: true })
  contactErasedAt: Date | null;

  /** Consent for officials to see this community's participation record; null = not given. */
  @Column({ type: 'timestamptz', nullable: true })
  officialConsentAt: Date | null;

  @ManyToOne(() => City, { nullable: true, onDelete: 'SET NULL' })
  city: Relation<City> | null;

  @Column({ type: 'uuid', nullable: true })
  cityId: string | null;

  /**
   * The club whose coordinators created it on its behalf (issue 12): they may invite its
   * representatives and keep its contacts, as for a club it applied to. Null: it signed up itself.
   */
  @ManyToOne(() => Club, { nullable: true, onDelete: 'SET NULL' })
  createdViaClub: Relation<Club> | null;

  @Column({ type: 'uuid', nullable: true })
  createdViaClubId: string | null;

  /** Who created it on its behalf (the administrator or a coordinator); null: it signed up itself. */
  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  createdBy: Relation<User> | null;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
