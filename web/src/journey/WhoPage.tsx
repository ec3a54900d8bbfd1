import { useState, type FormEvent } from 'react';
import { BackLink, Button, ErrorSummary } from '../components/content.tsx';
import { Radios, TextInput, type FieldError } from '../components/forms.tsx';
import { navigate } from '../router/router.tsx';
import { usePageTitle } from '../app/page-title.ts';
import { useAppText } from '../app/text.ts';
import { useJourneyText } from './text.ts';
import { parseAge, useDraft, type JourneyDraft } from './draft.ts';

function validate(draft: JourneyDraft, t: ReturnType<typeof useJourneyText>): FieldError[] {
  const errors: FieldError[] = [];
  if (!draft.submittedFor) errors.push({ field: 'who', message: t('who.errorWho') });
  if (draft.submittedFor === 'someone_else' && !draft.relationship.trim()) errors.push({ field: 'relationship', message: t('who.errorRelationship') });
  const age = parseAge(draft.age);
  if (age === null) errors.push({ field: 'age', message: t('who.errorAge') });
  if (age === 0 && !/^(\d|1[01])$/.test(draft.months.trim())) errors.push({ field: 'months', message: t('who.errorMonths') });
  if (!draft.sex) errors.push({ field: 'sex', message: t('who.errorSex') });
  return errors;
}

export function WhoPage() {
  const t = useJourneyText();
  const app = useAppText();
  const [draft, update] = useDraft();
  const [errors, setErrors] = useState<FieldError[]>([]);
  usePageTitle(t('who.title'), errors.length > 0);
  const errorFor = (field: string) => errors.find((error) => error.field === field)?.message;
  const other = draft.submittedFor === 'someone_else';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validate(draft, t);
    setErrors(found);
    if (found.length === 0) navigate('/request/describe');
  };

  return (
    <>
      <BackLink to="/" />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} />
          <form onSubmit={submit} noValidate>
            <Radios name="who" legend={t('who.title')} legendAsHeading value={draft.submittedFor} error={errorFor('who')}
              onChange={(value) => update({ submittedFor: value as JourneyDraft['submittedFor'] })}
              options={[
                { value: 'self', label: t('who.me') },
                {
                  value: 'someone_else', label: t('who.someoneElse'), hint: t('who.someoneElseHint'),
                  conditional: (
                    <TextInput id="relationship" label={t('who.relationship')} hint={t('who.relationshipHint')} value={draft.relationship}
                      onChange={(relationship) => update({ relationship })} error={errorFor('relationship')} width={20} />
                  ),
                },
              ]} />
            <TextInput id="age" label={other ? t('who.ageOther') : t('who.ageSelf')} labelSize="m" hint={t('who.ageHint')} value={draft.age}
              onChange={(age) => update({ age })} error={errorFor('age')} width={3} inputMode="numeric" />
            {parseAge(draft.age) === 0 && (
              <TextInput id="months" label={t('who.months')} value={draft.months} onChange={(months) => update({ months })}
                error={errorFor('months')} width={2} inputMode="numeric" />
            )}
            <Radios name="sex" legend={other ? t('who.sexOther') : t('who.sexSelf')} legendSize="m" hint={t('who.sexHint')} value={draft.sex}
              error={errorFor('sex')} onChange={(sex) => update({ sex: sex as JourneyDraft['sex'] })}
              options={[{ value: 'female', label: t('who.female') }, { value: 'male', label: t('who.male') }]} />
            <Button>{app('common.continue')}</Button>
          </form>
        </div>
      </div>
    </>
  );
}
