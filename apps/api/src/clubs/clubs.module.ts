import { Module } from '@nestjs/common';
import { CommunitiesModule } from '../communities/communities.module';
import { ParticipationModule } from '../participation/participation.module';
import { ClubsController } from './clubs.controller';
import { ClubsService } from './clubs.service';

@Module({ imports: [CommunitiesModule, ParticipationModule], controllers: [ClubsController], providers: [ClubsService] })
export class ClubsModule {}
