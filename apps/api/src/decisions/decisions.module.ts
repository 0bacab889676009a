import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { ParticipationModule } from '../participation/participation.module';
import { PathwayModule } from '../pathway/pathway.module';
import { AppealsService } from './appeals.service';
import { DecisionsController } from './decisions.controller';
import { DecisionsService } from './decisions.service';

@Module({
  imports: [ParticipationModule, PathwayModule, NotificationsModule],
  controllers: [DecisionsController],
  providers: [DecisionsService, AppealsService],
})
export class DecisionsModule {}
