import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { User } from '../../users/entities/user.entity';
import { Community } from './community.entity';

/** Every read of a non-registered community's record by an official (DOMAIN.md, privacy). */
@Entity('sensitive_reads')
export class SensitiveRead {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => User, { nullable: false, onDelete: 'RESTRICT' })
  reader: Relation<User>;

  @Column({ type: 'uuid' })
  readerId: string;

  @ManyToOne(() => Community, { nullable: false, onDelete: 'CASCADE' })
  community: Relation<Community>;

  @Index()
  @Column({ type: 'uuid' })
  communityId: string;

  /** What was read, e.g. `community.profile`. */
  @Column({ type: 'text' })
  resource: string;

  @CreateDateColumn({ type: 'timestamptz' })
  readAt: Date;
}
