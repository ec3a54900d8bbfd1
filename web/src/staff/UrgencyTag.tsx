import { Tag, type TagColour } from '../components/content.tsx';
import type { Disposition } from '../api/types.ts';
import { useStaffText } from './text.ts';

const COLOUR = { emergency: 'red', urgent: 'orange', routine: 'blue', self_care: 'green' } as const satisfies Record<Disposition, TagColour>;

/** Urgency in words, with colour as a second cue only. */
export function UrgencyTag({ disposition }: { disposition: Disposition }) {
  const t = useStaffText();
  return <Tag colour={COLOUR[disposition]}>{t(`disposition.${disposition}`)}</Tag>;
}
