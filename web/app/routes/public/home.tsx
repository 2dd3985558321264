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
        <HomeCard title={t.home.verifyCta} text={t.home.verifyText} to="/verify" primary />
        <HomeCard title={t.home.signInCta} text={t.home.signInText} to="/signin" />
      </div>
    </section>
  );
}

/** A way in from the home page: what it is for and the button to it (named like the heading). */
function HomeCard({ title, text, to, primary = false }: { title: string; text: string; to: string; primary?: boolean }) {
  return (
    <article className="card">
      <h2 className="h3">{title}</h2>
      <p>{text}</p>
      <Link className={primary ? 'btn btn-primary' : 'btn'} to={to}>
        {title}
      </Link>
    </article>
  );
}
