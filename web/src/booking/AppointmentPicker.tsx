// Choose who, how and when, from one booking search. Used by patients and by staff booking on their behalf.
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { Button, ErrorSummary, Loading } from '../components/content.tsx';
import { Radios, type FieldError } from '../components/forms.tsx';
import { ApiError, api } from '../api/client.ts';
import type { BookingOption, BookingSearchResult, CareLaneChoice, Mode } from '../api/types.ts';
import { useAppText } from '../app/text.ts';
import { filterOptions, modesOffered, type ModeChoice } from './options.ts';
import { OptionHint, useOptionText } from './OptionText.tsx';
import { useBookingText } from './text.ts';

const PAGE_SIZE = 6;

interface PickerProps {
  patientId: number | string;
  modes?: readonly Mode[];
  initialLane?: CareLaneChoice;
  submitLabel: string;
  onChoose(option: BookingOption): void;
  onErrorsChange?(hasErrors: boolean): void;
}

function useSearch(patientId: number | string, modes: readonly Mode[] | undefined) {
  const [result, setResult] = useState<BookingSearchResult | null>(null);
  const [failed, setFailed] = useState<ApiError | null>(null);
  const modesKey = (modes ?? []).join(',');
  useEffect(() => {
    const controller = new AbortController();
    setResult(null);
    setFailed(null);
    const need = modesKey ? { modes: modesKey.split(',') } : {};
    api<BookingSearchResult>('/api/booking/search', { body: { patientId, need, preferences: {} }, signal: controller.signal })
      .then(setResult, (error: unknown) => error instanceof ApiError && setFailed(error));
    return () => controller.abort();
  }, [patientId, modesKey]);
  return { result, failed };
}

export function AppointmentPicker({ patientId, modes, initialLane, submitLabel, onChoose, onErrorsChange }: PickerProps) {
  const t = useBookingText();
  const app = useAppText();
  const text = useOptionText();
  const { result, failed } = useSearch(patientId, modes);
  const hasUsual = Boolean(result?.usualClinician && (result.usualClinician.clinician || result.usualClinician.firstSlot));
  const [lane, setLane] = useState<CareLaneChoice | null>(initialLane ?? null);
  const [mode, setMode] = useState<ModeChoice>('any');
  const [slotId, setSlotId] = useState<string | null>(null);
  const [shown, setShown] = useState(PAGE_SIZE);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const effectiveLane: CareLaneChoice = lane === 'own_clinician' && hasUsual ? 'own_clinician' : 'first_available';
  const visible = useMemo(() => (result ? filterOptions(result, { lane: effectiveLane, mode }) : []), [result, effectiveLane, mode]);

  useEffect(() => onErrorsChange?.(errors.length > 0), [errors.length, onErrorsChange]);
  if (failed) return <p>{app('error.generic')}</p>;
  if (!result) return <><p role="status">{t('choose.searching')}</p><Loading /></>;
  if (result.options.length === 0) return <p>{t('choose.noneAtAll')}</p>;

  const usualName = result.usualClinician?.clinician?.name ?? result.usualClinician?.firstSlot?.clinician.name;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const chosen = visible.find((option) => String(option.slotId) === slotId);
    if (!chosen) {
      setErrors([{ field: 'slot', message: t('choose.error') }]);
      return;
    }
    setErrors([]);
    onChoose(chosen);
  };

  return (
    <>
      <ErrorSummary errors={errors} />
      <form onSubmit={submit} noValidate>
        {hasUsual && (
          <Radios name="lane" legend={t('choose.who')} legendSize="m" value={effectiveLane}
            onChange={(value) => { setLane(value as CareLaneChoice); setSlotId(null); setShown(PAGE_SIZE); }}
            options={[
              { value: 'own_clinician', label: usualName ? t('choose.usual', { name: usualName }) : t('choose.usualNone'), hint: text.wait(result.usualClinician) },
              { value: 'first_available', label: t('choose.first'), hint: text.wait(result.firstAvailable) },
            ]} />
        )}
        {!hasUsual && <p>{t('choose.noUsual')}</p>}
        <Radios name="mode" legend={t('choose.mode')} legendSize="m" value={mode} inline
          onChange={(value) => { setMode(value as ModeChoice); setSlotId(null); setShown(PAGE_SIZE); }}
          options={[{ value: 'any', label: t('choose.anyMode') }, ...modesOffered(result.options).map((m) => ({ value: m, label: text.modeName(m) }))]} />
        {visible.length === 0 ? <p>{t('choose.none')}</p> : (
          <Radios name="slot" legend={t('choose.time')} legendSize="m" hint={t('choose.timeHint')} value={slotId} onChange={setSlotId}
            error={errors[0]?.message}
            options={visible.slice(0, shown).map((option) => ({ value: String(option.slotId), label: text.when(option), hint: <OptionHint option={option} /> }))} />
        )}
        {visible.length > shown && (
          <p><Button type="button" variant="secondary" onClick={() => setShown((n) => n + PAGE_SIZE)}>{t('choose.showMore')}</Button></p>
        )}
        {visible.length > 0 && <Button>{submitLabel}</Button>}
      </form>
    </>
  );
}
