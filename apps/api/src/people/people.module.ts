import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { AuditLogController } from './audit-log.controller';
import { AuditLogService } from './audit-log.service';
import { InvitationsService } from './invitations.service';
import { PeopleController } from './people.controller';
import { PeopleService } from './people.service';

/** People, roles and invitations, and the audit log (issue 12). */
@Module({ imports: [AuthModule], controllers: [PeopleController, AuditLogController], providers: [InvitationsService, PeopleService, AuditLogService] })
export class PeopleModule {}
