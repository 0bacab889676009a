import { Module } from '@nestjs/common';
import { MilestonesService } from './milestones.service';
import { ProjectLedgerController } from './project-ledger.controller';
import { ProjectLedgerService } from './project-ledger.service';
import { ProjectsController } from './projects.controller';
import { ProjectsService } from './projects.service';

@Module({
  controllers: [ProjectsController, ProjectLedgerController],
  providers: [ProjectsService, ProjectLedgerService, MilestonesService],
})
export class ProjectsModule {}
