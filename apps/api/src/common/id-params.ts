import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class IdParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;
}

export class ClubIdParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  clubId: string;
}

export class CityIdParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  cityId: string;
}

export class UserIdParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  userId: string;
}
