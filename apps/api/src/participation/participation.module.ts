import { Module } from '@nestjs/common';
import { CommunitiesModule } from '../communities/communities.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ParticipationController } from './participation.controller';
import { ParticipationService } from './participation.service';

@Module({ imports: [NotificationsModule, CommunitiesModule], controllers: [ParticipationController], providers: [ParticipationService], exports: [ParticipationService] })
export class ParticipationModule {}
