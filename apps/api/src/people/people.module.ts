import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CommunitiesModule } from '../communities/communities.module';
import { AuditLogController } from './audit-log.controller';
import { AuditLogService } from './audit-log.service';
import { InvitationsService } from './invitations.service';
import { OnBehalfController } from './on-behalf.controller';
import { OnBehalfService } from './on-behalf.service';
import { PeopleController } from './people.controller';
import { PeopleService } from './people.service';
import { RosterImportService } from './roster-import.service';

/** People, roles and invitations, communities created on their behalf, and the audit log (issue 12). */
@Module({
  imports: [AuthModule, CommunitiesModule],
  controllers: [PeopleController, OnBehalfController, AuditLogController],
  providers: [InvitationsService, PeopleService, AuditLogService, OnBehalfService, RosterImportService],
})
export class PeopleModule {}
