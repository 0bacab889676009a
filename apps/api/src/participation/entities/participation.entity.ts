import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  Relation,
} from 'typeorm';
import type { ParticipationStatus } from '@dastarkhan/domain';
import { Club } from '../../clubs/entities/club.entity';
import { Community } from '../../communities/entities/community.entity';
import { ParticipationEvent } from './participation-event.entity';

const STATUS_LIST = `'applied','observer','candidate','member','declined','suspended','withdrawn'`;

/** One community in one club: where the observer-to-member pathway lives. */
@Entity('participations')
@Check('participation_status', `status IN (${STATUS_LIST})`)
@Check('participation_suspended_from', `(status = 'suspended') = (suspended_from IS NOT NULL)`)
// At most one live (not declined / withdrawn) participation per community and club.
@Index('participation_one_live', ['community', 'club'], {
  unique: true,
  where: `status NOT IN ('declined', 'withdrawn')`,
})
// A community's participations in every status: the naming facts every list of communities reads.
@Index('participation_community', ['community'])
@Index('participation_status_club', ['status', 'club'])
// The officials' list of candidacies in its order (an expression, partial): kept by the migration (1796305600000-nominated-at).
@Index('participation_candidacy_order', { synchronize: false })
export class Participation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => Community, { nullable: false, onDelete: 'RESTRICT' })
  community: Relation<Community>;

  @Column({ type: 'uuid' })
  communityId: string;

  @ManyToOne(() => Club, { nullable: false, onDelete: 'RESTRICT' })
  club: Relation<Club>;

  @Index()
  @Column({ type: 'uuid' })
  clubId: string;

  @Column({ type: 'text' })
  status: ParticipationStatus;

  @Column({ type: 'text', nullable: true })
  suspendedFrom: ParticipationStatus | null;

  /** The community's statement of intent when it applied. */
  @Column({ type: 'text' })
  statement: string;

  /** The latest event to 'candidate' (its created_at): written by the database's triggers, read by the officials' list. */
  @Column({ type: 'timestamptz', nullable: true, insert: false, update: false, select: false })
  nominatedAt: Date | null;

  /** Bumped on every transition: the optimistic-concurrency token clients send back. */
  @Column({ type: 'integer', default: 1 })
  version: number;

  @OneToMany(() => ParticipationEvent, (event) => event.participation)
  events: Relation<ParticipationEvent[]>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
