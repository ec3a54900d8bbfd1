// Who the request is for: the patient, or someone linked to their account. Age and sex come from the record,
// so nobody retypes what the practice already knows (and the server checks them against it).
import { useState, type FormEvent } from 'react';
import { BackLink, Button, ErrorSummary, InsetText, Loading } from '../components/content.tsx';
import { Radios, type FieldError } from '../components/forms.tsx';
import { navigate } from '../router/router.tsx';
import { usePageTitle } from '../app/page-title.ts';
import { useAppText } from '../app/text.ts';
import { useFormat } from '../i18n/use-format.ts';
import { londonDateOf } from '../i18n/format.ts';
import { useJourneyText } from './text.ts';
import { useDraft } from './draft.ts';
import { ageInYears } from './age.ts';
import { usePeople } from './people.ts';

const NOT_LINKED = 'not_linked';

export function WhoPage() {
  const t = useJourneyText();
  const app = useAppText();
  const format = useFormat();
  const people = usePeople();
  const [draft, update] = useDraft();
  const [choice, setChoice] = useState<string | null>(draft.subjectId !== null ? String(draft.subjectId) : null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  usePageTitle(t('who.title'), errors.length > 0);
  if (!people) return <Loading />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const person = people.find((p) => String(p.id) === choice);
    const message = choice === NOT_LINKED ? t('who.errorNotLinked') : !person ? t('who.errorWho') : null;
    setErrors(message ? [{ field: 'who', message }] : []);
    if (!person || message) return;
    const changed = person.id !== draft.subjectId;
    update({
      submittedFor: person.self ? 'self' : 'someone_else', subjectId: person.id, subjectName: person.name,
      ageYears: ageInYears(person.dateOfBirth, londonDateOf(new Date().toISOString())), sex: person.sex ?? 'female',
      ...(changed ? { answers: {}, asked: [], outcome: null, submitted: null } : {}),
    });
    navigate('/request/describe');
  };

  const born = (date: string) => (date ? t('who.born', { date: format.fullDate(`${date}T12:00:00Z`) }) : undefined);
  return (
    <>
      <BackLink to="/" />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} />
          <form onSubmit={submit} noValidate>
            <Radios name="who" legend={t('who.title')} legendAsHeading value={choice} error={errors[0]?.message} onChange={setChoice}
              options={[
                ...people.map((person) => ({
                  value: String(person.id),
                  label: person.self ? `${t('who.me')} (${person.name})` : person.name,
                  hint: born(person.dateOfBirth),
                })),
                { value: NOT_LINKED, label: t('who.someoneElse'), hint: t('who.someoneElseHint'), conditional: <InsetText><p>{t('who.notLinked')}</p></InsetText> },
              ]} />
            <Button>{app('common.continue')}</Button>
          </form>
        </div>
      </div>
    </>
  );
}
