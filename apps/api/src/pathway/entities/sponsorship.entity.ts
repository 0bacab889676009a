import { Check, Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { Community } from '../../communities/entities/community.entity';
import { Participation } from '../../participation/entities/participation.entity';
import { User } from '../../users/entities/user.entity';

/**
 * A member community vouching for an observer of the same club, in a sentence. Withdrawing keeps
 * the row (with the date) so the record stays explainable; only live ones count.
 */
@Entity('sponsorships')
@Index('sponsorship_one_live', ['participation', 'sponsorCommunity'], { unique: true, where: `withdrawn_at IS NULL` })
@Check('sponsorship_withdrawn', `(withdrawn_at IS NULL) = (withdrawn_by_id IS NULL)`)
export class Sponsorship {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => Participation, { nullable: false, onDelete: 'RESTRICT' })
  participation: Relation<Participation>;

  @Index()
  @Column({ type: 'uuid' })
  participationId: string;

  @ManyToOne(() => Community, { nullable: false, onDelete: 'RESTRICT' })
  sponsorCommunity: Relation<Community>;

  @Column({ type: 'uuid' })
  sponsorCommunityId: string;

  @Column({ type: 'text' })
  statement: string;

  @ManyToOne(() => User, { nullable: false, onDelete: 'RESTRICT' })
  createdBy: Relation<User>;

  @Column({ type: 'uuid' })
  createdById: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'RESTRICT' })
  withdrawnBy: Relation<User> | null;

  @Column({ type: 'uuid', nullable: true })
  withdrawnById: string | null;
}
