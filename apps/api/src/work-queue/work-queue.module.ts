import { Module } from '@nestjs/common';
import { WorkQueueController } from './work-queue.controller';
import { WorkQueueService } from './work-queue.service';

/** A coordinator's "To do": what waits for it across its clubs, and its count for the header. */
@Module({ controllers: [WorkQueueController], providers: [WorkQueueService] })
export class WorkQueueModule {}
