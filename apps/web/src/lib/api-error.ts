/** The API's error body: `{ statusCode, code, message, fields? }` (apps/api/docs/api-contract.md). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  static from(status: number, body: unknown): ApiError {
    const record = isRecord(body) ? body : {};
    const code = typeof record.code === 'string' ? record.code : codeForStatus(status);
    const message = typeof record.message === 'string' ? record.message : `HTTP ${status}`;
    const fields: Record<string, string> = {};
    if (isRecord(record.fields)) {
      for (const [field, value] of Object.entries(record.fields)) {
        fields[field] = Array.isArray(value) ? value.map(String).join(', ') : String(value);
      }
    }
    return new ApiError(status, code, message, fields);
  }
}

function codeForStatus(status: number): string {
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 409) return 'CONFLICT';
  return 'UNKNOWN';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Turns an openapi-fetch result into data or a thrown ApiError, so React Query sees failures.
 * A network failure (fetch rejects) propagates as is and is shown as the generic error.
 */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || !result.response.ok) {
    throw ApiError.from(result.response.status, result.error);
  }
  return result.data as T;
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}
