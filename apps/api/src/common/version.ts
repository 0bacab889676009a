import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';

/** The version a client read: a save naming an older one is refused with 409 (no lost update). */
export function ExpectedVersion(): PropertyDecorator {
  return (target, key) => {
    ApiProperty({ type: 'integer', minimum: 0, maximum: 2147483647, description: 'The version read; 409 when the record changed meanwhile' })(target, key);
    IsInt()(target, key);
    Min(0)(target, key);
    Max(2147483647)(target, key);
  };
}
