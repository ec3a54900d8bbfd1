import { SummaryList, type SummaryRow } from '../components/content.tsx';
import type { Appointment, BookingOption } from '../api/types.ts';
import { useOptionText } from './OptionText.tsx';
import { useBookingText } from './text.ts';

type Shown = Pick<BookingOption, 'start' | 'mode'> & {
  clinician: BookingOption['clinician'] | null;
  site: BookingOption['site'] | null;
  organisation: BookingOption['organisation'] | null;
  travelMinutes?: BookingOption['travelMinutes'];
};

export function AppointmentSummary({ appointment, changeLink, extraRows = [] }: { appointment: Shown | Appointment; changeLink?: string; extraRows?: SummaryRow[] }) {
  const t = useBookingText();
  const text = useOptionText();
  const action = changeLink ? { to: changeLink, text: t('confirm.change'), hiddenText: t('confirm.changeHidden') } : undefined;
  const asOption = { travelMinutes: null, reasons: [], score: 0, slotId: '', end: appointment.start, ...appointment } as BookingOption;
  const travel = appointment.clinician && appointment.site ? text.travel(asOption) : null;
  const rows: SummaryRow[] = [
    { key: t('confirm.when'), value: text.when(appointment), ...(action ? { action } : {}) },
    { key: t('confirm.type'), value: <>{text.modeName(appointment.mode)}<br /><span className="nhsuk-body-s">{t(`modeNote.${appointment.mode}`)}</span></> },
  ];
  if (appointment.clinician) rows.push({ key: t('confirm.with'), value: `${appointment.clinician.name} (${text.roleName(appointment.clinician.role)})` });
  if (appointment.site && appointment.mode === 'in_person') {
    rows.push({ key: t('confirm.where'), value: <>{appointment.site.name}<br />{appointment.site.addressLine ? <>{appointment.site.addressLine}<br /></> : null}{appointment.site.postcode}{travel ? <><br />{travel}</> : null}</> });
  } else if (appointment.organisation) {
    rows.push({ key: t('confirm.where'), value: appointment.organisation.name });
  }
  return <SummaryList rows={[...rows, ...extraRows]} />;
}
