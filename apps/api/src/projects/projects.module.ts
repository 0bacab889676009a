import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { MilestonesService } from './milestones.service';
import { ProjectLedgerController } from './project-ledger.controller';
import { ProjectLedgerService } from './project-ledger.service';
import { ProjectsController } from './projects.controller';
import { ProjectsService } from './projects.service';

@Module({
  imports: [NotificationsModule],
  controllers: [ProjectsController, ProjectLedgerController],
  providers: [ProjectsService, ProjectLedgerService, MilestonesService],
})
export class ProjectsModule {}
