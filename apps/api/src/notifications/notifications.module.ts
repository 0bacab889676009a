import { Module } from '@nestjs/common';
import { createTransport } from 'nodemailer';
import { AppConfig } from '../config/app-config';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { MAIL_TRANSPORT, OutboxSender } from './outbox-sender';

@Module({
  controllers: [NotificationsController],
  providers: [
    NotificationsService,
    OutboxSender,
    { provide: MAIL_TRANSPORT, inject: [AppConfig], useFactory: (config: AppConfig) => (config.SMTP_URL ? createTransport(config.SMTP_URL) : null) },
  ],
  exports: [NotificationsService],
})
export class NotificationsModule {}
