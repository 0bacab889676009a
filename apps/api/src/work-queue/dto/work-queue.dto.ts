import { ApiProperty } from '@nestjs/swagger';
import { WORK_ITEM_KINDS, type WorkItemKind } from '@dastarkhan/domain';
import { CommunityRefDto } from '../../communities/dto/community.dto';

export class WorkItemClubDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;
}

/** One thing waiting for the coordinator, with what is needed to open the page where it is done. */
export class WorkItemDto {
  @ApiProperty({ enum: WORK_ITEM_KINDS, enumName: 'WorkItemKind' })
  kind: WorkItemKind;

  @ApiProperty({ format: 'uuid', description: 'The waiting record: participation, project, partner request, contribution revision, meeting or action item' })
  id: string;

  @ApiProperty({
    format: 'uuid',
    description: 'The record whose page it is done on: the participation (application, candidacy), the project (proposal, join request, contribution), the meeting (minutes, action item)',
  })
  targetId: string;

  @ApiProperty({ type: WorkItemClubDto })
  club: WorkItemClubDto;

  @ApiProperty({ type: CommunityRefDto, nullable: true, description: 'The community concerned, by the naming rule (null: none, or "a community")' })
  community: CommunityRefDto | null;

  @ApiProperty({ type: String, nullable: true, description: "The project's, meeting's or action item's title" })
  title: string | null;

  @ApiProperty({ format: 'date-time', description: 'Waiting since: applied, nominated, proposed, requested, entered, the meeting ended, the action item was set' })
  since: string;

  @ApiProperty({ type: String, format: 'date', nullable: true, description: "An action item's due date" })
  dueOn: string | null;

  @ApiProperty({ description: 'An application waiting more than 30 days, or an action item past its due date' })
  overdue: boolean;
}

export class WorkQueueCountDto {
  @ApiProperty({ type: 'integer', description: 'Items waiting for the coordinator' })
  count: number;

  @ApiProperty({ type: 'integer', description: 'Of which overdue' })
  overdue: number;
}
