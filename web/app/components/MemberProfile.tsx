// A member's profile, development dates and record versions, each version verified in the browser.
import type { ProofBundle } from '@lianjian/verify';
import type { ReactNode } from 'react';
import { useT } from '../i18n/use-t';
import { formatDateTime } from '../lib/format';
import { DEVELOPMENT_DATES, provenFields, type HistoryNode, type MemberNode, type ProofNode } from '../lib/fragments';
import { Card } from './Card';
import { Fact } from './Facts';
import { ProofStatus } from './ProofStatus';
import { UserText } from './UserText';

export function MemberProfile({ member, proof, titleId }: { member: MemberNode; proof: ProofNode; titleId: string }) {
  const t = useT();
  const none = t.common.none;
  const rows: Array<[string, ReactNode]> = [
    [t.me.name, <UserText>{member.name}</UserText>],
    [t.me.gender, t.genders[member.gender] ?? member.gender],
    [t.me.birthDate, member.birthDate],
    [t.me.ethnicity, <UserText>{member.ethnicity}</UserText>],
    [t.me.education, t.educations[member.education] ?? member.education],
    [t.me.nativePlace, member.nativePlace ? <UserText>{member.nativePlace}</UserText> : none],
    [t.me.occupation, member.occupation ? <UserText>{member.occupation}</UserText> : none],
    [
      t.me.unit,
      <>
        <UserText>{member.orgUnit.name}</UserText> · {t.unitKinds[member.orgUnit.kind] ?? member.orgUnit.kind}
      </>,
    ],
    [t.me.stage, t.stages[member.stage] ?? member.stage],
    [t.me.status, t.statuses[member.status] ?? member.status],
    [t.me.partyAge, member.partyAgeYears === null ? none : t.me.years(member.partyAgeYears)],
  ];
  return (
    <article className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>{t.me.profile}</h2>
      <ProofStatus
        proof={proof}
        fields={provenFields(member)}
        what={`${member.name} ${t.me.versionN(member.version)}`}
        downloadHref={`/proof/Member/${member.id}/${member.version}`}
      />
      <dl className="facts" data-testid="profile">
        {rows.map(([k, v]) => (
          <Fact key={k} label={k}>{v}</Fact>
        ))}
      </dl>
    </article>
  );
}

export function DevelopmentTimeline({ member }: { member: MemberNode }) {
  const t = useT();
  const steps = DEVELOPMENT_DATES.map((key) => ({ key, date: member[key] })).filter((s): s is { key: (typeof DEVELOPMENT_DATES)[number]; date: string } => s.date !== null);
  steps.sort((a, b) => a.date.localeCompare(b.date));
  return (
    <Card titleId="development-title" title={t.me.development} intro={t.me.developmentNote}>
      <ol className="timeline" data-testid="timeline">
        {steps.map((s) => (
          <li key={s.key}>
            <time dateTime={s.date}>{s.date}</time>
            <span>{t.me.dates[s.key]}</span>
          </li>
        ))}
      </ol>
    </Card>
  );
}

export function RecordVersions({ type, id, history, title, note }: { type: string; id: string; history: HistoryNode[]; title: string; note: string }) {
  const t = useT();
  const newestFirst = [...history].sort((a, b) => b.version - a.version);
  const typeLabel = (t.verify.types as Record<string, string>)[type] ?? type;
  return (
    <Card titleId="records-title" title={title} intro={note}>
      {newestFirst.length === 0 ? <p>{t.me.noRecords}</p> : null}
      <ul className="records" data-testid="records">
        {newestFirst.map((h) => {
          const bundle = h.proof.bundle as ProofBundle | null;
          const shown: Record<string, unknown> = {};
          for (const key of ['stage', 'status'] as const) if (key in h.data) shown[key] = h.data[key];
          return (
            <li key={h.version} className="record" data-version={h.version}>
              <p className="record-head">
                <strong>
                  {typeLabel} · {t.me.versionN(h.version)}
                </strong>
                <span className="muted"> · {formatDateTime(h.at)}</span>
                {typeof h.data.stage === 'string' ? <span className="pill">{t.stages[h.data.stage] ?? h.data.stage}</span> : null}
              </p>
              <ProofStatus
                proof={h.proof}
                fields={shown}
                what={`${typeLabel} ${t.me.versionN(h.version)}`}
                downloadHref={bundle ? `/proof/${type}/${id}/${h.version}` : undefined}
              />
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
