import { useEffect, useId, useState, type Ref } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Controller, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { useI18n } from '../i18n/index.tsx';
import { referenceApi, referenceKeys } from './reference/api.ts';
import { FieldError } from './form/index.ts';

const MAX_SHOWN = 8;

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/** Looks up municipalities (CBS list) by name or code. */
export function useMunicipalities(search: string) {
  const q = search.trim();
  return useQuery({
    queryKey: referenceKeys.municipalities(q),
    queryFn: () => referenceApi.municipalities(q),
    enabled: q.length >= 2,
    staleTime: 24 * 3_600_000,
  });
}

/**
 * Choosing a municipality: type part of the name, then pick one of the matches (radio
 * buttons, so it works with keyboard, screen reader and touch without a custom combobox).
 */
export function MunicipalityPicker({
  idPrefix,
  name,
  value,
  onChange,
  label,
  optional,
  error,
  inputRef,
}: {
  idPrefix: string;
  name: string;
  value: string | null | undefined;
  onChange: (code: string | null) => void;
  label: string;
  optional?: boolean;
  error?: string;
  inputRef?: Ref<HTMLInputElement>;
}) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const debounced = useDebounced(search, 250);
  const results = useMunicipalities(debounced);
  const chosen = useMunicipalities(value ?? '');
  const chosenItem = chosen.data?.items.find((m) => m.code === value);
  const id = `${idPrefix}-${name}`;
  const listId = useId();
  const items = results.data?.items ?? [];
  const shown = items.slice(0, MAX_SHOWN);
  const searching = debounced.trim().length >= 2;

  let status = '';
  if (search.trim().length > 0 && search.trim().length < 2) status = t.municipality.typeMore;
  else if (searching && results.isPending) status = t.common.loading;
  else if (searching && results.data) status = items.length === 0 ? t.municipality.noneFound : items.length > MAX_SHOWN ? t.municipality.foundMany(items.length, MAX_SHOWN) : t.municipality.found(items.length);

  return (
    <div className={`utrecht-form-field mk-field mk-municipality${error ? ' utrecht-form-field--invalid' : ''}`}>
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={id}>
          {label}
          {optional && <span className="mk-optional"> {t.common.optional}</span>}
        </label>
      </div>
      <div className="utrecht-form-field__description utrecht-form-field-description" id={`${id}-description`}>
        {t.municipality.description} <span className="mk-source">{t.municipality.source}</span>
      </div>
      <FieldError id={`${id}-error`} message={error} />
      {value && (
        <p className="utrecht-paragraph mk-municipality__chosen">
          <span>
            {t.municipality.chosen}: <strong>{chosenItem ? `${chosenItem.name} (${chosenItem.provinceName})` : value}</strong>
          </span>{' '}
          <button type="button" className="utrecht-button utrecht-button--subtle" onClick={() => onChange(null)}>
            {t.municipality.clear}
          </button>
        </p>
      )}
      <div className="utrecht-form-field__input">
        <input
          ref={inputRef}
          id={id}
          type="search"
          autoComplete="off"
          className={`utrecht-textbox utrecht-textbox--html-input${error ? ' utrecht-textbox--invalid' : ''}`}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          onKeyDown={(event) => {
            // Enter in the search box should not send the whole form.
            if (event.key === 'Enter') event.preventDefault();
          }}
          aria-describedby={[`${id}-description`, error ? `${id}-error` : '', `${id}-status`].filter(Boolean).join(' ')}
          aria-controls={listId}
          aria-invalid={error ? true : undefined}
        />
      </div>
      <p className="utrecht-paragraph mk-municipality__status" id={`${id}-status`} role="status">
        {status}
      </p>
      <div id={listId}>
        {shown.length > 0 && (
          <fieldset className="utrecht-form-fieldset--html-fieldset mk-municipality__results">
            <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend mk-municipality__legend">{t.municipality.pick}</legend>
            {shown.map((m) => (
              <div className="utrecht-form-field utrecht-form-field--radio mk-choice" key={m.code}>
                <input
                  type="radio"
                  className="utrecht-radio-button utrecht-radio-button--html-input"
                  id={`${id}-${m.code}`}
                  name={`${id}-choice`}
                  value={m.code}
                  checked={value === m.code}
                  onChange={() => onChange(m.code)}
                />
                <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={`${id}-${m.code}`}>
                  {m.name} <span className="mk-muted">({m.provinceName})</span>
                </label>
              </div>
            ))}
          </fieldset>
        )}
      </div>
    </div>
  );
}

/** The municipality picker as a field of a react-hook-form form (`name` holds the code or null). */
export function MunicipalityField<T extends FieldValues>({
  control,
  name,
  idPrefix,
  label,
  optional,
}: {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any form context and output type
  control: Control<T, any, any>;
  name: FieldPath<T>;
  idPrefix: string;
  label: string;
  optional?: boolean;
}) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <MunicipalityPicker
          idPrefix={idPrefix}
          name={name}
          label={label}
          optional={optional}
          value={field.value as string | null | undefined}
          onChange={field.onChange}
          error={fieldState.error?.message}
          inputRef={field.ref}
        />
      )}
    />
  );
}
