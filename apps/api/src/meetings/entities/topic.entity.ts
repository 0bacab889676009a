import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { LocalizedText } from '../../common/localized-text';

/** A social issue a meeting addresses (managed list, admin-editable, translated). */
@Entity('topics')
export class Topic {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Raised by every save; a save naming an older version is refused (409), so no update is lost. */
  @Column({ type: 'integer', default: 1 })
  version: number;

  @Column({ type: 'text', unique: true })
  code: string;

  @Column({ type: 'jsonb' })
  name: LocalizedText;

  /** Archived topics stay on past meetings but are not offered for new ones. */
  @Column({ type: 'boolean', default: false })
  archived: boolean;
}
