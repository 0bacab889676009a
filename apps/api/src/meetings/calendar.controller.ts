import { Access } from '../access/access.decorator';
import { Controller, Delete, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { createHash } from 'node:crypto';
import {
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentViewer } from '../auth/current-viewer.decorator';
import type { Viewer } from '../auth/viewer';
import { ErrorResponseDto } from '../common/errors/error-response.dto';
import { ClubIdParam } from '../common/id-params';
import { CalendarService } from './calendar.service';
import { CalendarQuery, CalendarTokenDto } from './dto/calendar.dto';

@ApiTags('meetings')
@Controller('clubs/:clubId')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Access('club.calendar.read', { param: 'clubId' })
  @ApiOperation({ summary: "The club's meetings as an iCal feed" })
  @Get('calendar.ics')
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'iCalendar (RFC 5545)', schema: { type: 'string' } })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'No such club, or a revoked / unknown token' })
  async feed(
    @Param() { clubId }: ClubIdParam,
    @Query() { token }: CalendarQuery,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string | undefined> {
    const ics = await this.calendar.feed(clubId, token);
    // A calendar app polls: an unchanged feed costs it a 304 and no body.
    const etag = `"${createHash('sha256').update(ics).digest('base64url').slice(0, 27)}"`;
    // Set on success only: an error keeps the JSON error body and its content type.
    void reply.header('ETag', etag).header('Cache-Control', 'private, max-age=300');
    if (ifNoneMatch?.split(',').some((tag) => tag.trim() === etag)) {
      void reply.status(304);
      return undefined;
    }
    void reply.header('Content-Type', 'text/calendar; charset=utf-8');
    return ics;
  }

  @Access('club.calendar.subscribe', { param: 'clubId' })
  @ApiOperation({ summary: "A private calendar link with the club's own meetings" })
  @Post('calendar-token')
  @ApiCreatedResponse({ type: CalendarTokenDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Neither coordinator nor participant of the club' })
  issueToken(@CurrentViewer() viewer: Viewer, @Param() { clubId }: ClubIdParam): Promise<CalendarTokenDto> {
    return this.calendar.issueToken(viewer, clubId);
  }

  @Access('club.calendar.unsubscribe', { param: 'clubId' })
  @ApiOperation({ summary: "Revoke the caller's private calendar links of the club" })
  @Delete('calendar-token')
  @HttpCode(204)
  @ApiNoContentResponse({ description: "The caller's private feeds of this club are revoked" })
  revokeTokens(@CurrentViewer() viewer: Viewer, @Param() { clubId }: ClubIdParam): Promise<void> {
    return this.calendar.revokeTokens(viewer, clubId);
  }
}
