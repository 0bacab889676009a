import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { PathwayController } from './pathway.controller';
import { PathwayPolicyService } from './pathway-policy.service';
import { PathwayProgressService } from './pathway-progress.service';
import { SponsorshipService } from './sponsorship.service';

@Module({
  imports: [NotificationsModule],
  controllers: [PathwayController],
  providers: [PathwayPolicyService, PathwayProgressService, SponsorshipService],
  exports: [PathwayPolicyService, PathwayProgressService],
})
export class PathwayModule {}
