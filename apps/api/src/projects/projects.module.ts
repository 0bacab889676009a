import { Module } from '@nestjs/common';
import { CommunitiesModule } from '../communities/communities.module';
import { MilestonesService } from './milestones.service';
import { ProjectAccessService } from './project-access.service';
import { ProjectLedgerController } from './project-ledger.controller';
import { ProjectLedgerService } from './project-ledger.service';
import { ProjectsController } from './projects.controller';
import { ProjectsService } from './projects.service';

@Module({
  imports: [CommunitiesModule],
  controllers: [ProjectsController, ProjectLedgerController],
  providers: [ProjectAccessService, ProjectsService, ProjectLedgerService, MilestonesService],
})
export class ProjectsModule {}
