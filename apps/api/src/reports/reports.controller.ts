import { Controller, Get, Param, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { Access } from '../access/access.decorator';
import { CurrentViewer } from '../auth/current-viewer.decorator';
import type { Viewer } from '../auth/viewer';
import { ErrorResponseDto } from '../common/errors/error-response.dto';
import { CityIdParam, IdParam } from '../common/id-params';
import { contentDisposition } from './csv';
import {
  AnnualReportQueryDto,
  AttendanceExportQueryDto,
  DashboardDto,
  OpenDataDto,
  OpenDataQueryDto,
  ReportExportQueryDto,
  ReportFiltersDto,
} from './dto/reports.dto';
import { ReportsService } from './reports.service';

const CSV = 'text/csv; charset=utf-8';
const CSV_RESPONSE = { description: 'CSV, UTF-8 with a byte order mark; headers in the reader’s language', schema: { type: 'string' } } as const;

const filtersOf = ({ period, cityId, clubId, tradition }: ReportFiltersDto) => ({ period, cityId, clubId, tradition });

/** Dashboards and exports for officials, the administrator and coordinators (apps/api/docs/reports-contract.md). */
@ApiTags('reports')
@Controller()
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Access('reports.read')
  @ApiOperation({ summary: "The participation dashboard for the reader's scope" })
  @Get('reports/dashboard')
  @ApiOkResponse({ type: DashboardDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Officials, the administrator and coordinators only' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'A city or club filter outside the reader’s scope' })
  dashboard(@CurrentViewer() viewer: Viewer, @Query() filters: ReportFiltersDto): Promise<DashboardDto> {
    return this.reports.dashboard(viewer, filtersOf(filters));
  }

  @Access('reports.read')
  @ApiOperation({ summary: "The dashboard's tables as CSV" })
  @Get('reports/dashboard.csv')
  @ApiProduces('text/csv')
  @ApiOkResponse(CSV_RESPONSE)
  async exportTable(
    @CurrentViewer() viewer: Viewer,
    @Query() query: ReportExportQueryDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const csv = await this.reports.exportTable(viewer, filtersOf(query), query.table, query.lang ?? viewer.locale, String(request.id));
    void reply.header('Content-Type', CSV).header('Content-Disposition', contentDisposition(`dastarkhan-${query.table}-${query.period ?? 'last-12-months'}.csv`));
    return csv;
  }

  @Access('reports.read')
  @ApiOperation({ summary: "Monthly attendance per club as CSV" })
  @Get('reports/attendance.csv')
  @ApiProduces('text/csv')
  @ApiOkResponse({ ...CSV_RESPONSE, description: 'Monthly attendance per club, streamed' })
  attendance(
    @CurrentViewer() viewer: Viewer,
    @Query() query: AttendanceExportQueryDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): StreamableFile {
    void reply.header('Content-Disposition', contentDisposition(`dastarkhan-attendance-${query.period ?? 'last-12-months'}.csv`));
    const lines = this.reports.attendanceCsv(viewer, filtersOf(query), query.lang ?? viewer.locale, String(request.id));
    return new StreamableFile(Readable.from(lines), { type: CSV });
  }

  @Access('club.reports.read', { param: 'id' })
  @ApiOperation({ summary: "A club's annual report as CSV" })
  @Get('reports/clubs/:id/annual.csv')
  @ApiProduces('text/csv')
  @ApiOkResponse({ ...CSV_RESPONSE, description: "A club's annual report" })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'No such club, or outside the reader’s scope' })
  async annual(
    @CurrentViewer() viewer: Viewer,
    @Param() { id }: IdParam,
    @Query() query: AnnualReportQueryDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const csv = await this.reports.annualReport(viewer, id, Number(query.year), query.lang ?? viewer.locale, String(request.id));
    void reply.header('Content-Type', CSV).header('Content-Disposition', contentDisposition(`dastarkhan-annual-report-${query.year}.csv`));
    return csv;
  }

  @Access('public.read')
  @ApiOperation({ summary: "A city's open data" })
  @Get('open-data/cities/:cityId')
  @ApiOkResponse({ type: OpenDataDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  openData(@Param() { cityId }: CityIdParam, @Query() { period }: OpenDataQueryDto): Promise<OpenDataDto> {
    return this.reports.openData(cityId, period);
  }
}
