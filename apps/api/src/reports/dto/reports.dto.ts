import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { LOCALES, TRADITIONS, type Locale, type Tradition } from '@dastarkhan/domain';
import { LocalizedTextDto } from '../../common/localized-text.dto';

export const REPORT_TABLES = [
  'stages',
  'funnel',
  'durations',
  'decisions',
  'appeals',
  'concerns',
  'meetingsByMonth',
  'meetings',
  'actionItems',
  'projects',
  'partners',
  'contributionsByMonth',
  'overview',
] as const;
export type ReportTableKey = (typeof REPORT_TABLES)[number];

/** The dashboard's filters (apps/api/docs/reports-contract.md): they only select rows of already-suppressed blocks. */
export class ReportFiltersDto {
  @ApiPropertyOptional({ description: "'last-12-months' (default) or a calendar year, e.g. '2026'", example: 'last-12-months' })
  @IsOptional()
  @Matches(/^(last-12-months|\d{4})$/)
  period?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  cityId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  clubId?: string;

  @ApiPropertyOptional({ enum: TRADITIONS, enumName: 'Tradition' })
  @IsOptional()
  @IsIn(TRADITIONS)
  tradition?: Tradition;
}

export class ReportExportQueryDto extends ReportFiltersDto {
  @ApiProperty({ enum: REPORT_TABLES, enumName: 'ReportTableKey' })
  @IsIn(REPORT_TABLES)
  table: ReportTableKey;

  @ApiPropertyOptional({ enum: LOCALES, description: "Headers' language (default: the reader's)" })
  @IsOptional()
  @IsIn(LOCALES)
  lang?: Locale;
}

export class AttendanceExportQueryDto extends ReportFiltersDto {
  @ApiPropertyOptional({ enum: LOCALES })
  @IsOptional()
  @IsIn(LOCALES)
  lang?: Locale;
}

export class AnnualReportQueryDto {
  @ApiProperty({ example: '2026' })
  @Matches(/^\d{4}$/)
  year: string;

  @ApiPropertyOptional({ enum: LOCALES })
  @IsOptional()
  @IsIn(LOCALES)
  lang?: Locale;
}

export class OpenDataQueryDto {
  @ApiPropertyOptional({ description: "'last-12-months' (default) or a calendar year" })
  @IsOptional()
  @Matches(/^(last-12-months|\d{4})$/)
  period?: string;
}

/**
 * One figure of a report. Exact: `value`. Hidden under the small-count rule: `value` null, the
 * part the reader counts by name in `listed`, and "fewer than `fewerThan`" for the rest — or
 * `fewerThan` null when withheld (secondary suppression, or a statistic over too few communities).
 */
export class ReportCellDto {
  @ApiProperty({ type: Number, nullable: true })
  value: number | null;

  @ApiProperty({ type: Number, nullable: true })
  listed: number | null;

  @ApiProperty({ type: Number, nullable: true })
  fewerThan: number | null;
}

export const ROW_KINDS = ['stage', 'step', 'duration', 'decision', 'appeal', 'concern', 'month', 'meeting', 'items', 'projects', 'project', 'city', 'club', 'total'] as const;
export type ReportRowKind = (typeof ROW_KINDS)[number];

export class ReportRowDto {
  @ApiProperty({ description: 'A code (stage, step, month YYYY-MM, outcome:reason) or the id of a club, city, meeting or project' })
  key: string;

  @ApiProperty({ enum: ROW_KINDS, enumName: 'ReportRowKind' })
  kind: ReportRowKind;

  @ApiProperty({ type: String, nullable: true, description: 'Name of a club or project, date of a meeting; null where a code is translated' })
  label: string | null;

  @ApiProperty({ type: LocalizedTextDto, nullable: true, description: "A city's name" })
  cityName: LocalizedTextDto | null;

  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: "A meeting's start" })
  date: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Where the list behind the row is, when the reader may see it (a web path)' })
  href: string | null;

  @ApiProperty({ type: [ReportCellDto] })
  cells: ReportCellDto[];
}

export class ReportTableDto {
  @ApiProperty({ enum: REPORT_TABLES, enumName: 'ReportTableKey' })
  key: ReportTableKey;

  @ApiProperty({ type: [String], description: 'Column codes (translated by the client)' })
  columns: string[];

  @ApiProperty({ type: [ReportRowDto] })
  rows: ReportRowDto[];
}

export class ReportCityOptionDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: LocalizedTextDto })
  name: LocalizedTextDto;
}

export class ReportClubOptionDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ format: 'uuid' })
  cityId: string;
}

export class AppliedFiltersDto {
  @ApiProperty()
  period: string;

  @ApiProperty({ type: String, nullable: true })
  cityId: string | null;

  @ApiProperty({ type: String, nullable: true })
  clubId: string | null;

  @ApiProperty({ type: String, nullable: true, enum: TRADITIONS, enumName: 'Tradition' })
  tradition: Tradition | null;
}

export class DashboardDto {
  @ApiProperty({ enum: ['national', 'regional', 'clubs'], description: "national: the whole country; regional: an official's regions; clubs: a coordinator's clubs" })
  scope: 'national' | 'regional' | 'clubs';

  @ApiProperty({ description: 'The small-count threshold the figures follow (1: unsuppressed, a coordinator of every club shown)' })
  threshold: number;

  @ApiProperty({ type: AppliedFiltersDto })
  filters: AppliedFiltersDto;

  @ApiProperty({ type: [String], description: "The period's months, YYYY-MM, oldest first" })
  months: string[];

  @ApiProperty({ type: [ReportCityOptionDto] })
  cities: ReportCityOptionDto[];

  @ApiProperty({ type: [ReportClubOptionDto] })
  clubs: ReportClubOptionDto[];

  @ApiProperty({ type: [ReportTableDto] })
  tables: ReportTableDto[];

  @ApiProperty({ format: 'date-time' })
  generatedAt: string;
}

export class OpenDataProjectDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  title: string;

  @ApiProperty()
  clubName: string;

  @ApiProperty({ type: String, nullable: true })
  outcomeSummary: string | null;

  @ApiProperty({ description: 'The outcome figures the club reported, e.g. "Coats delivered: 140"', type: 'array', items: { type: 'object', properties: { label: { type: 'string' }, value: { type: 'number' } } } })
  outcomeFigures: Array<{ label: string; value: number }>;

  @ApiProperty({ type: ReportCellDto, description: 'Confirmed volunteers (public small-count rule)' })
  volunteers: ReportCellDto;

  @ApiProperty({ type: ReportCellDto, description: 'Confirmed volunteer-hours (public small-count rule)' })
  hours: ReportCellDto;
}

export class OpenDataDto {
  @ApiProperty({ format: 'uuid' })
  cityId: string;

  @ApiProperty({ type: LocalizedTextDto })
  cityName: LocalizedTextDto;

  @ApiProperty()
  period: string;

  @ApiProperty({ description: 'The public small-count threshold (10)' })
  threshold: number;

  @ApiProperty({ type: ReportTableDto, description: "The city's clubs: communities taking part, meetings held, projects" })
  clubs: ReportTableDto;

  @ApiProperty({ type: [OpenDataProjectDto], description: 'Completed public projects of the period and what they achieved' })
  projects: OpenDataProjectDto[];
}
