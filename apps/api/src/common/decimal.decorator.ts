import { applyDecorators } from '@nestjs/common';
import { IsNumber, ValidateBy, ValidationOptions } from 'class-validator';

/**
 * A finite number with at most `places` decimals, whatever way the JSON wrote it: class-validator's
 * maxDecimalPlaces reads `1e-7` and `5e-324` as having none, and PostgreSQL then fails on them.
 */
export function IsDecimal(places: number, options?: ValidationOptions): PropertyDecorator {
  return applyDecorators(
    IsNumber({ allowNaN: false, allowInfinity: false }, options),
    ValidateBy(
      {
        name: 'isDecimal',
        validator: {
          // Exactly the number its rounding to `places` decimals reads back as: 12.34 yes, 1e-7 and 5e-324 no.
          validate: (value: unknown) => typeof value === 'number' && Number.isFinite(value) && Number(value.toFixed(places)) === value,
          defaultMessage: (args) => `${args?.property ?? 'value'} must be a number with at most ${places} decimals`,
        },
      },
      options,
    ),
  );
}
