// The branch's dues pages, one tab each (the member portal's tab style).
import { NavLink } from 'react-router';
import { useT } from '../i18n/use-t';
import './Portal.css';
import './Dues.css';

const TABS = [
  { to: '/dues', key: 'overview', end: true },
  { to: '/dues/members', key: 'members' },
  { to: '/dues/bases', key: 'bases' },
  { to: '/dues/hardships', key: 'hardships' },
  { to: '/dues/payments', key: 'payments' },
  { to: '/dues/arrears', key: 'arrears' },
  { to: '/dues/remittances', key: 'remittances' },
] as const;

export function DuesTabs() {
  const d = useT().dues;
  return (
    <nav className="portal-tabs" aria-label={d.tabsLabel}>
      <ul>
        {TABS.map((tab) => (
          <li key={tab.to}>
            <NavLink to={tab.to} end={'end' in tab} className={({ isActive }) => `portal-tab${isActive ? ' active' : ''}`} prefetch="intent">
              {d.tabs[tab.key]}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A dues page's heading: title, tabs and what the page is for. */
export function DuesHead({ id, title, intro }: { id: string; title: string; intro: string }) {
  return (
    <>
      <h1 id={id}>{title}</h1>
      <DuesTabs />
      <p className="lead">{intro}</p>
    </>
  );
}
