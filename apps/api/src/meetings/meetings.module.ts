import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { CalendarController } from './calendar.controller';
import { CalendarService } from './calendar.service';
import { HolidaysController } from './holidays.controller';
import { HolidaysService } from './holidays.service';
import { InterfaithRecheckService } from './interfaith-recheck.service';
import { MeetingRosterService } from './meeting-roster.service';
import { MeetingsController } from './meetings.controller';
import { MeetingsQueryService } from './meetings-query.service';
import { ObservancesController } from './observances.controller';
import { ObservancesService } from './observances.service';
import { SchedulingService } from './scheduling.service';
import { TopicsController } from './topics.controller';
import { TopicsService } from './topics.service';

@Module({
  imports: [AuthModule, NotificationsModule],
  controllers: [MeetingsController, TopicsController, HolidaysController, ObservancesController, CalendarController],
  providers: [
    MeetingRosterService,
    MeetingsQueryService,
    SchedulingService,
    TopicsService,
    HolidaysService,
    ObservancesService,
    InterfaithRecheckService,
    CalendarService,
  ],
  exports: [MeetingRosterService, MeetingsQueryService],
})
export class MeetingsModule {}
