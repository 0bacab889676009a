import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The protected records one request read (docs/domain.md, P8): filled by the naming of
 * communities as the use case runs, written as ONE sensitive event when the request succeeds
 * (sensitive-events.interceptor.ts). Lives only for the request: nothing outlives it in memory.
 */
export class ReadLog {
  readonly communityIds = new Set<string>();
  readonly resources = new Set<string>();

  note(communityIds: Iterable<string>, resource: string): void {
    let any = false;
    for (const id of communityIds) {
      this.communityIds.add(id);
      any = true;
    }
    if (any) this.resources.add(resource);
  }
}

export const readLogs = new AsyncLocalStorage<ReadLog>();
