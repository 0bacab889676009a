import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { ActionItemsController } from './action-items.controller';
import { ActionItemsService } from './action-items.service';
import { AttendanceController } from './attendance.controller';
import { AttendanceService } from './attendance.service';
import { ClubRemindersService } from './club-reminders.service';
import { MeetingsModule } from './meetings.module';
import { MinutesController } from './minutes.controller';
import { MinutesService } from './minutes.service';
import { RsvpController } from './rsvp.controller';
import { RsvpService } from './rsvp.service';

/** What happens around a meeting: RSVPs, attendance and check-in, minutes and decisions, action items. */
@Module({
  imports: [MeetingsModule, NotificationsModule],
  controllers: [RsvpController, AttendanceController, MinutesController, ActionItemsController],
  providers: [RsvpService, AttendanceService, MinutesService, ActionItemsService, ClubRemindersService],
})
export class MeetingRecordsModule {}
