// A transfer letter to print (组织关系介绍信): its number, the member, the receiving side, the dates
// and the common level it goes through; for an organisation outside the system, the verification
// code and a QR code that open the public verify page, where the receiving side checks it.
import { Link, useLoaderData } from 'react-router';
import type { Route } from './+types/letter';
import { TransferLetterSheet } from '../../components/TransferLetter';
import { useT } from '../../i18n/use-t';
import { titleFor } from '../../lib/meta';
import type { loader } from './letter.server';

export const meta: Route.MetaFunction = ({ matches }) => titleFor(matches, (t) => t.transfers.letter.title);

export { loader } from './letter.server';

export default function TransferLetterPage() {
  const t = useT();
  const { letter, code, verifyUrl, verifyPage } = useLoaderData<typeof loader>();
  return (
    <section className="page" aria-labelledby="letter-title">
      <p className="no-print">
        <Link to="/transfers">{t.transfers.letter.back}</Link>{' '}
        <button type="button" className="btn btn-small" onClick={() => window.print()}>
          {t.transfers.letter.print}
        </button>
      </p>
      <TransferLetterSheet letter={letter} code={code} verifyUrl={verifyUrl} verifyPage={verifyPage} />
    </section>
  );
}
