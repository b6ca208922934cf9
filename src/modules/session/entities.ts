import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Failed sign-ins per username, kept in the database so that throttling holds across
 * API instances. Not tenant-owned: it is keyed by what the caller typed, known or not.
 */
@Entity()
export class LoginThrottle {
  @PrimaryColumn('varchar', { length: 64 })
  username: string;

  @Column('int', { default: 0 })
  failures: number;

  @Column('datetime')
  windowStartedAt: Date;

  @Column('datetime', { nullable: true })
  lockedUntil: Date | null;
}
