import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Failed-login counters per email and per client address, shared by all API replicas. */
@Entity('login_attempts')
export class LoginAttempt {
  @PrimaryColumn({ type: 'text' })
  key: string;

  @Column({ type: 'timestamptz' })
  windowStart: Date;

  @Column({ type: 'integer' })
  failures: number;
}
