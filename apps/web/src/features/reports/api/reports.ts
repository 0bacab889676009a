import type { Schemas } from '@dastarkhan/api-client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client';
import { unwrap } from '../../../lib/api-error';

export type Dashboard = Schemas['DashboardDto'];
export type ReportTable = Schemas['ReportTableDto'];
export type ReportRow = Schemas['ReportRowDto'];
export type ReportCell = Schemas['ReportCellDto'];
export type ReportTableKey = Schemas['ReportTableKey'];
export type OpenData = Schemas['OpenDataDto'];
export type Tradition = Schemas['Tradition'];

export interface ReportFilters {
  period: string;
  cityId?: string;
  clubId?: string;
  tradition?: Tradition;
}

export const reportsKeys = {
  dashboard: (filters: ReportFilters) => ['reports', 'dashboard', filters] as const,
  openData: (cityId: string, period: string) => ['reports', 'open-data', cityId, period] as const,
};

/** The query string of a filter set (also what the CSV links carry). */
export function filterQuery(filters: ReportFilters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, ...extra })) if (value) params.set(key, value);
  return params.toString();
}

export function useDashboard(filters: ReportFilters) {
  const client = useApiClient();
  return useQuery({
    queryKey: reportsKeys.dashboard(filters),
    queryFn: async () => unwrap(await client.GET('/api/reports/dashboard', { params: { query: filters } })),
    placeholderData: keepPreviousData,
  });
}

export function useOpenData(cityId: string, period: string) {
  const client = useApiClient();
  return useQuery({
    queryKey: reportsKeys.openData(cityId, period),
    queryFn: async () => unwrap(await client.GET('/api/open-data/cities/{cityId}', { params: { path: { cityId }, query: { period } } })),
  });
}
