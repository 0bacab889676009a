import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessModule } from './access/access.module';
import { AuthModule } from './auth/auth.module';
import { CitiesModule } from './cities/cities.module';
import { ClubsModule } from './clubs/clubs.module';
import { AllExceptionsFilter } from './common/errors/all-exceptions.filter';
import { CommunitiesModule } from './communities/communities.module';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DecisionsModule } from './decisions/decisions.module';
import { typeormOptions } from './database/typeorm-options';
import { HealthModule } from './health/health.module';
import { MeetingsModule } from './meetings/meetings.module';
import { MeetingRecordsModule } from './meetings/meeting-records.module';
import { NotificationsModule } from './notifications/notifications.module';
import { ParticipationModule } from './participation/participation.module';
import { PathwayModule } from './pathway/pathway.module';
import { PeopleModule } from './people/people.module';
import { ProjectsModule } from './projects/projects.module';
import { ReviewsModule } from './reviews/reviews.module';
import { ReportsModule } from './reports/reports.module';
import { WorkQueueModule } from './work-queue/work-queue.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        TypeOrmModule.forRoot(typeormOptions(databaseUrl, { poolSize: config.DB_POOL_SIZE, sqlTraceFile: config.SQL_TRACE_FILE })),
        AccessModule,
        AuthModule,
        PeopleModule,
        CitiesModule,
        ClubsModule,
        CommunitiesModule,
        ParticipationModule,
        MeetingsModule,
        MeetingRecordsModule,
        ProjectsModule,
        PathwayModule,
        ReviewsModule,
        ReportsModule,
        DecisionsModule,
        NotificationsModule,
        WorkQueueModule,
        HealthModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: AllExceptionsFilter }],
    };
  }
}
