// Server side of letter.tsx: one letter as its issuing (or receiving) side may see it, and the
// address of the public check its verification code and QR code point to.
import { data } from 'react-router';
import type { Route } from './+types/letter';
import { graphql } from '../../graphql';
import { requireAccount } from '../../lib/auth.server';
import { PAGE_ROLES } from '../../lib/roles';
import { pageUrl } from '../../lib/session.server';

const LETTER = graphql(`query TransferLetter($id: ID!) {
  transfer(id: $id) {
    id version letterNo memberName fromUnitName toUnitName toOrganisation toProvince crossProvince issuedOn lastValidDay status lapsed viaUnitName needsEndorsement endorsedOn verifyCode
  }
}`);

/** The code as printed: four groups of four, easier to read out and type. */
const printed = (code: string) => code.match(/.{1,4}/g)!.join('-');

export async function loader({ request, params }: Route.LoaderArgs) {
  const ctx = await requireAccount(request, PAGE_ROLES.transfers);
  if (!/^[0-9a-f-]{36}$/i.test(params.id)) throw data({ code: 'NOT_FOUND', message: 'No such letter.', messageZh: '没有该介绍信。' }, { status: 404 });
  const r = await ctx.query(LETTER, { id: params.id });
  const code = r.transfer.verifyCode;
  // The QR code opens the public verify page with the code filled in; the site's own address,
  // as the browser reached it.
  const verifyUrl = new URL('/verify', pageUrl(request).origin);
  if (code) verifyUrl.searchParams.set('code', printed(code));
  return { letter: r.transfer, code: code ? printed(code) : null, verifyUrl: verifyUrl.toString(), verifyPage: new URL('/verify', pageUrl(request).origin).toString() };
}
