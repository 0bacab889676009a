import { Global, Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { AccessGuard } from './access.guard';
import { AccessService } from './access.service';
import { SensitiveReadsInterceptor } from './sensitive-events.interceptor';
import { SecurityEventsController } from './security-events.controller';
import { SensitiveEventsService } from './sensitive-events.service';

/** Who may see and do what, the naming rule, and the record of sensitive events: one module for the whole API. */
@Global()
@Module({
  controllers: [SecurityEventsController],
  providers: [
    AccessService,
    SensitiveEventsService,
    { provide: APP_GUARD, useClass: AccessGuard },
    { provide: APP_INTERCEPTOR, useClass: SensitiveReadsInterceptor },
  ],
  exports: [AccessService, SensitiveEventsService],
})
export class AccessModule {}
