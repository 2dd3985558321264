// The member portal's frame: tabs between its pages, a pager for each list, and one record with
// its facts and its proof verified in the browser.
import { useEffect, useRef, type ReactNode } from 'react';
import { NavLink, useLocation } from 'react-router';
import type { ProofNode } from '../lib/fragments';
import { pageHref, type PageInfo } from '../lib/portal';
import { useT } from '../i18n/use-t';
import { usePortalT } from '../lib/portal-text';
import { PageLinks } from './PageLinks';
import { ProofStatus } from './ProofStatus';
import './Portal.css';

const TABS = [
  { to: '/me', key: 'profile', end: true },
  { to: '/me/meetings', key: 'meetings' },
  { to: '/me/learning', key: 'learning' },
  { to: '/me/points', key: 'points' },
  { to: '/me/appraisal', key: 'appraisal' },
  { to: '/me/ballots', key: 'ballots' },
  { to: '/me/dues', key: 'dues' },
  { to: '/feedback', key: 'feedback' },
] as const;

export function PortalTabs() {
  const p = usePortalT();
  const t = useT();
  // The dues tab's label is the dues page's own title (我的党费 / My dues, i18n/areas/dues.ts).
  return <TabNav label={p.tabs.label} tabs={TABS.map((tab) => ({ to: tab.to, end: 'end' in tab, label: tab.key === 'dues' ? t.dues.myTitle : p.tabs[tab.key] }))} />;
}

/** A row of tabs between the pages of one part of the site (the portal's, the branch's dues pages). */
export function TabNav({ label, tabs }: { label: string; tabs: ReadonlyArray<{ to: string; label: string; end?: boolean }> }) {
  const { pathname } = useLocation();
  const list = useRef<HTMLUListElement>(null);
  // On a phone the tabs are one scrolling row: keep the current one in view.
  useEffect(() => {
    const ul = list.current;
    const active = ul?.querySelector<HTMLElement>('.portal-tab.active');
    if (!ul || !active || ul.scrollWidth <= ul.clientWidth) return;
    const box = ul.getBoundingClientRect();
    const tab = active.getBoundingClientRect();
    if (tab.left < box.left || tab.right > box.right) ul.scrollLeft += tab.left - box.left - 8;
  }, [pathname]);
  return (
    <nav className="portal-tabs" aria-label={label}>
      <ul ref={list}>
        {tabs.map((tab) => (
          <li key={tab.to}>
            <NavLink to={tab.to} end={tab.end} className={({ isActive }) => `portal-tab${isActive ? ' active' : ''}`} prefetch="intent">
              {tab.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function Pager({ pageInfo, prefix = '', label }: { pageInfo: PageInfo; prefix?: string; label?: string }) {
  const p = usePortalT();
  const { search } = useLocation();
  if (!pageInfo.hasNextPage && !pageInfo.hasPreviousPage) return null;
  return <PageLinks pageInfo={pageInfo} href={(key, cursor) => pageHref(search, prefix, key, cursor)} text={{ prev: p.prev, next: p.next, page: label ?? p.page }} preventScrollReset />;
}

/** One page of records: a line when there are none, each record (`children`), and the pager. */
export function PortalList<N>({
  list,
  testId,
  none,
  pager,
  children,
}: {
  list: { edges: ReadonlyArray<{ node: N }>; pageInfo: PageInfo };
  testId: string;
  none: string;
  /** The pager's cursor prefix and name, when the page has more than one list. */
  pager?: { prefix: string; label: string };
  children: (node: N) => ReactNode;
}) {
  return (
    <>
      {list.edges.length === 0 ? <p className="empty">{none}</p> : null}
      <ul className="records" data-testid={testId}>
        {list.edges.map(({ node }) => children(node))}
      </ul>
      <Pager pageInfo={list.pageInfo} {...pager} />
    </>
  );
}

export interface Fact {
  label: string;
  value: ReactNode;
}

/** One record: a title, facts, and "verified on chain" with batch, height and download. */
export function PortalRecord({
  title,
  pill,
  facts,
  proof,
  fields,
  what,
  downloadHref,
  kind,
  children,
}: {
  title: ReactNode;
  pill?: ReactNode;
  facts: Fact[];
  proof: ProofNode;
  fields?: Record<string, unknown>;
  what: string;
  downloadHref?: string | undefined;
  /** The record type, for tests and styling. */
  kind: string;
  children?: ReactNode;
}) {
  return (
    <li className="record portal-record" data-record={kind}>
      <p className="record-head">
        <strong>{typeof title === 'string' ? <bdi>{title}</bdi> : title}</strong>
        {pill}
      </p>
      {facts.length > 0 ? (
        <dl className="portal-facts">
          {facts.map((f) => (
            <div key={f.label}>
              <dt>{f.label}</dt>
              <dd>{f.value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {children}
      <ProofStatus proof={proof} {...(fields ? { fields } : {})} what={what} {...(downloadHref ? { downloadHref } : {})} />
    </li>
  );
}

/** What a page shows a member (`children`, given the member's data), or that this account has no member record. */
export function MemberOnly<T>({ data, children }: { data: T | null | undefined; children: (data: T) => ReactNode }) {
  const p = usePortalT();
  return data ? children(data) : <p className="notice">{p.noMember}</p>;
}

export function PortalPage({ id, title, children, intro }: { id: string; title: string; intro?: ReactNode; children: ReactNode }) {
  const p = usePortalT();
  return (
    <section className="page portal" aria-labelledby={id}>
      <h1 id={id}>{title}</h1>
      <PortalTabs />
      {intro ?? <p className="muted small">{p.verifiedNote}</p>}
      {children}
    </section>
  );
}
