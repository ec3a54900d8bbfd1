// How one appointment option reads: when, how, with whom, where and how far.
import { English } from '../components/content.tsx';
import type { BookingOption, LaneSummary } from '../api/types.ts';
import { useFormat } from '../i18n/use-format.ts';
import { useLanguage } from '../i18n/i18n.tsx';
import { bestTravel } from './options.ts';
import { bookingKey, useBookingText } from './text.ts';

export function useOptionText() {
  const t = useBookingText();
  const format = useFormat();
  const { language } = useLanguage();
  const proper = (name: string) => (language.code === 'en' ? name : <English>{name}</English>);
  const roleName = (role: string) => {
    const key = bookingKey(`role.${role}`);
    return key ? t(key) : role;
  };
  const when = (option: Pick<BookingOption, 'start'>) => `${format.date(option.start)}, ${format.time(option.start)}`;
  const modeName = (mode: BookingOption['mode']) => t(`mode.${mode}`);
  const withWhom = (option: BookingOption) => t('choose.optionWith', { mode: modeName(option.mode), clinician: option.clinician.name, role: roleName(option.clinician.role) });
  const travel = (option: BookingOption) => {
    const best = bestTravel(option);
    return best ? t(`travel.${best.how}`, { minutes: format.number(best.minutes) }) : null;
  };
  const where = (option: BookingOption) => {
    if (option.mode !== 'in_person' || !option.site) return null;
    return t('choose.optionAt', { site: option.site.name, postcode: option.site.postcode });
  };
  const wait = (lane: LaneSummary | null) => {
    const days = lane?.expectedWaitDays;
    if (days === null || days === undefined) return null;
    const phrase = days <= 0 ? t('wait.today') : days === 1 ? t('wait.tomorrow') : t('wait.days', { days: format.number(days) });
    return t('choose.firstWait', { when: phrase });
  };
  const reasons = (option: BookingOption) =>
    option.reasons.map((reason) => bookingKey(`reason.${reason.code}`)).filter((key): key is NonNullable<typeof key> => key !== null).map((key) => t(key));
  return { when, withWhom, travel, where, wait, modeName, roleName, reasons, proper };
}

/** The hint under an option's time: who, how, where, how far, why it is offered. */
export function OptionHint({ option }: { option: BookingOption }) {
  const text = useOptionText();
  const t = useBookingText();
  const where = text.where(option);
  const travel = text.travel(option);
  const reasons = text.reasons(option);
  return (
    <>
      <span className="hamlet-option-meta">{text.withWhom(option)}</span>
      {where && <span className="hamlet-option-meta">{where}{travel ? ` – ${travel}` : ''}</span>}
      {option.mode === 'in_person' && option.site?.stepFree && !reasons.includes(t('reason.step_free')) && <span className="hamlet-option-meta">{t('choose.stepFree')}</span>}
      {option.organisation.name !== option.site?.name && <span className="hamlet-option-meta">{option.organisation.name}</span>}
      {reasons.length > 0 && <span className="hamlet-option-meta">{reasons.join(' · ')}</span>}
    </>
  );
}
