import { useState, type FormEvent } from 'react';
import { BackLink, Button, ErrorSummary, InsetText } from '../components/content.tsx';
import { Textarea, type FieldError } from '../components/forms.tsx';
import { navigate } from '../router/router.tsx';
import { usePageTitle } from '../app/page-title.ts';
import { useAppText } from '../app/text.ts';
import { useJourneyText } from './text.ts';
import { useDraft } from './draft.ts';

const MAX_LENGTH = 2000;

export function DescribePage() {
  const t = useJourneyText();
  const app = useAppText();
  const [draft, update] = useDraft();
  const [errors, setErrors] = useState<FieldError[]>([]);
  usePageTitle(t('describe.title'), errors.length > 0);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = draft.description.trim();
    const message = !text ? t('describe.errorEmpty')
      : text.split(/\s+/).length < 2 ? t('describe.errorShort')
      : text.length > MAX_LENGTH ? t('describe.errorLong') : null;
    const found = message ? [{ field: 'description', message }] : [];
    setErrors(found);
    if (found.length > 0) return;
    // A changed description means new safety questions: earlier answers no longer apply.
    update({ answers: {}, asked: [], outcome: null, submitted: null });
    navigate('/request/questions');
  };

  return (
    <>
      <BackLink to="/request/who" />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} />
          <form onSubmit={submit} noValidate>
            <Textarea id="description" label={t('describe.title')} labelAsHeading labelSize="l" hint={t('describe.hint')}
              value={draft.description} onChange={(description) => update({ description })} error={errors[0]?.message} rows={6} />
            <InsetText><p>{t('describe.languageNote')}</p></InsetText>
            <Button>{app('common.continue')}</Button>
          </form>
        </div>
      </div>
    </>
  );
}
