import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from './access.decorator';
import { SecurityEventPageDto, SecurityEventQueryDto } from './dto/security-event.dto';
import { SensitiveEventsService } from './sensitive-events.service';

@ApiTags('admin')
@Controller('admin/security-events')
export class SecurityEventsController {
  constructor(private readonly events: SensitiveEventsService) {}

  @Access('security-events.read')
  @Get()
  @ApiOperation({
    summary: 'Search the record of sensitive and security events',
    description: 'By kind, account and period, newest first, a page at a time: for the administrator.',
  })
  @ApiOkResponse({ type: SecurityEventPageDto })
  search(@Query() query: SecurityEventQueryDto): Promise<SecurityEventPageDto> {
    return this.events.search(query);
  }
}
