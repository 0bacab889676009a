import { Access } from '../access/access.decorator';
import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiForbiddenResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { CurrentViewer } from '../auth/current-viewer.decorator';
import type { Viewer } from '../auth/viewer';
import { ErrorResponseDto } from '../common/errors/error-response.dto';
import { IdParam } from '../common/id-params';
import {
  EmailOutboxMessageDto,
  EmailOutboxQueryDto,
  NotificationListQueryDto,
  NotificationPageDto,
  UnreadCountDto,
} from './dto/notification.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@Controller()
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Access('account.read')
  @ApiOperation({ summary: 'My notifications' })
  @Get('notifications')
  @ApiOkResponse({ type: NotificationPageDto, description: "The caller's own notifications, newest first" })
  list(@CurrentViewer() viewer: Viewer, @Query() query: NotificationListQueryDto): Promise<NotificationPageDto> {
    return this.notifications.list(viewer, query);
  }

  @Access('account.read')
  @ApiOperation({ summary: 'How many of my notifications are unread' })
  @Get('notifications/unread-count')
  @ApiOkResponse({ type: UnreadCountDto })
  unreadCount(@CurrentViewer() viewer: Viewer): Promise<UnreadCountDto> {
    return this.notifications.unreadCount(viewer);
  }

  @Access('account.write')
  @ApiOperation({ summary: 'Mark all my notifications read' })
  @Post('notifications/read-all')
  @HttpCode(204)
  @ApiNoContentResponse({ description: "Every one of the caller's notifications is read" })
  markAllRead(@CurrentViewer() viewer: Viewer): Promise<void> {
    return this.notifications.markAllRead(viewer);
  }

  @Access('notification.write', { param: 'id' })
  @ApiOperation({ summary: 'Mark a notification read' })
  @Post('notifications/:id/read')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Read' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: "Not the caller's notification" })
  markRead(@CurrentViewer() viewer: Viewer, @Param() { id }: IdParam): Promise<void> {
    return this.notifications.markRead(viewer, id);
  }

  @Access('outbox.read')
  @ApiOperation({ summary: 'The email outbox' })
  @Get('admin/email-outbox')
  @ApiOkResponse({ type: [EmailOutboxMessageDto], description: 'Newest first' })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Administrators only' })
  outbox(@Query() query: EmailOutboxQueryDto): Promise<EmailOutboxMessageDto[]> {
    return this.notifications.outbox(query);
  }
}
