import { Column, Entity, Index, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { Community } from '../../communities/entities/community.entity';
import { Meeting } from './meeting.entity';
import { Topic } from './topic.entity';

@Entity('meeting_topics')
export class MeetingTopic {
  @PrimaryColumn({ type: 'uuid' })
  meetingId: string;

  @PrimaryColumn({ type: 'uuid' })
  topicId: string;

  @ManyToOne(() => Meeting, { onDelete: 'CASCADE' })
  meeting: Relation<Meeting>;

  @ManyToOne(() => Topic, { onDelete: 'RESTRICT' })
  topic: Relation<Topic>;
}

@Entity('agenda_items')
@Index('agenda_item_position', ['meeting', 'position'], { unique: true })
export class AgendaItem {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => Meeting, { nullable: false, onDelete: 'CASCADE' })
  meeting: Relation<Meeting>;

  @Column({ type: 'uuid' })
  meetingId: string;

  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'text' })
  title: string;

  /** Free text (a guest, an official): never a participating community's name (docs/domain.md, P10). */
  @Column({ type: 'text', default: '' })
  presenter: string;

  /** A community of the club presenting, printed by the naming rule for each reader. */
  @ManyToOne(() => Community, { nullable: true, onDelete: 'SET NULL' })
  presenterCommunity: Relation<Community> | null;

  @Column({ type: 'uuid', nullable: true })
  presenterCommunityId: string | null;
}

@Entity('meeting_decisions')
@Index('meeting_decision_position', ['meeting', 'position'], { unique: true })
export class MeetingDecision {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => Meeting, { nullable: false, onDelete: 'CASCADE' })
  meeting: Relation<Meeting>;

  @Column({ type: 'uuid' })
  meetingId: string;

  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'text' })
  text: string;
}
