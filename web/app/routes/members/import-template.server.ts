// Server side of import-template.tsx: its loader and actions and the GraphQL documents they send.
import { requireAccount } from '../../lib/auth.server';
import { templateCsv } from '../../lib/import';
import { PAGE_ROLES } from '../../lib/roles';
import type { Route } from './+types/import-template';

export async function loader({ request }: Route.LoaderArgs) {
  await requireAccount(request, PAGE_ROLES.membersImport);
  return new Response(templateCsv(), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="members-import-template.csv"; filename*=UTF-8''${encodeURIComponent('党员导入模板.csv')}`,
    },
  });
}
