import type { Schemas } from '@dastarkhan/api-client';
import { useMutation } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client';
import { unwrap } from '../../../lib/api-error';
import { useStartSession } from '../../../lib/auth';

export function useSignup() {
  const client = useApiClient();
  const startSession = useStartSession();
  return useMutation({
    mutationFn: async (body: Schemas['SignupDto']) => unwrap(await client.POST('/api/auth/signup', { body })),
    onSuccess: (session) => startSession(session.user),
  });
}
