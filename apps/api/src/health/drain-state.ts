import { Injectable } from '@nestjs/common';

/**
 * Whether this replica is shutting down. Set by main.ts on SIGTERM so that readiness answers 503
 * (the load balancer stops sending new requests) while the requests already here still finish.
 * Per process on purpose: it describes this replica, not shared state.
 */
@Injectable()
export class DrainState {
  draining = false;
}
