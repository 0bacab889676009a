import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Access, RecentAuthentication } from '../access/access.decorator';
import { CurrentViewer } from '../auth/current-viewer.decorator';
import type { Viewer } from '../auth/viewer';
import { ErrorResponseDto } from '../common/errors/error-response.dto';
import { ClubIdParam, IdParam, UserIdParam } from '../common/id-params';
import { LinkTokenDto } from '../auth/dto/account.dto';
import {
  AddRoleDto,
  ClubInviteDto,
  ClubPeopleDto,
  EndRoleDto,
  InvitationAcceptanceDto,
  InvitationAcceptedDto,
  InvitationDto,
  InvitationListQuery,
  InvitationPreviewDto,
  InviteDto,
  PeopleQuery,
  PersonDto,
  ReasonDto,
} from './dto/people.dto';
import { InvitationsService } from './invitations.service';
import { OnBehalfService } from './on-behalf.service';
import { PeopleService } from './people.service';

const CLOSED = 'PEOPLE.INVITATION_CLOSED: accepted or withdrawn';

@ApiTags('people')
@Controller()
export class PeopleController {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly people: PeopleService,
    private readonly onBehalf: OnBehalfService,
  ) {}

  @Access('people.read')
  @ApiOperation({ summary: 'People and their roles, ended ones included (the administrator)' })
  @Get('users')
  @ApiOkResponse({ type: [PersonDto] })
  list(@CurrentViewer() viewer: Viewer, @Query() query: PeopleQuery): Promise<PersonDto[]> {
    return this.people.list(viewer, query.search);
  }

  @Access('people.manage')
  @RecentAuthentication()
  @ApiOperation({ summary: 'Grant a role to a person, from a date, with a reason (the administrator)' })
  @Post('users/:userId/roles')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'PEOPLE.ALREADY_HOLDS_ROLE' })
  addRole(@CurrentViewer() viewer: Viewer, @Param() { userId }: UserIdParam, @Body() input: AddRoleDto): Promise<void> {
    return this.people.addRole(viewer, userId, input);
  }

  @Access('people.manage')
  @RecentAuthentication()
  @ApiOperation({ summary: 'Deactivate a person: no more sign-ins, sessions end at once (the administrator)' })
  @Post('users/:userId/deactivation')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'CLUB.LAST_COORDINATOR: appoint a successor first; PEOPLE.SELF' })
  deactivate(@CurrentViewer() viewer: Viewer, @Param() { userId }: UserIdParam, @Body() { reason }: ReasonDto): Promise<void> {
    return this.people.deactivate(viewer, userId, reason);
  }

  @Access('people.manage')
  @RecentAuthentication()
  @ApiOperation({ summary: 'Reactivate a deactivated person (the administrator)' })
  @Post('users/:userId/reactivation')
  @HttpCode(204)
  @ApiNoContentResponse()
  reactivate(@CurrentViewer() viewer: Viewer, @Param() { userId }: UserIdParam, @Body() { reason }: ReasonDto): Promise<void> {
    return this.people.reactivate(viewer, userId, reason);
  }

  @Access('role.end', { param: 'id' })
  @RecentAuthentication()
  @ApiOperation({ summary: "End a role from a date with a reason: the administrator, or a club's coordinator for a co-coordinator" })
  @Post('roles/:id/end')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'CLUB.LAST_COORDINATOR: appoint a successor first; PEOPLE.ROLE_ENDED' })
  endRole(@CurrentViewer() viewer: Viewer, @Param() { id }: IdParam, @Body() input: EndRoleDto): Promise<void> {
    return this.people.endRole(viewer, id, input);
  }

  @Access('people.read')
  @ApiOperation({ summary: 'Invitations, newest first (the administrator)' })
  @Get('invitations')
  @ApiOkResponse({ type: [InvitationDto] })
  listInvitations(@CurrentViewer() viewer: Viewer, @Query() query: InvitationListQuery): Promise<InvitationDto[]> {
    return this.invitations.list(viewer, { status: query.status });
  }

  @Access('people.manage')
  @RecentAuthentication()
  @ApiOperation({ summary: 'Invite someone by email to a role with its scope (the administrator)' })
  @Post('invitations')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'PEOPLE.ALREADY_HOLDS_ROLE' })
  async invite(@CurrentViewer() viewer: Viewer, @Body() { email, ...scope }: InviteDto): Promise<void> {
    await this.invitations.inviteAnyone(viewer, email, scope);
  }

  @Access('club.people.read', { param: 'clubId' })
  @ApiOperation({ summary: "A club's coordinators (past ones too), invitations and the communities created through it: its coordinators and the administrator" })
  @Get('clubs/:clubId/people')
  @ApiOkResponse({ type: ClubPeopleDto })
  async clubPeople(@CurrentViewer() viewer: Viewer, @Param() { clubId }: ClubIdParam): Promise<ClubPeopleDto> {
    const [coordinators, invitations, communities] = await Promise.all([
      this.people.clubCoordinators(viewer, clubId),
      this.invitations.list(viewer, { clubId }),
      this.onBehalf.createdVia(viewer, clubId),
    ]);
    return { coordinators, invitations, communities };
  }

  @Access('club.people.invite', { param: 'clubId' })
  @ApiOperation({ summary: "Invite a co-coordinator, or a representative of a community in the club: the club's coordinators and the administrator" })
  @Post('clubs/:clubId/invitations')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'PEOPLE.ALREADY_HOLDS_ROLE' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto, description: 'PEOPLE.COMMUNITY_NOT_IN_CLUB' })
  inviteToClub(@CurrentViewer() viewer: Viewer, @Param() { clubId }: ClubIdParam, @Body() input: ClubInviteDto): Promise<void> {
    return this.invitations.inviteToClub(viewer, clubId, input);
  }

  @Access('invitation.manage', { param: 'id' })
  @ApiOperation({ summary: 'Send a pending invitation again with a new link, valid 7 days' })
  @Post('invitations/:id/resend')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiConflictResponse({ type: ErrorResponseDto, description: CLOSED })
  resend(@CurrentViewer() viewer: Viewer, @Param() { id }: IdParam): Promise<void> {
    return this.invitations.resend(viewer, id);
  }

  @Access('invitation.manage', { param: 'id' })
  @ApiOperation({ summary: 'Withdraw a pending invitation: its link stops working' })
  @Post('invitations/:id/revoke')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiConflictResponse({ type: ErrorResponseDto, description: CLOSED })
  revoke(@CurrentViewer() viewer: Viewer, @Param() { id }: IdParam): Promise<void> {
    return this.invitations.revoke(viewer, id);
  }

  @Access('account.follow-link')
  @ApiOperation({ summary: "What an invitation link offers (the link's secret is the proof)" })
  @Post('invitations/preview')
  @HttpCode(200)
  @ApiOkResponse({ type: InvitationPreviewDto })
  preview(@Body() { token }: LinkTokenDto): Promise<InvitationPreviewDto> {
    return this.invitations.preview(token);
  }

  @Access('account.follow-link')
  @ApiOperation({ summary: 'Accept an invitation: set the password (or give the current one) and take the role' })
  @Post('invitations/acceptance')
  @HttpCode(200)
  @ApiOkResponse({ type: InvitationAcceptedDto })
  accept(@Body() input: InvitationAcceptanceDto): Promise<InvitationAcceptedDto> {
    return this.invitations.accept(input);
  }
}
