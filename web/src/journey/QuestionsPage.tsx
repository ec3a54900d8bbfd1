// Adaptive safety questions, one per page: each answer goes back to the triage preview, which says what
// (if anything) to ask next. An emergency stops the flow at once.
import { useEffect, useState, type FormEvent } from 'react';
import { BackLink, Button, ErrorSummary, Loading } from '../components/content.tsx';
import { Radios, type FieldError } from '../components/forms.tsx';
import { navigate } from '../router/router.tsx';
import { ApiError } from '../api/client.ts';
import type { Answer, SafetyQuestion } from '../api/types.ts';
import { usePageTitle } from '../app/page-title.ts';
import { useAppText } from '../app/text.ts';
import { hasJourneyKey, useJourneyText } from './text.ts';
import { journeyDraft, useDraft } from './draft.ts';
import { previewTriage } from './triage-api.ts';
import { pageForOutcome } from './next-step.ts';

export function QuestionsPage() {
  const t = useJourneyText();
  const app = useAppText();
  const [draft, update] = useDraft();
  const [question, setQuestion] = useState<SafetyQuestion | null>(null);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [choice, setChoice] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const answersKey = JSON.stringify(draft.answers);
  const missingDraft = !draft.description.trim() || draft.subjectId === null;

  useEffect(() => {
    if (missingDraft) return;
    const controller = new AbortController();
    setQuestion(null);
    setFailed(false);
    previewTriage(journeyDraft.get(), controller.signal).then((preview) => {
      if (preview.outcome.disposition === 'emergency' || !preview.nextQuestion) {
        journeyDraft.update({ outcome: preview.outcome });
        navigate(pageForOutcome(preview.outcome), { replace: true });
        return;
      }
      setChoice(null);
      setQuestion(preview.nextQuestion);
    }, (error: unknown) => {
      if (error instanceof ApiError) setFailed(true);
    });
    return () => controller.abort();
  }, [answersKey, attempt, missingDraft]);

  // Each new question replaces the last on the same address: move focus to it, as a new page would.
  const questionId = question?.id;
  useEffect(() => {
    if (!questionId || draft.asked.length === 0) return;
    const heading = document.querySelector<HTMLElement>('#maincontent h1');
    if (heading) {
      heading.tabIndex = -1;
      heading.focus();
    }
  }, [questionId, draft.asked.length]);

  const text = question && hasJourneyKey(`q.${question.id}.text`) ? t(`q.${question.id}.text` as 'q.uti_upper.text') : question?.text ?? '';
  const why = question && hasJourneyKey(`q.${question.id}.why`) ? t(`q.${question.id}.why` as 'q.uti_upper.why') : question?.why;
  usePageTitle(question ? text : t('questions.title'), errors.length > 0);

  if (missingDraft) {
    return (
      <>
        <h1>{t('questions.title')}</h1>
        <p>{t('outcome.noAnswers')}</p>
        <BackLink to="/request/who" />
      </>
    );
  }
  if (failed) {
    return (
      <>
        <h1>{t('questions.title')}</h1>
        <p>{app('error.generic')}</p>
        <Button type="button" onClick={() => setAttempt((n) => n + 1)}>{t('outcome.tryAgain')}</Button>
      </>
    );
  }
  if (!question) return <><h1 className="nhsuk-u-visually-hidden">{t('questions.title')}</h1><p role="status">{t('questions.checking')}</p><Loading /></>;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!choice) {
      setErrors([{ field: 'answer', message: t('questions.error') }]);
      return;
    }
    setErrors([]);
    update({
      answers: { ...draft.answers, [question.id]: choice as Answer },
      asked: [...draft.asked.filter((asked) => asked.id !== question.id), { id: question.id, text: question.text }],
    });
  };

  return (
    <>
      <BackLink to="/request/describe" />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} />
          <form onSubmit={submit} noValidate>
            <Radios name="answer" legendAsHeading
              legend={<><span className="nhsuk-caption-l">{t('questions.caption', { number: draft.asked.length + 1 })}</span>{text}</>} hint={why ? `${t('questions.why')}: ${why}` : undefined} value={choice}
              onChange={setChoice} error={errors[0]?.message}
              options={[
                { value: 'yes', label: app('common.yes') },
                { value: 'no', label: app('common.no') },
                { value: 'unsure', label: app('common.notSure') },
              ]} />
            <Button>{app('common.continue')}</Button>
          </form>
        </div>
      </div>
    </>
  );
}
