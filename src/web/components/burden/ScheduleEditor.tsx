import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../i18n/index.tsx';
import { Alert, LoadError, Loading, StatusBadge, nextKey } from '../Feedback.tsx';
import { burdenApi, burdenKeys } from './api.ts';
import { useBurdenText } from './text.ts';
import type { Schedule } from './types.ts';
import './burden.css';

const OFF = 'uit';
const MONTHS = [1, 2, 3, 4, 6, 12];

function ScheduleRow({ schedule, clientId, memberId, onSaved }: { schedule: Schedule; clientId: string; memberId: string; onSaved: (name: string) => void }) {
  const { t, errorText } = useI18n();
  const b = t.burden;
  const text = useBurdenText();
  const queryClient = useQueryClient();
  const current = schedule.enabled && schedule.intervalMonths ? String(schedule.intervalMonths) : OFF;
  const [value, setValue] = useState(current);
  const name = text.name(schedule.instrumentKey, schedule.title);
  const id = `herinnering-${schedule.instrumentKey}`;
  const save = useMutation({
    mutationFn: (v: string) => burdenApi.setSchedule(clientId, memberId, schedule.instrumentKey, v === OFF ? { enabled: false } : { intervalMonths: Number(v), enabled: true }),
    onSuccess: (fresh) => {
      queryClient.setQueryData(burdenKeys.schedules(clientId, memberId), fresh);
      void queryClient.invalidateQueries({ queryKey: burdenKeys.me });
      onSaved(name);
    },
  });
  const months = schedule.intervalMonths && !MONTHS.includes(schedule.intervalMonths) ? [...MONTHS, schedule.intervalMonths].sort((a, c) => a - c) : MONTHS;
  return (
    <li className="mk-bc-schedule">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!save.isPending) save.mutate(value);
        }}
      >
        <div className="utrecht-form-field utrecht-form-field--select mk-field">
          <div className="utrecht-form-field__label">
            <label className="utrecht-form-label" htmlFor={id}>
              {b.reminderLabel(name)}
            </label>
          </div>
          <div className="utrecht-form-field__input">
            <select id={id} className="utrecht-select utrecht-select--html-select" value={value} onChange={(e) => setValue(e.target.value)} aria-describedby={`${id}-status`}>
              <option value={OFF}>{b.reminderOff}</option>
              {months.map((n) => (
                <option key={n} value={String(n)}>
                  {b.reminderEvery(n)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <button type="submit" className={`utrecht-button utrecht-button--secondary-action${save.isPending ? ' utrecht-button--busy' : ''}`} aria-disabled={save.isPending ? true : undefined}>
          {save.isPending ? t.common.busy : b.saveReminder}
          <span className="mk-visually-hidden"> ({name})</span>
        </button>
      </form>
      <p id={`${id}-status`} className="mk-muted">
        {schedule.due ? <StatusBadge tone="warning">{b.reminderDueNow}</StatusBadge> : schedule.nextDueOn ? b.reminderNext(text.day(schedule.nextDueOn)) : `${b.reminderOff}.`}{' '}
        {schedule.lastCompletedOn ? b.lastDone(text.day(schedule.lastCompletedOn)) : b.neverDone}
      </p>
      {save.isError && <p className="mk-bc-error">{errorText(save.error)}</p>}
    </li>
  );
}

/** The caregiver's reminders: per instrument how often (or not), and when the next one comes. */
export function ScheduleEditor({ clientId, memberId }: { clientId: string; memberId: string }) {
  const { t } = useI18n();
  const [saved, setSaved] = useState<{ key: number; name: string } | null>(null);
  const schedules = useQuery({ queryKey: burdenKeys.schedules(clientId, memberId), queryFn: () => burdenApi.schedules(clientId, memberId) });
  if (schedules.isPending) return <Loading />;
  if (schedules.isError) return <LoadError error={schedules.error} onRetry={() => void schedules.refetch()} />;
  return (
    <>
      <p className="utrecht-paragraph">{t.burden.remindersIntro}</p>
      {saved && <Alert kind="ok" title={t.burden.reminderSaved(saved.name)} focus={saved.key} />}
      <ul className="mk-bc-schedules">
        {schedules.data.items.map((s) => (
          <ScheduleRow
            key={`${s.instrumentKey}-${s.intervalMonths ?? 0}-${s.enabled}`}
            schedule={s}
            clientId={clientId}
            memberId={memberId}
            onSaved={(name) => setSaved({ key: nextKey(), name })}
          />
        ))}
      </ul>
    </>
  );
}
