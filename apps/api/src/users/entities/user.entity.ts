import { Column, CreateDateColumn, Entity, Index, OneToMany, PrimaryGeneratedColumn, Relation } from 'typeorm';
import type { Locale } from '@dastarkhan/domain';
import { RoleAssignment } from './role-assignment.entity';

@Entity('users')
// Trigram indexes (gin_trgm_ops), which TypeORM cannot describe: kept by the migration (1796305400000-search).
@Index('users_display_name_search', { synchronize: false })
@Index('users_email_search', { synchronize: false })
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-cased; unique. */
  @Column({ type: 'text', unique: true })
  email: string;

  /** The address and the name folded for the administrator's searches (search_key): written by the database. */
  @Column({ type: 'text', generatedType: 'STORED', asExpression: 'search_key(email)', nullable: true, select: false, insert: false, update: false })
  emailSearch: string | null;

  @Column({ type: 'text' })
  passwordHash: string;

  @Column({ type: 'text' })
  displayName: string;

  @Column({ type: 'text', generatedType: 'STORED', asExpression: 'search_key(display_name)', nullable: true, select: false, insert: false, update: false })
  displayNameSearch: string | null;

  @Column({ type: 'text', default: 'ru' })
  locale: Locale;

  @OneToMany(() => RoleAssignment, (assignment) => assignment.user)
  roles: Relation<RoleAssignment[]>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /**
   * When the owner of the address confirmed it (the emailed link, or a password reset). A
   * self-service sign-up stays unconfirmed, and cannot sign in, until then; accounts the
   * secretariat creates are confirmed at once (the default).
   */
  @Column({ type: 'timestamptz', nullable: true, default: () => 'now()' })
  emailConfirmedAt: Date | null;

  /** The TOTP secret, encrypted (auth/second-factor.service.ts); in force once `totpEnabledAt` is set. */
  @Column({ type: 'text', nullable: true })
  totpSecret: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  totpEnabledAt: Date | null;

  /** A secret being enrolled (encrypted): it replaces `totpSecret` once a code from it is entered. */
  @Column({ type: 'text', nullable: true })
  totpPendingSecret: string | null;

  /** The last TOTP time step accepted: a code is never accepted twice. */
  @Column({ type: 'bigint', nullable: true })
  totpLastStep: string | null;

  /** A deactivated person cannot sign in, their sessions ended at once and their roles are not in force (kept for history). */
  @Column({ type: 'timestamptz', nullable: true })
  deactivatedAt: Date | null;

  /** Set when the person's data was erased with their community's (docs/domain.md, P11): name and email are placeholders. */
  @Column({ type: 'timestamptz', nullable: true })
  erasedAt: Date | null;
}
