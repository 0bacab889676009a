import type { Schemas } from '@dastarkhan/api-client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client';
import { unwrap } from '../../../lib/api-error';
import { useStartSession } from '../../../lib/auth';
import { queryKeys } from '../../../lib/query-keys';

export type SessionInfo = Schemas['SessionInfoDto'];
export type SecurityEvent = Schemas['SecurityEventDto'];
export type SecurityEventKind = Schemas['SensitiveEventKind'];

export const accountKeys = {
  secondFactor: ['account', 'second-factor'] as const,
  sessions: ['account', 'sessions'] as const,
  securityEvents: (filters: SecurityEventFilters) => ['account', 'security-events', filters] as const,
};

/** The answer to a password: signed in, or a code is needed (202 with a challenge). */
export type SignInStep = { kind: 'signed-in'; user: Schemas['MeDto'] } | { kind: 'second-factor'; challenge: string };

export function useLogin() {
  const client = useApiClient();
  const startSession = useStartSession();
  return useMutation({
    mutationFn: async (body: Schemas['LoginDto']): Promise<SignInStep> => {
      const result = await client.POST('/api/auth/login', { body });
      const data = unwrap(result);
      if ('challenge' in data) return { kind: 'second-factor', challenge: data.challenge };
      startSession(data.user);
      return { kind: 'signed-in', user: data.user };
    },
  });
}

export function useSecondStep() {
  const client = useApiClient();
  const startSession = useStartSession();
  return useMutation({
    mutationFn: async (body: Schemas['SecondFactorStepDto']) => unwrap(await client.POST('/api/auth/login/second-factor', { body })),
    onSuccess: (session) => startSession(session.user),
  });
}

export function useSignup() {
  const client = useApiClient();
  return useMutation({
    mutationFn: async (body: Schemas['SignupDto']) => {
      unwrap(await client.POST('/api/auth/signup', { body }));
    },
  });
}

/** Following an emailed link: the secret is the part of the address after `#` (never sent to a server by the browser). */
export function useFollowLink(kind: 'confirm-email' | 'confirm-email-change') {
  const client = useApiClient();
  return useMutation({
    mutationFn: async (token: string) => {
      const path = kind === 'confirm-email' ? '/api/auth/email-confirmation' : '/api/auth/email-change/confirmation';
      unwrap(await client.POST(path, { body: { token } }));
    },
  });
}

export function useRequestPasswordReset() {
  const client = useApiClient();
  return useMutation({
    mutationFn: async (email: string) => {
      unwrap(await client.POST('/api/auth/password-reset', { body: { email } }));
    },
  });
}

export function useResetPassword() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: Schemas['PasswordResetDto']) => {
      unwrap(await client.POST('/api/auth/password-reset/completion', { body }));
    },
    // Every session ended, this browser's too.
    onSuccess: () => {
      queryClient.clear();
      queryClient.setQueryData(queryKeys.me, null);
    },
  });
}

export function useChangePassword() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: Schemas['ChangePasswordDto']) => {
      unwrap(await client.POST('/api/auth/password', { body }));
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: accountKeys.sessions }),
  });
}

export function useRequestEmailChange() {
  const client = useApiClient();
  return useMutation({
    mutationFn: async (email: string) => {
      unwrap(await client.POST('/api/auth/email-change', { body: { email } }));
    },
  });
}

export function useReauthenticate() {
  const client = useApiClient();
  return useMutation({
    mutationFn: async (body: Schemas['ReauthenticateDto']) => {
      unwrap(await client.POST('/api/auth/reauthentication', { body }));
    },
  });
}

export function useSecondFactor() {
  const client = useApiClient();
  return useQuery({ queryKey: accountKeys.secondFactor, queryFn: async () => unwrap(await client.GET('/api/auth/second-factor')) });
}

/** Second-factor changes refresh the status and the signed-in user (its `secondFactorEnabled`). */
function useSecondFactorMutation<TInput, TOutput>(run: (input: TInput) => Promise<TOutput>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: accountKeys.secondFactor });
      void queryClient.invalidateQueries({ queryKey: queryKeys.me });
    },
  });
}

export function useStartEnrolment() {
  const client = useApiClient();
  return useMutation({ mutationFn: async () => unwrap(await client.POST('/api/auth/second-factor/enrolment')) });
}

export function useConfirmEnrolment() {
  const client = useApiClient();
  return useSecondFactorMutation(async (code: string) =>
    unwrap(await client.POST('/api/auth/second-factor/enrolment/confirmation', { body: { code } })),
  );
}

export function useRenewRecoveryCodes() {
  const client = useApiClient();
  return useSecondFactorMutation(async () => unwrap(await client.POST('/api/auth/second-factor/recovery-codes')));
}

export function useDisableSecondFactor() {
  const client = useApiClient();
  return useSecondFactorMutation(async () => {
    unwrap(await client.DELETE('/api/auth/second-factor'));
  });
}

export function useSessions() {
  const client = useApiClient();
  return useQuery({ queryKey: accountKeys.sessions, queryFn: async () => unwrap(await client.GET('/api/auth/sessions')) });
}

export function useEndSession() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => {
      unwrap(await client.DELETE('/api/auth/sessions/{id}', { params: { path: { id } } }));
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: accountKeys.sessions }),
  });
}

export function useEndAllSessions() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      unwrap(await client.DELETE('/api/auth/sessions'));
    },
    onSuccess: () => {
      queryClient.clear();
      queryClient.setQueryData(queryKeys.me, null);
    },
  });
}

export interface SecurityEventFilters {
  kind?: SecurityEventKind;
  actor?: string;
  from?: string;
  to?: string;
  before?: number;
}

export function useSecurityEvents(filters: SecurityEventFilters) {
  const client = useApiClient();
  return useQuery({
    queryKey: accountKeys.securityEvents(filters),
    queryFn: async () => unwrap(await client.GET('/api/admin/security-events', { params: { query: { ...filters, limit: 50 } } })),
  });
}
