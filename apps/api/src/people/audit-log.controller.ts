import { Controller, Get, Query, Req, type StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Access } from '../access/access.decorator';
import { CurrentViewer } from '../auth/current-viewer.decorator';
import type { Viewer } from '../auth/viewer';
import { csvFile } from '../reports/csv';
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
  @ApiOperation({ summary: 'The whole search as CSV, streamed page by page; the export is recorded (the administrator)' })
  @Get('audit-log/export.csv')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV, UTF-8 with a byte order mark', schema: { type: 'string' } })
  exportCsv(@CurrentViewer() viewer: Viewer, @Query() query: AuditLogQueryDto, @Req() request: FastifyRequest): Promise<StreamableFile> {
    return csvFile(this.audit.exportCsv(viewer, query, String(request.id)), 'dastarkhan-audit-log.csv');
  }
}
