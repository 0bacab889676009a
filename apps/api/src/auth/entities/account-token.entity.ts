import { Check, Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { User } from '../../users/entities/user.entity';

export const ACCOUNT_TOKEN_PURPOSES = ['confirm-email', 'reset-password', 'change-email', 'second-factor'] as const;
export type AccountTokenPurpose = (typeof ACCOUNT_TOKEN_PURPOSES)[number];

/**
 * A single-use secret handed to the account's owner: an emailed link (confirm the address, reset
 * the password, confirm a new address) or the second step of a sign-in. Only its SHA-256 is kept.
 */
@Entity('account_tokens')
@Check('account_token_purpose', `purpose IN ('confirm-email', 'reset-password', 'change-email', 'second-factor')`)
@Index('account_token_user', ['userId', 'purpose'])
export class AccountToken {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => User, { nullable: false, onDelete: 'CASCADE' })
  user: Relation<User>;

  @Column({ type: 'uuid' })
  userId: string;

  @Column({ type: 'text' })
  purpose: AccountTokenPurpose;

  @Index('account_token_hash', { unique: true })
  @Column({ type: 'text' })
  tokenHash: string;

  /** The address a `change-email` token moves the account to. */
  @Column({ type: 'text', nullable: true })
  newEmail: string | null;

  /** Wrong codes entered against a `second-factor` token. */
  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;
}

/**
 * A browser that signed in to the account successfully (OWASP's device cookie): it keeps its own
 * allowance of failed sign-ins, so guessing from elsewhere never locks its owner out.
 */
@Entity('trusted_devices')
export class TrustedDevice {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => User, { nullable: false, onDelete: 'CASCADE' })
  user: Relation<User>;

  @Index('trusted_device_user')
  @Column({ type: 'uuid' })
  userId: string;

  @Index('trusted_device_hash', { unique: true })
  @Column({ type: 'text' })
  tokenHash: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  lastUsedAt: Date;
}

/** One-time recovery codes for a lost authenticator; only their SHA-256 is kept. */
@Entity('recovery_codes')
export class RecoveryCode {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => User, { nullable: false, onDelete: 'CASCADE' })
  user: Relation<User>;

  @Index('recovery_code_user')
  @Column({ type: 'uuid' })
  userId: string;

  @Column({ type: 'text' })
  codeHash: string;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;
}
