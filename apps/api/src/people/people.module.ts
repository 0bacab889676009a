import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { InvitationsService } from './invitations.service';
import { PeopleController } from './people.controller';
import { PeopleService } from './people.service';

/** People, roles and invitations (issue 12). */
@Module({ imports: [AuthModule], controllers: [PeopleController], providers: [InvitationsService, PeopleService] })
export class PeopleModule {}
