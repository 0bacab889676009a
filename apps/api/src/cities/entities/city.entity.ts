import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { LocalizedText } from '../../common/localized-text';

@Entity('cities')
export class City {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text', unique: true })
  slug: string;

  @Column({ type: 'jsonb' })
  name: LocalizedText;

  /** Region code (e.g. `almaty-city`): the scope of a regional official. */
  @Column({ type: 'text' })
  regionCode: string;

  @Column({ type: 'jsonb' })
  region: LocalizedText;

  @Column({ type: 'integer', default: 1 })
  version: number;
}
