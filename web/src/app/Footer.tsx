import { Link } from '../router/router.tsx';
import { useAppText } from './text.ts';

export function Footer() {
  const t = useAppText();
  return (
    <footer className="nhsuk-footer" role="contentinfo">
      <div className="nhsuk-width-container">
        <div className="nhsuk-footer__meta">
          <h2 className="nhsuk-u-visually-hidden">{t('footer.heading')}</h2>
          <ul className="nhsuk-footer__list">
            <li className="nhsuk-footer__list-item"><Link className="nhsuk-footer__list-item-link" to="/accessibility">{t('footer.accessibility')}</Link></li>
            <li className="nhsuk-footer__list-item"><a className="nhsuk-footer__list-item-link" href="https://111.nhs.uk/">{t('footer.nhs111')}</a></li>
            <li className="nhsuk-footer__list-item"><Link className="nhsuk-footer__list-item-link" to="/staff">{t('nav.staff')}</Link></li>
            <li className="nhsuk-footer__list-item"><a className="nhsuk-footer__list-item-link" href="/api/docs">{t('footer.api')}</a></li>
          </ul>
          <p className="nhsuk-body-s">{t('footer.demo')}</p>
          <p className="nhsuk-body-s">{t('footer.copyright')}</p>
        </div>
      </div>
    </footer>
  );
}
