// How a page's form action starts: refuse cross-site posts, require an account whose role may
// write here, then read the posted form (its intent, the record's id and trimmed text fields).
import { assertSameOrigin, requireAccount, type AccountContext } from './auth.server';
import type { Role } from './roles';

export interface PostedForm {
  ctx: AccountContext;
  form: FormData;
  /** Which of the page's forms was posted ('' when none said). */
  intent: string;
  /** The record the form acts on ('' when none). */
  id: string;
  /** A text field, trimmed ('' when absent). */
  text: (name: string) => string;
}

export async function readPostedForm(request: Request, roles: readonly Role[]): Promise<PostedForm> {
  assertSameOrigin(request);
  const ctx = await requireAccount(request, roles);
  const form = await request.formData();
  const text = (name: string) => String(form.get(name) ?? '').trim();
  return { ctx, form, intent: String(form.get('intent') ?? ''), id: String(form.get('id') ?? ''), text };
}
