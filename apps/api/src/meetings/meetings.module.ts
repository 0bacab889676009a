import { Module } from '@nestjs/common';
import { MeetingAccessService } from './meeting-access.service';

@Module({
  providers: [MeetingAccessService],
  exports: [MeetingAccessService],
})
export class MeetingsModule {}
