import { Module } from '@nestjs/common';
import { ParticipationModule } from '../participation/participation.module';
import { ClubAdminService } from './club-admin.service';
import { ClubsController } from './clubs.controller';
import { ClubsService } from './clubs.service';

@Module({ imports: [ParticipationModule], controllers: [ClubsController], providers: [ClubsService, ClubAdminService] })
export class ClubsModule {}
