import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches, ValidateBy, ValidateIf } from 'class-validator';
import { Trim } from '../../common/trim.decorator';
import { CommunityRefDto } from '../../communities/dto/community.dto';
import { ExpectedVersion } from '../../common/version';

export const ACTION_ITEM_STATUSES = ['open', 'done'] as const;
export type ActionItemStatus = (typeof ACTION_ITEM_STATUSES)[number];

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = 'dueDate must be a date (YYYY-MM-DD)';

/** An item has one owner: a community or a named person, never both in one request. */
const OnlyOneOwner = () =>
  ValidateBy({
    name: 'onlyOneOwner',
    validator: {
      validate: (_value, args) => (args?.object as { ownerCommunityId?: string | null }).ownerCommunityId == null,
      defaultMessage: () => 'give either ownerCommunityId or ownerName, not both',
    },
  });

export class ActionItemInputDto {
  @ApiProperty({ minLength: 1, maxLength: 500 })
  @Trim()
  @IsString()
  @Length(1, 500)
  title: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A community taking part in the club; or give ownerName' })
  @ValidateIf((item: ActionItemInputDto) => item.ownerCommunityId != null || item.ownerName == null)
  @IsUUID(undefined, { message: 'give ownerCommunityId (a uuid) or ownerName' })
  ownerCommunityId?: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: 200, description: 'A person (e.g. an official), when the owner is not a community' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 200)
  @OnlyOneOwner()
  ownerName?: string;

  @ApiProperty({ format: 'date' })
  @IsISO8601({ strict: true })
  @Matches(DATE, { message: DATE_MESSAGE })
  dueDate: string;
}

export class UpdateActionItemDto {
  @ExpectedVersion()
  version: number;

  @ApiPropertyOptional({ enum: ACTION_ITEM_STATUSES, enumName: 'ActionItemStatus', description: "The owner community's representative may change this field only" })
  @IsOptional()
  @IsIn(ACTION_ITEM_STATUSES)
  status?: ActionItemStatus;

  @ApiPropertyOptional({ minLength: 1, maxLength: 500 })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 500)
  title?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(DATE, { message: DATE_MESSAGE })
  dueDate?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Makes a community the owner (clears ownerName)' })
  @IsOptional()
  @IsUUID()
  ownerCommunityId?: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: 200, description: 'Makes a person the owner (clears ownerCommunityId)' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 200)
  @OnlyOneOwner()
  ownerName?: string;
}

export class ActionItemDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  meetingId: string;

  @ApiProperty()
  meetingTitle: string;

  @ApiProperty({ format: 'date-time' })
  meetingStartsAt: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ type: CommunityRefDto, nullable: true, description: 'The owner community where the reader may see it; see ownerIsCommunity' })
  ownerCommunity: CommunityRefDto | null;

  @ApiProperty({ description: 'A community owns the item (shown as "a community" when ownerCommunity is null)' })
  ownerIsCommunity: boolean;

  @ApiProperty({ type: String, nullable: true })
  ownerName: string | null;

  @ApiProperty({ format: 'date' })
  dueDate: string;

  @ApiProperty({ enum: ACTION_ITEM_STATUSES, enumName: 'ActionItemStatus' })
  status: ActionItemStatus;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  doneAt: string | null;

  @ApiProperty({ description: 'Open and past its due date (Asia/Almaty)' })
  overdue: boolean;

  @ApiProperty({ description: 'Pass back when saving (409 when it changed meanwhile)' })
  version: number;
}

export class MeetingActionItemsDto {
  @ApiProperty({ type: [ActionItemDto], description: 'Decided at this meeting' })
  created: ActionItemDto[];

  @ApiProperty({ type: [ActionItemDto], description: "Open items of the club's earlier meetings" })
  carriedOver: ActionItemDto[];
}

export class ActionItemListQuery {
  @ApiPropertyOptional({ enum: ACTION_ITEM_STATUSES, enumName: 'ActionItemStatus' })
  @IsOptional()
  @IsIn(ACTION_ITEM_STATUSES)
  status?: ActionItemStatus;
}
