import { Column, CreateDateColumn, Entity, OneToMany, PrimaryGeneratedColumn, Relation } from 'typeorm';
import type { Locale } from '@dastarkhan/domain';
import { RoleAssignment } from './role-assignment.entity';

@Entity('users')
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-cased; unique. */
  @Column({ type: 'text', unique: true })
  email: string;

  @Column({ type: 'text' })
  passwordHash: string;

  @Column({ type: 'text' })
  displayName: string;

  @Column({ type: 'text', default: 'ru' })
  locale: Locale;

  @OneToMany(() => RoleAssignment, (assignment) => assignment.user)
  roles: Relation<RoleAssignment[]>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** Set when the person's data was erased with their community's (docs/domain.md, P11): name and email are placeholders. */
  @Column({ type: 'timestamptz', nullable: true })
  erasedAt: Date | null;
}
