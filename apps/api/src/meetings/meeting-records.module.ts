import { Module } from '@nestjs/common';
import { AttendanceController } from './attendance.controller';
import { AttendanceService } from './attendance.service';
import { MeetingsModule } from './meetings.module';
import { RsvpController } from './rsvp.controller';
import { RsvpService } from './rsvp.service';

/** What happens around a meeting: RSVPs, attendance and check-in, minutes and decisions, action items. */
@Module({
  imports: [MeetingsModule],
  controllers: [RsvpController, AttendanceController],
  providers: [RsvpService, AttendanceService],
})
export class MeetingRecordsModule {}
