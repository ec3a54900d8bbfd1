// Thin React versions of the NHS.UK form components (markup and classes from nhsuk-frontend v10).
import { Fragment, type ChangeEvent, type ReactNode } from 'react';
import { useAppText } from '../app/text.ts';

export interface FieldError {
  /** The id of the input the summary links to. */
  field: string;
  message: string;
}

export function ErrorMessage({ id, children }: { id: string; children: ReactNode }) {
  const t = useAppText();
  return (
    <span className="nhsuk-error-message" id={id}>
      <span className="nhsuk-u-visually-hidden">{t('error.prefix')} </span>
      {children}
    </span>
  );
}

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const joined = ids.filter(Boolean).join(' ');
  return joined || undefined;
}

export interface RadioOption {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
  /** Shown under the option while it is selected (NHS.UK conditional reveal). */
  conditional?: ReactNode;
  lang?: string;
}

interface RadiosProps {
  name: string;
  legend: ReactNode;
  /** The legend is the page's heading (one question per page). */
  legendAsHeading?: boolean;
  legendSize?: 'l' | 'm' | 's';
  hint?: ReactNode;
  options: RadioOption[];
  value: string | null;
  onChange(value: string): void;
  error?: string | undefined;
  inline?: boolean;
  idPrefix?: string;
}

export function Radios({ name, legend, legendAsHeading, legendSize = 'l', hint, options, value, onChange, error, inline, idPrefix }: RadiosProps) {
  const base = idPrefix ?? name;
  const hintId = hint ? `${base}-hint` : undefined;
  const errorId = error ? `${base}-error` : undefined;
  return (
    <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
      <fieldset className="nhsuk-fieldset" aria-describedby={describedBy(hintId, errorId)}>
        <legend className={`nhsuk-fieldset__legend nhsuk-fieldset__legend--${legendSize}`}>
          {legendAsHeading ? <h1 className="nhsuk-fieldset__heading">{legend}</h1> : legend}
        </legend>
        {hint && <div className="nhsuk-hint" id={hintId}>{hint}</div>}
        {error && errorId && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
        <div className={`nhsuk-radios${inline ? ' nhsuk-radios--inline' : ''}`}>
          {options.map((option, index) => {
            const id = index === 0 ? base : `${base}-${index + 1}`;
            const itemHintId = option.hint ? `${id}-item-hint` : undefined;
            const checked = value === option.value;
            return (
              <Fragment key={option.value}>
                <div className="nhsuk-radios__item">
                  <input className="nhsuk-radios__input" id={id} name={name} type="radio" value={option.value} checked={checked}
                    aria-describedby={itemHintId}
                    onChange={(event: ChangeEvent<HTMLInputElement>) => event.target.checked && onChange(option.value)} />
                  <label className="nhsuk-label nhsuk-radios__label" htmlFor={id} lang={option.lang}>{option.label}</label>
                  {option.hint && <div className="nhsuk-hint nhsuk-radios__hint" id={itemHintId}>{option.hint}</div>}
                </div>
                {option.conditional && checked && <div className="nhsuk-radios__conditional" id={`${id}-conditional`}>{option.conditional}</div>}
              </Fragment>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

interface TextFieldProps {
  id: string;
  label: ReactNode;
  labelAsHeading?: boolean;
  labelSize?: 'l' | 'm' | 's';
  hint?: ReactNode;
  value: string;
  onChange(value: string): void;
  error?: string | undefined;
  width?: 2 | 3 | 4 | 5 | 10 | 20 | 30;
  inputMode?: 'numeric' | 'text' | 'search' | 'tel';
  autoComplete?: string;
  type?: 'text' | 'date' | 'search';
}

function Label({ id, label, labelAsHeading, labelSize }: Pick<TextFieldProps, 'id' | 'label' | 'labelAsHeading' | 'labelSize'>) {
  const className = `nhsuk-label${labelSize ? ` nhsuk-label--${labelSize}` : ''}`;
  const element = <label className={className} htmlFor={id}>{label}</label>;
  return labelAsHeading ? <h1 className="nhsuk-label-wrapper">{element}</h1> : element;
}

export function TextInput(props: TextFieldProps) {
  const { id, hint, value, onChange, error, width, inputMode, autoComplete, type = 'text' } = props;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const widthClass = width ? ` nhsuk-input--width-${width}` : '';
  return (
    <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
      <Label {...props} />
      {hint && <div className="nhsuk-hint" id={hintId}>{hint}</div>}
      {error && errorId && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
      <input className={`nhsuk-input${widthClass}${error ? ' nhsuk-input--error' : ''}`} id={id} name={id} type={type} value={value}
        inputMode={inputMode} autoComplete={autoComplete} spellCheck={false} aria-describedby={describedBy(hintId, errorId)}
        onChange={(event) => onChange(event.target.value)} />
    </div>
  );
}

export function Textarea(props: TextFieldProps & { rows?: number }) {
  const { id, hint, value, onChange, error, rows = 5 } = props;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
      <Label {...props} />
      {hint && <div className="nhsuk-hint" id={hintId}>{hint}</div>}
      {error && errorId && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
      <textarea className={`nhsuk-textarea${error ? ' nhsuk-textarea--error' : ''}`} id={id} name={id} rows={rows} value={value}
        aria-describedby={describedBy(hintId, errorId)} onChange={(event) => onChange(event.target.value)} />
    </div>
  );
}

interface SelectProps {
  id: string;
  label: ReactNode;
  value: string;
  options: { value: string; label: string }[];
  onChange(value: string): void;
  error?: string | undefined;
}

export function Select({ id, label, value, options, onChange, error }: SelectProps) {
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
      <label className="nhsuk-label" htmlFor={id}>{label}</label>
      {error && errorId && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
      <select className={`nhsuk-select${error ? ' nhsuk-select--error' : ''}`} id={id} name={id} value={value}
        aria-describedby={errorId} onChange={(event) => onChange(event.target.value)}>
        {options.map((option) => <option key={option.value} value={option.value}>{option.label}</option>)}
      </select>
    </div>
  );
}
