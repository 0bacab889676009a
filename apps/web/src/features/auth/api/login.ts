import type { Schemas } from '@dastarkhan/api-client';
import { useMutation } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client';
import { unwrap } from '../../../lib/api-error';
import { useStartSession } from '../../../lib/auth';

export function useLogin() {
  const client = useApiClient();
  const startSession = useStartSession();
  return useMutation({
    mutationFn: async (body: Schemas['LoginDto']) => unwrap(await client.POST('/api/auth/login', { body })),
    onSuccess: (session) => startSession(session.user),
  });
}
