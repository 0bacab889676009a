import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { User } from '../../users/entities/user.entity';

/**
 * A login. The JWT carries its id, so logout revokes it on every API replica. It ends after
 * SESSION_IDLE_MINUTES without user activity or SESSION_HOURS after it opened, whichever comes first.
 */
@Entity('sessions')
@Index('session_user_live', ['userId', 'expiresAt'])
export class Session {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => User, { nullable: false, onDelete: 'CASCADE' })
  user: Relation<User>;

  @Column({ type: 'uuid' })
  userId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  /** The last request the user made (background polls excluded): the idle timeout counts from here. */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  lastActiveAt: Date;

  /** When the user last proved it is still them (sign-in or re-authentication), for consequential steps. */
  @Column({ type: 'timestamptz', nullable: true })
  reauthenticatedAt: Date | null;

  /** The browser's User-Agent at sign-in (shortened), to tell the user's sessions apart. */
  @Column({ type: 'text', nullable: true })
  userAgent: string | null;

  /** The client address of the last activity. */
  @Column({ type: 'text', nullable: true })
  address: string | null;
}
