import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { burdenApi, burdenKeys, burdenPaths } from './api.ts';

/**
 * Starts a check (or resumes the paused one on the same instrument: the API decides) and
 * opens it. Who asks decides the mode: the caregiver for themselves, a professional in a
 * conversation (optionally as step 3 of a MantelScan).
 */
export function useStartCheck(clientId: string) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { memberId: string; instrument: string; mantelscanId?: string | null; back?: string | null }) => burdenApi.start(clientId, input.memberId, input.instrument, input.mantelscanId),
    onSuccess: (check, input) => {
      queryClient.setQueryData(burdenKeys.check(clientId, check.memberId, check.id), check);
      void queryClient.invalidateQueries({ queryKey: burdenKeys.me });
      navigate(burdenPaths.check(clientId, check.memberId, check.id, input.back), { state: { resumed: check.answeredCount > 0 } });
    },
  });
}
