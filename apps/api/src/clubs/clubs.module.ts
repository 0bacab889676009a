import { Module } from '@nestjs/common';
import { ParticipationModule } from '../participation/participation.module';
import { ClubsController } from './clubs.controller';
import { ClubsService } from './clubs.service';

@Module({ imports: [ParticipationModule], controllers: [ClubsController], providers: [ClubsService] })
export class ClubsModule {}
