import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { City } from '../../cities/entities/city.entity';
import type { LocalizedText } from '../../common/localized-text';

@Entity('clubs')
// The list's keyset pages (migration 1796305700000-club-search).
@Index('club_name_page', ['name', 'id'])
// A trigram index (gin_trgm_ops), which TypeORM cannot describe: kept by the migration.
@Index('clubs_names_search', { synchronize: false })
export class Club {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The English name, printed by lists and reports; `names` holds all three languages. */
  @Column({ type: 'text' })
  name: string;

  /** The English public description; `descriptions` holds all three languages. */
  @Column({ type: 'text', default: '' })
  description: string;

  /** The name in kk/ru/en; null for clubs created before it existed (then `name` in every language). */
  @Column({ type: 'jsonb', nullable: true })
  names: LocalizedText | null;

  @Column({ type: 'jsonb', nullable: true })
  descriptions: LocalizedText | null;

  /** The names in every language folded for searches (search_key): written by the database, read only by searches. */
  @Column({
    type: 'text',
    generatedType: 'STORED',
    asExpression: `search_key(name || ' ' || COALESCE(names ->> 'kk', '') || ' ' || COALESCE(names ->> 'ru', ''))`,
    nullable: true,
    select: false,
    insert: false,
    update: false,
  })
  namesSearch: string | null;

  /** Where the club usually meets (a public venue: a hall, a library). */
  @Column({ type: 'text', default: '' })
  meetingPlace: string;

  @ManyToOne(() => City, { nullable: false, onDelete: 'RESTRICT' })
  city: Relation<City>;

  @Column({ type: 'uuid' })
  cityId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** An archived club keeps its history and is read-only (libs/domain inArchivedClub). */
  @Column({ type: 'timestamptz', nullable: true })
  archivedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  archiveReason: string | null;

  @Column({ type: 'integer', default: 1 })
  version: number;
}
