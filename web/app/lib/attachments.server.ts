// The web server's side of attachments: files posted with a form go on to the API's POST /files
// with the person's session (the API decides who may upload and what), and downloads come back
// through here (/files/<sha256>), so the browser never holds the API's token.
import { data } from 'react-router';
import type { AccountContext } from './auth.server';
import { SHA256_HEX, MAX_FILES, type AttachmentView } from './attachments';
import { webConfig } from './config.server';
import { ApiError } from './graphql.server';
import { getSession, sessionAccount } from './session.server';

/** The API's file endpoints sit beside its /graphql. */
function filesUrl(rest: string): string {
  return new URL(`/files${rest}`, webConfig().apiUrl).toString();
}

interface ApiErrorBody {
  errors?: { message?: string; extensions?: { code?: string; messageZh?: string } }[];
}

async function refusal(res: Response, field: string, name: string): Promise<ApiError> {
  const body = (await res.json().catch(() => ({}))) as ApiErrorBody;
  const e = body.errors?.[0];
  const code = e?.extensions?.code ?? 'API_BAD_RESPONSE';
  const message = `${name}: ${e?.message ?? `the API answered ${res.status}`}`;
  const messageZh = `${name}：${e?.extensions?.messageZh ?? e?.message ?? `API 返回 ${res.status}`}`;
  // Shown beside the file field, with the file it is about.
  return new ApiError(code, message, { messageZh, fields: [{ field, message, messageZh }] });
}

/**
 * Uploads the files chosen in a form's `field` and answers the attachments to name in the
 * record (hash and name); none chosen: an empty list.
 */
export async function uploadAttachments(ctx: AccountContext, form: FormData, field = 'files'): Promise<{ sha256: string; name: string }[]> {
  const files = form.getAll(field).filter((f): f is File => typeof f === 'object' && f !== null && 'arrayBuffer' in f && (f as File).size > 0);
  if (files.length > MAX_FILES) {
    const message = `${files.length} files chosen; at most ${MAX_FILES} can be attached.`;
    const messageZh = `选择了 ${files.length} 个文件，最多可附加 ${MAX_FILES} 个。`;
    throw new ApiError('BAD_USER_INPUT', message, { messageZh, fields: [{ field, message, messageZh }] });
  }
  const out: { sha256: string; name: string }[] = [];
  for (const file of files) {
    let res: Response;
    try {
      res = await fetch(`${filesUrl('')}?name=${encodeURIComponent(file.name)}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ctx.token}`, 'content-type': 'application/octet-stream' },
        body: new Uint8Array(await file.arrayBuffer()),
        signal: AbortSignal.timeout(60_000),
      });
    } catch (error) {
      throw new ApiError('API_UNAVAILABLE', 'The file could not be uploaded: the API is not reachable.', { messageZh: '无法上传文件：API 无法访问。', cause: error });
    }
    if (!res.ok) throw await refusal(res, field, file.name);
    const stored = (await res.json()) as AttachmentView;
    out.push({ sha256: stored.sha256, name: stored.name });
  }
  return out;
}

/**
 * GET /files/<sha256>[/thumb] passed through with the person's session: the API's answer as it is
 * (404 for a file they may not see), with its download headers; never a page.
 */
export async function proxyFile(request: Request, sha256: string | undefined, thumb: boolean): Promise<Response> {
  const signed = sessionAccount(await getSession(request));
  if (!signed) throw data({ code: 'UNAUTHENTICATED', message: 'Sign in to download files.', messageZh: '请先登录再下载文件。' }, { status: 401 });
  if (!sha256 || !SHA256_HEX.test(sha256)) throw data({ code: 'NOT_FOUND', message: 'No such file.', messageZh: '文件不存在。' }, { status: 404 });
  let res: Response;
  try {
    res = await fetch(filesUrl(`/${sha256}${thumb ? '/thumb' : ''}`), { headers: { authorization: `Bearer ${signed.token}` }, signal: AbortSignal.timeout(60_000) });
  } catch {
    throw data({ code: 'API_UNAVAILABLE', message: 'The file could not be fetched: the API is not reachable.', messageZh: '无法获取文件：API 无法访问。' }, { status: 503 });
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as ApiErrorBody;
    const e = body.errors?.[0];
    throw data({ code: e?.extensions?.code ?? 'NOT_FOUND', message: e?.message ?? 'No such file.', messageZh: e?.extensions?.messageZh ?? '文件不存在。' }, { status: res.status });
  }
  const headers = new Headers();
  for (const name of ['content-type', 'content-length', 'content-disposition', 'x-lianjian-sha256']) {
    const v = res.headers.get(name);
    if (v) headers.set(name, v);
  }
  // The API's guards again, from this origin: never rendered, run or sniffed here either.
  headers.set('Content-Security-Policy', "default-src 'none'; sandbox; frame-ancestors 'none'");
  headers.set('X-Content-Type-Options', 'nosniff');
  headers.set('Cache-Control', 'private, no-store');
  // Only our own WebP thumbnails are shown in a page; everything else is a download.
  if (!thumb && !headers.get('content-disposition')?.startsWith('attachment')) headers.set('content-disposition', 'attachment');
  return new Response(res.body, { status: 200, headers });
}
