// Thin React versions of the NHS.UK content components (nhsuk-frontend v10 markup).
import { useEffect, useRef, type ButtonHTMLAttributes, type ReactNode } from 'react';
import { Link } from '../router/router.tsx';
import { useAppText } from '../app/text.ts';
import type { FieldError } from './forms.tsx';

/** NHS.UK error summary: focused when it appears, each error linking to its field. */
export function ErrorSummary({ errors }: { errors: FieldError[] }) {
  const t = useAppText();
  const ref = useRef<HTMLDivElement>(null);
  const signature = errors.map((error) => `${error.field}:${error.message}`).join('|');
  useEffect(() => {
    if (signature) ref.current?.focus();
  }, [signature]);
  if (errors.length === 0) return null;
  const focusField = (event: React.MouseEvent<HTMLAnchorElement>, field: string) => {
    const target = document.getElementById(field);
    if (!target) return;
    event.preventDefault();
    target.focus();
    target.scrollIntoView({ block: 'center' });
  };
  return (
    <div className="nhsuk-error-summary" ref={ref} tabIndex={-1} aria-labelledby="error-summary-title">
      <div role="alert">
        <h2 className="nhsuk-error-summary__heading" id="error-summary-title">{t('error.summaryTitle')}</h2>
        <div className="nhsuk-error-summary__body">
          <ul className="nhsuk-list nhsuk-error-summary__list">
            {errors.map((error) => (
              <li key={error.field + error.message}>
                <a href={`#${error.field}`} onClick={(event) => focusField(event, error.field)}>{error.message}</a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

type ButtonVariant = 'primary' | 'secondary' | 'warning' | 'reverse';

function buttonClass(variant: ButtonVariant, small?: boolean): string {
  return `nhsuk-button${variant === 'primary' ? '' : ` nhsuk-button--${variant}`}${small ? ' nhsuk-button--small' : ''}`;
}

export function Button({ variant = 'primary', small, type = 'submit', children, ...rest }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant; small?: boolean }) {
  return <button className={buttonClass(variant, small)} type={type} {...rest}>{children}</button>;
}

export function ButtonLink({ to, variant = 'primary', children, external, onClick }: {
  to: string; variant?: ButtonVariant; children: ReactNode; external?: boolean; onClick?: () => void;
}) {
  if (external) return <a className={buttonClass(variant)} href={to} role="button" draggable={false} onClick={onClick}>{children}</a>;
  return <Link className={buttonClass(variant)} to={to} role="button" draggable={false} onClick={onClick}>{children}</Link>;
}

export function BackLink({ to }: { to: string }) {
  const t = useAppText();
  return <Link className="nhsuk-back-link" to={to}>{t('common.back')}</Link>;
}

export function ActionLink({ href, children, external }: { href: string; children: ReactNode; external?: boolean }) {
  const icon = (
    <svg className="nhsuk-icon nhsuk-icon--arrow-right-circle" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="16" height="16" focusable="false" aria-hidden="true">
      <path d="M12 2a10 10 0 0 0-10 9h11.7l-4-4a1 1 0 0 1 1.5-1.4l5.6 5.7a1 1 0 0 1 0 1.4l-5.6 5.7a1 1 0 0 1-1.5 0 1 1 0 0 1 0-1.4l4-4H2A10 10 0 1 0 12 2z" />
    </svg>
  );
  const text = <span className="nhsuk-action-link__text">{children}</span>;
  return external || !href.startsWith('/')
    ? <a className="nhsuk-action-link" href={href}>{icon}{text}</a>
    : <Link className="nhsuk-action-link" to={href}>{icon}{text}</Link>;
}

/** Care card: the visually hidden prefix says the urgency in words, so colour never carries it alone. */
export function CareCard({ variant, urgencyText, heading, children, headingLevel = 2 }: {
  variant: 'non-urgent' | 'urgent' | 'emergency';
  urgencyText: string;
  heading: ReactNode;
  children: ReactNode;
  headingLevel?: 1 | 2;
}) {
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  return (
    <div className={`nhsuk-card nhsuk-card--care nhsuk-card--care--${variant}`}>
      <div className="nhsuk-card__heading-container">
        <Heading className="nhsuk-card__heading">
          <span role="text"><span className="nhsuk-u-visually-hidden">{urgencyText}: </span>{heading}</span>
        </Heading>
        <span className="nhsuk-card--care__arrow" aria-hidden="true" />
      </div>
      <div className="nhsuk-card__content">{children}</div>
    </div>
  );
}

export function Card({ heading, children, headingLevel = 2 }: { heading?: ReactNode; children: ReactNode; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 3 ? 'h3' : 'h2';
  return (
    <div className="nhsuk-card">
      <div className="nhsuk-card__content">
        {heading && <Heading className="nhsuk-card__heading nhsuk-heading-m">{heading}</Heading>}
        {children}
      </div>
    </div>
  );
}

export function WarningCallout({ heading, children }: { heading: ReactNode; children: ReactNode }) {
  return (
    <div className="nhsuk-card nhsuk-card--warning">
      <div className="nhsuk-card__content">
        <h2 className="nhsuk-card__heading">{heading}</h2>
        {children}
      </div>
    </div>
  );
}

export function InsetText({ children }: { children: ReactNode }) {
  return <div className="nhsuk-inset-text">{children}</div>;
}

export function Panel({ heading, children }: { heading: ReactNode; children?: ReactNode }) {
  return (
    <div className="nhsuk-panel">
      <h1 className="nhsuk-panel__heading">{heading}</h1>
      {children && <div className="nhsuk-panel__body">{children}</div>}
    </div>
  );
}

export type TagColour = 'white' | 'grey' | 'green' | 'aqua-green' | 'blue' | 'purple' | 'pink' | 'red' | 'orange' | 'yellow';

/** A tag always carries its meaning in words; the colour only repeats it. */
export function Tag({ colour, children }: { colour?: TagColour; children: ReactNode }) {
  return <strong className={`nhsuk-tag${colour ? ` nhsuk-tag--${colour}` : ''}`}>{children}</strong>;
}

export interface SummaryRow {
  key: ReactNode;
  value: ReactNode;
  action?: { to: string; text: ReactNode; hiddenText: ReactNode };
}

export function SummaryList({ rows, noBorder }: { rows: SummaryRow[]; noBorder?: boolean }) {
  return (
    <dl className={`nhsuk-summary-list${noBorder ? ' nhsuk-summary-list--no-border' : ''}`}>
      {rows.map((row, index) => (
        <div className="nhsuk-summary-list__row" key={index}>
          <dt className="nhsuk-summary-list__key">{row.key}</dt>
          <dd className="nhsuk-summary-list__value">{row.value}</dd>
          {row.action && (
            <dd className="nhsuk-summary-list__actions">
              <Link to={row.action.to}>{row.action.text}<span className="nhsuk-u-visually-hidden"> {row.action.hiddenText}</span></Link>
            </dd>
          )}
        </div>
      ))}
    </dl>
  );
}

export function Loading() {
  const t = useAppText();
  return <p className="nhsuk-body" role="status" data-loading="">{t('common.loading')}</p>;
}

/** Text from the server that is only in English, marked so screen readers pronounce it as English. */
export function English({ children }: { children: ReactNode }) {
  return <span lang="en">{children}</span>;
}
