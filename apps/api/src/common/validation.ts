import { ValidationError, ValidationPipe } from '@nestjs/common';

/** Thrown by the global ValidationPipe; carries one message per offending field (dotted path). */
export class ValidationFailed extends Error {
  constructor(readonly fields: Record<string, string>) {
    super(`Invalid input: ${Object.keys(fields).join(', ')}`);
  }
}

function flatten(errors: ValidationError[], prefix = ''): Record<string, string> {
  return errors.reduce<Record<string, string>>((fields, error) => {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints) fields[path] = Object.values(error.constraints).join('; ');
    return { ...fields, ...flatten(error.children ?? [], path) };
  }, {});
}

/** Whitelist, reject unknown fields, transform to DTO classes: for body, query and params alike. */
export const validationPipe = new ValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  stopAtFirstError: false,
  exceptionFactory: (errors) => new ValidationFailed(flatten(errors)),
});
