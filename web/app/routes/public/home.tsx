import { Link } from 'react-router';
import { useT } from '../../i18n/use-t';

export { loader } from './home.server';

export function meta() {
  return [{ title: '链建 Lianjian' }];
}

export default function Home() {
  const t = useT();
  return (
    <section className="page">
      <h1>{t.home.title}</h1>
      <p className="lead">{t.home.intro}</p>
      <div className="card-grid">
        <article className="card">
          <h2 className="h3">{t.home.verifyCta}</h2>
          <p>{t.home.verifyText}</p>
          <Link className="btn btn-primary" to="/verify">
            {t.home.verifyCta}
          </Link>
        </article>
        <article className="card">
          <h2 className="h3">{t.home.signInCta}</h2>
          <p>{t.home.signInText}</p>
          <Link className="btn" to="/signin">
            {t.home.signInCta}
          </Link>
        </article>
      </div>
    </section>
  );
}
