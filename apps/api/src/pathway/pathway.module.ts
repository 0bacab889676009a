import { Module } from '@nestjs/common';
import { PathwayController } from './pathway.controller';
import { PathwayPolicyService } from './pathway-policy.service';
import { PathwayProgressService } from './pathway-progress.service';
import { SponsorshipService } from './sponsorship.service';

@Module({
  controllers: [PathwayController],
  providers: [PathwayPolicyService, PathwayProgressService, SponsorshipService],
  exports: [PathwayPolicyService, PathwayProgressService],
})
export class PathwayModule {}
