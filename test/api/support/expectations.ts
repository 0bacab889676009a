import type { Response } from 'supertest';

/** A 400 from the validation pipe that names every offending field. */
export function expectValidationFailure(response: Response, ...fields: string[]): void {
  expect({ status: response.status, code: response.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
  expect(response.body.statusCode).toBe(400);
  expect(Object.keys(response.body.fields ?? {})).toEqual(expect.arrayContaining(fields));
}

/** An error response with this status and code (the body shape of apps/api/docs/api-contract.md). */
export function expectError(response: Response, status: number, code: string): void {
  expect({ status: response.status, code: response.body.code }).toEqual({ status, code });
  expect(response.body).toMatchObject({ statusCode: status, message: expect.any(String) });
}
