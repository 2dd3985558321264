// The printed face of a transfer letter, and the print rules that leave only it on paper: the
// site's header, navigation and footer (and anything marked no-print) are not printed.
import { useT } from '../i18n/use-t';
import { QrCode } from './QrCode';
import { isolatedIn } from './UserText';

export interface LetterFace {
  letterNo: string;
  memberName: string;
  fromUnitName: string;
  toUnitName?: string | null;
  toOrganisation?: string | null;
  issuedOn: string;
  lastValidDay: string;
  status: string;
  lapsed: boolean;
  viaUnitName?: string | null;
}

const PRINT_CSS = `@media print {
  .site-header, .site-nav, .site-footer, .skip-link, .no-print { display: none !important; }
  .letter-sheet { border: none !important; box-shadow: none !important; }
}
.letter-sheet { max-width: 42rem; margin: 1rem auto; padding: 2rem; border: 1px solid #ccc; background: #fff; }
.letter-sheet h1 { text-align: center; }
.letter-sheet .letter-code { font-size: 1.5rem; letter-spacing: 0.08em; }
.letter-sheet .letter-verify { display: flex; gap: 1.5rem; align-items: center; border-top: 1px dashed #999; margin-top: 2rem; padding-top: 1rem; }`;

export function TransferLetterSheet({ letter, code, verifyUrl, verifyPage }: { letter: LetterFace; code: string | null; verifyUrl: string; verifyPage: string }) {
  const t = useT();
  const l = t.transfers.letter;
  return (
    <article className="letter-sheet" data-testid="transfer-letter" data-letter={letter.letterNo}>
      <style>{PRINT_CSS}</style>
      <h1 id="letter-title">{l.title}</h1>
      <p className="mono">
        {l.no} <bdi>{letter.letterNo}</bdi>
      </p>
      <p>
        <bdi>{l.body(letter.memberName, letter.toUnitName ?? letter.toOrganisation ?? '')}</bdi>
      </p>
      {letter.viaUnitName ? <p>{isolatedIn(l.via, letter.viaUnitName)}</p> : null}
      <dl className="facts">
        <dt>{l.from}</dt>
        <dd>
          <bdi>{letter.fromUnitName}</bdi>
        </dd>
        <dt>{l.issuedOn}</dt>
        <dd>{letter.issuedOn}</dd>
        <dt>{l.status}</dt>
        <dd data-status={letter.status}>
          {t.transfers.statuses[letter.status] ?? letter.status}
          {letter.lapsed ? ` · ${t.transfers.lapsed}` : ''}
        </dd>
      </dl>
      <p>
        <strong>{l.validUntil(letter.lastValidDay)}</strong>
      </p>
      {code ? (
        <div className="letter-verify">
          <QrCode text={verifyUrl} label={l.qrLabel(code)} px={160} />
          <div>
            <p className="h3">{l.verifyTitle}</p>
            <p>{l.verifyText}</p>
            <p className="mono break" translate="no">
              {verifyPage}
            </p>
            <p>
              {l.code}{' '}
              <span className="letter-code mono" data-testid="letter-code" translate="no">
                {code}
              </span>
            </p>
          </div>
        </div>
      ) : (
        <p className="muted small">{l.noCode}</p>
      )}
    </article>
  );
}
