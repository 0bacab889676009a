import { Access } from '../access/access.decorator';
import { Controller, Get, HttpCode } from '@nestjs/common';
import { ApiTags, ApiOperation, ApiOkResponse, ApiServiceUnavailableResponse } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { DrainState } from './drain-state';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly drain: DrainState,
  ) {}

  /** Readiness, kept at its historical path for the Dockerfile's HEALTHCHECK and existing monitors. */
  @Access('public.read')
  @ApiOperation({ summary: 'Whether this replica takes requests (same as /api/health/ready)' })
  @Get()
  @HealthCheck()
  check() {
    return this.ready();
  }

  /** Liveness: the process answers. Never touches the database, so an outage does not get replicas restarted. */
  @Access('public.read')
  @ApiOperation({ summary: 'Whether the process is alive (no database check): what a supervisor restarts on' })
  @ApiOkResponse({ description: 'The process answers' })
  @Get('live')
  @HttpCode(200)
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: 200 when the database answers and the replica is not shutting down; 503 otherwise (what a load balancer polls). */
  @Access('public.read')
  @ApiOperation({ summary: 'Whether this replica takes requests: the database answers and it is not shutting down' })
  @ApiServiceUnavailableResponse({ description: 'Shutting down, or the database does not answer' })
  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([
      () => {
        const indicator = this.indicators.check('replica');
        return this.drain.draining ? indicator.down({ draining: true }) : indicator.up();
      },
      () => this.database.pingCheck('database', { timeout: 2000 }),
    ]);
  }
}
