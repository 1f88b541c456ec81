import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../i18n/index.tsx';
import { Alert, LoadError, Loading } from '../Feedback.tsx';
import { CheckboxField } from '../form/index.ts';
import { Section } from '../PageHeading.tsx';
import { Paragraph } from '../ui.tsx';
import { notificationApi, notificationKeys } from './api.ts';

/** The account page's choice for the daily e-mail about unread notifications (saved at once). */
export function DigestSetting() {
  const { t } = useI18n();
  const n = t.notifications;
  const queryClient = useQueryClient();
  const digest = useQuery({ queryKey: notificationKeys.digest, queryFn: notificationApi.digest });
  // The box follows the click at once; a failed save puts it back.
  const save = useMutation({
    mutationFn: notificationApi.setDigest,
    onMutate: (enabled: boolean) => {
      const before = queryClient.getQueryData<{ enabled: boolean }>(notificationKeys.digest);
      queryClient.setQueryData(notificationKeys.digest, { enabled });
      return { before };
    },
    onError: (_error, _enabled, context) => queryClient.setQueryData(notificationKeys.digest, context?.before),
    onSuccess: (fresh) => queryClient.setQueryData(notificationKeys.digest, fresh),
  });
  return (
    <Section id="meldingen" title={n.digestTitle}>
      <Paragraph>{n.digestText}</Paragraph>
      {digest.isPending ? (
        <Loading />
      ) : digest.isError ? (
        <LoadError error={digest.error} onRetry={() => void digest.refetch()} />
      ) : (
        <>
          <CheckboxField id="meldingen-email" name="digest" label={n.digestLabel} checked={digest.data.enabled} onChange={(e) => save.mutate(e.target.checked)} />
          {save.isSuccess && <Alert kind="ok" title={save.data.enabled ? n.digestOn : n.digestOff} live />}
          {save.isError && <LoadError error={save.error} />}
        </>
      )}
    </Section>
  );
}
