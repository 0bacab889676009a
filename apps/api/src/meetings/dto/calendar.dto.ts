import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

export class CalendarTokenDto {
  @ApiProperty({ description: "The club's private feed for the caller: every meeting, club-only ones included. Keep it secret." })
  url: string;
}

export class CalendarQuery {
  @ApiPropertyOptional({ pattern: '^[A-Za-z0-9_-]{43}$', description: 'A private feed token (POST /clubs/{clubId}/calendar-token); without it, public meetings only' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{43}$/, { message: 'token is not a calendar token' })
  token?: string;
}
