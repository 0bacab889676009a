import { Column, CreateDateColumn, Entity, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { City } from '../../cities/entities/city.entity';

@Entity('clubs')
export class Club {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @ManyToOne(() => City, { nullable: false, onDelete: 'RESTRICT' })
  city: Relation<City>;

  @Column({ type: 'uuid' })
  cityId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
