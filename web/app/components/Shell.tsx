// The frame of every page: skip link, header with role-aware navigation, language switch,
// who is signed in, and the footer.
import type { ReactNode } from 'react';
import { Form, Link, NavLink, useLocation } from 'react-router';
import { useT } from '../i18n/use-t';
import { useLiveEvent, useLiveStream } from '../lib/live';
import { useRootData } from '../lib/root-data';
import { navGroupsFor, roleLabel } from '../lib/roles';
import { NavProgress } from './NavProgress';
import { isolatedIn } from './UserText';
import './Shell.css';

export function Shell({ children }: { children: ReactNode }) {
  const t = useT();
  const root = useRootData();
  const viewer = root?.viewer ?? null;
  // The navigation's counts (inbox, unread notices) follow changes without a reload.
  useLiveStream(viewer !== null);
  useLiveEvent(viewer ? (m) => m.event === 'inbox' || m.event === 'notices' : null);
  const location = useLocation();
  const here = location.pathname + location.search;
  const otherLocale = root?.locale === 'en' ? 'zh-CN' : 'en';
  // An item inside another's path (/me/dues inside /me) is the current one on its pages, not both.
  const navTargets = navGroupsFor(viewer?.role ?? null, viewer?.scopeKind).flatMap((g) => g.items.map((i) => i.to));
  const moreSpecific = (to: string) => navTargets.some((o) => o.startsWith(`${to}/`) && (location.pathname === o || location.pathname.startsWith(`${o}/`)));
  return (
    <>
      <NavProgress />
      <a className="skip-link" href="#main">
        {t.app.skip}
      </a>
      <header className="site-header">
        <div className="header-inner">
          <Link to="/" className="brand" aria-label={`${t.app.name} — ${t.nav.home}`}>
            <span className="brand-mark" aria-hidden="true" translate="no">
              链
            </span>
            <span className="brand-text">
              <span className="brand-name">{t.app.name}</span>
              <span className="brand-tagline">{t.app.tagline}</span>
            </span>
          </Link>
          <div className="header-tools">
            <Form method="post" action="/locale" className="inline-form">
              <input type="hidden" name="lang" value={otherLocale} />
              <input type="hidden" name="redirectTo" value={here} />
              <button type="submit" className="btn btn-quiet" lang={otherLocale} title={t.lang.switchHint} aria-label={t.lang.switchHint}>
                {t.lang.switchTo}
              </button>
            </Form>
            {viewer ? (
              <Form method="post" action="/signout" className="inline-form">
                <span className="viewer" data-testid="viewer">
                  {isolatedIn((name) => t.nav.signedInAs(name, roleLabel(t, viewer)), viewer.displayName)}
                </span>
                <button type="submit" className="btn btn-quiet">
                  {t.nav.signOut}
                </button>
              </Form>
            ) : (
              <Link to={`/signin?next=${encodeURIComponent(here)}`} className="btn btn-primary btn-small">
                {t.nav.signIn}
              </Link>
            )}
          </div>
        </div>
        <nav aria-label={t.nav.label} className="site-nav">
          {/* Grouped (work, statistics, management) and wrapping: every item stays on screen at any width. */}
          <ul className="nav-groups">
            {navGroupsFor(viewer?.role ?? null, viewer?.scopeKind).map(({ group, items }, _i, groups) => (
              <li key={group} className="nav-group" data-group={group}>
                {groups.length > 1 ? (
                  <span className="nav-group-label" id={`nav-group-${group}`}>
                    {t.nav.groups[group]}
                  </span>
                ) : null}
                <ul aria-labelledby={groups.length > 1 ? `nav-group-${group}` : undefined}>
                  {items.map((item) => (
                    <li key={item.to}>
                      <NavLink
                        to={item.to}
                        className={({ isActive }) => (isActive && !moreSpecific(item.to) ? 'nav-link active' : 'nav-link')}
                        aria-describedby={item.count && root?.[item.count] ? `nav-count-${item.key}` : undefined}
                      >
                        {t.nav[item.key]}
                        {/* The count is the link's description, not part of its name: 待办提醒 stays 待办提醒. */}
                        {item.count && root?.[item.count] ? (
                          <span className="nav-count" aria-hidden="true" data-testid={`nav-count-${item.key}`}>
                            {root[item.count]}
                          </span>
                        ) : null}
                      </NavLink>
                      {item.count && root?.[item.count] ? (
                        <span id={`nav-count-${item.key}`} hidden>
                          {t.nav.countTitle(root[item.count]!)}
                        </span>
                      ) : null}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>{t.app.footer}</p>
      </footer>
    </>
  );
}
