import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Access } from '../access/access.decorator';
import { CurrentViewer } from '../auth/current-viewer.decorator';
import type { Viewer } from '../auth/viewer';
import { contentDisposition } from '../reports/csv';
import { AuditLogService } from './audit-log.service';
import { AttentionDto, AuditLogQueryDto, AuditPageDto } from './dto/audit-log.dto';

@ApiTags('admin')
@Controller('admin')
export class AuditLogController {
  constructor(private readonly audit: AuditLogService) {}

  @Access('audit.read')
  @ApiOperation({ summary: "What needs attention nationally: clubs without a coordinator, invitations, claims, appeals, failed emails (the administrator's home)" })
  @Get('attention')
  @ApiOkResponse({ type: AttentionDto })
  attention(): Promise<AttentionDto> {
    return this.audit.attention();
  }

  @Access('audit.read')
  @ApiOperation({ summary: 'Search the audit log: changes by actor, club, community, record, action and period (the administrator)' })
  @Get('audit-log')
  @ApiOkResponse({ type: AuditPageDto })
  search(@CurrentViewer() viewer: Viewer, @Query() query: AuditLogQueryDto): Promise<AuditPageDto> {
    return this.audit.search(viewer, query);
  }

  @Access('audit.read')
  @ApiOperation({ summary: 'The same search as CSV; the export is recorded (the administrator)' })
  @Get('audit-log/export.csv')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV, UTF-8 with a byte order mark', schema: { type: 'string' } })
  async exportCsv(
    @CurrentViewer() viewer: Viewer,
    @Query() query: AuditLogQueryDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const csv = await this.audit.exportCsv(viewer, query, String(request.id));
    void reply.header('Content-Type', 'text/csv; charset=utf-8').header('Content-Disposition', contentDisposition('dastarkhan-audit-log.csv'));
    return csv;
  }
}
