import { Module } from '@nestjs/common';
import { CommunitiesModule } from '../communities/communities.module';
import { CalendarController } from './calendar.controller';
import { CalendarService } from './calendar.service';
import { HolidaysController } from './holidays.controller';
import { HolidaysService } from './holidays.service';
import { MeetingAccessService } from './meeting-access.service';
import { MeetingsController } from './meetings.controller';
import { MeetingsQueryService } from './meetings-query.service';
import { SchedulingService } from './scheduling.service';
import { TopicsController } from './topics.controller';
import { TopicsService } from './topics.service';

@Module({
  imports: [CommunitiesModule],
  controllers: [MeetingsController, TopicsController, HolidaysController, CalendarController],
  providers: [MeetingAccessService, MeetingsQueryService, SchedulingService, TopicsService, HolidaysService, CalendarService],
  exports: [MeetingAccessService, MeetingsQueryService],
})
export class MeetingsModule {}
