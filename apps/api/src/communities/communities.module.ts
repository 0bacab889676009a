import { Module } from '@nestjs/common';
import { CommunitiesController, RegistrationClaimsController } from './communities.controller';
import { CommunitiesService } from './communities.service';
import { ErasureService } from './erasure.service';
import { RegistrationClaimsService } from './registration-claims.service';

@Module({
  controllers: [CommunitiesController, RegistrationClaimsController],
  providers: [CommunitiesService, RegistrationClaimsService, ErasureService],
  exports: [CommunitiesService, ErasureService],
})
export class CommunitiesModule {}
