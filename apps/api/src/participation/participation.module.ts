import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { ParticipationController } from './participation.controller';
import { ParticipationService } from './participation.service';

@Module({ imports: [NotificationsModule], controllers: [ParticipationController], providers: [ParticipationService], exports: [ParticipationService] })
export class ParticipationModule {}
