import { Column, CreateDateColumn, Entity, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { Club } from '../../clubs/entities/club.entity';
import { User } from '../../users/entities/user.entity';

/** A private iCal feed of a club for one participant; only the token's SHA-256 is stored. */
@Entity('calendar_tokens')
export class CalendarToken {
  @PrimaryColumn({ type: 'text' })
  tokenHash: string;

  @ManyToOne(() => Club, { nullable: false, onDelete: 'CASCADE' })
  club: Relation<Club>;

  @Column({ type: 'uuid' })
  clubId: string;

  @ManyToOne(() => User, { nullable: false, onDelete: 'CASCADE' })
  user: Relation<User>;

  @Column({ type: 'uuid' })
  userId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
