import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CalendarController } from './calendar.controller';
import { CalendarService } from './calendar.service';
import { HolidaysController } from './holidays.controller';
import { HolidaysService } from './holidays.service';
import { MeetingRosterService } from './meeting-roster.service';
import { MeetingsController } from './meetings.controller';
import { MeetingsQueryService } from './meetings-query.service';
import { SchedulingService } from './scheduling.service';
import { TopicsController } from './topics.controller';
import { TopicsService } from './topics.service';

@Module({
  imports: [AuthModule],
  controllers: [MeetingsController, TopicsController, HolidaysController, CalendarController],
  providers: [MeetingRosterService, MeetingsQueryService, SchedulingService, TopicsService, HolidaysService, CalendarService],
  exports: [MeetingRosterService, MeetingsQueryService],
})
export class MeetingsModule {}
