// The files attached to a record, each checked in the browser: the page downloads the file (through
// this site, with the person's session), computes its SHA-256 with Web Crypto and compares it with
// the hash in the record's proven document — not with what the API lists beside it. The download
// link then hands over exactly the bytes that were checked. Images show the API's thumbnail.
import { useEffect, useState } from 'react';
import { useT } from '../i18n/use-t';
import { ACCEPTED_FILES, formatSize, IMAGE_TYPES, provenAttachments, sha256Hex, type AttachmentView } from '../lib/attachments';
import { Field, type FormOf } from './MeetingFields';
import './Attachments.css';

type Check = { state: 'checking' } | { state: 'verified'; url: string } | { state: 'failed'; url: string | null; notInRecord?: boolean } | { state: 'unavailable' };

function useFileCheck(file: AttachmentView, proven: AttachmentView[] | null): Check {
  const [check, setCheck] = useState<Check>({ state: 'checking' });
  const inRecord = proven === null || proven.some((p) => p.sha256 === file.sha256);
  useEffect(() => {
    if (!inRecord) {
      setCheck({ state: 'failed', url: null, notInRecord: true });
      return;
    }
    let url: string | null = null;
    let live = true;
    setCheck({ state: 'checking' });
    (async () => {
      const res = await fetch(`/files/${file.sha256}`, { credentials: 'same-origin', cache: 'no-store' });
      if (!res.ok) throw new Error(`status ${res.status}`);
      const bytes = await res.arrayBuffer();
      const hash = await sha256Hex(bytes);
      if (!live) return;
      url = URL.createObjectURL(new Blob([bytes], { type: 'application/octet-stream' }));
      setCheck(hash === file.sha256 ? { state: 'verified', url } : { state: 'failed', url });
    })().catch(() => {
      if (live) setCheck({ state: 'unavailable' });
    });
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [file.sha256, inRecord]);
  return check;
}

function AttachmentItem({ file, proven }: { file: AttachmentView; proven: AttachmentView[] | null }) {
  const t = useT();
  const v = t.attachments;
  const check = useFileCheck(file, proven);
  const badge =
    check.state === 'verified'
      ? { cls: 'pass', text: v.verified, sub: v.verifiedText }
      : check.state === 'failed'
        ? { cls: 'fail', text: v.failed, sub: check.notInRecord ? v.notInRecord : v.failedText }
        : check.state === 'unavailable'
          ? { cls: 'skip', text: v.unavailable, sub: v.unavailableText }
          : { cls: 'waiting', text: v.checking };
  // Before the check, the link is the file itself (as an attachment); after it, the checked bytes.
  const href = check.state === 'verified' ? check.url : `/files/${file.sha256}`;
  return (
    <li className="attachment" data-testid="attachment" data-sha256={file.sha256} data-check={check.state}>
      {IMAGE_TYPES.includes(file.type) ? <img className="attachment-thumb" src={`/files/${file.sha256}/thumb`} alt={v.thumbAlt(file.name)} loading="lazy" width={96} height={96} /> : <span className="attachment-thumb attachment-doc" aria-hidden="true">PDF</span>}
      <div className="attachment-body">
        <p className="attachment-name">
          <bdi translate="no">{file.name}</bdi> <span className="muted small">· {v.types[file.type] ?? file.type} · {formatSize(file.size)}</span>
        </p>
        <p className="attachment-check" role="status" aria-live="polite">
          <span className={`badge badge-${badge.cls}`} data-testid="attachment-check">{badge.text}</span>
          {badge.sub ? <span className="proof-sub"> {badge.sub}</span> : null}
        </p>
        <p className="attachment-hash small muted">
          {v.hash} <code translate="no">{file.sha256}</code>
        </p>
        {check.state !== 'failed' ? (
          <a className="btn btn-quiet" href={href} download={file.name} aria-label={v.downloadLabel(file.name)} data-testid="attachment-download">
            {v.download}
          </a>
        ) : null}
      </div>
    </li>
  );
}

/**
 * `bundle`: the record's proof bundle (null while pending); `list`: the attachments the API lists;
 * `field`: where the record's document holds their hashes (a meeting's minutes: minutesAttachments).
 */
export function Attachments({ list, bundle, field = 'attachments' }: { list: AttachmentView[]; bundle: unknown; field?: string }) {
  const t = useT();
  const v = t.attachments;
  if (list.length === 0) return null;
  const proven = provenAttachments(bundle, field);
  return (
    <section className="attachments" aria-labelledby="attachments-title" data-testid="attachments">
      <h3 id="attachments-title">{v.title}</h3>
      <p className="muted small">{proven === null ? v.pendingRecord : v.intro}</p>
      <ul className="plain attachment-list">
        {list.map((f) => (
          <AttachmentItem key={f.sha256} file={f} proven={proven} />
        ))}
      </ul>
    </section>
  );
}

/**
 * The file field of a form that attaches files (the form posts multipart/form-data); the web
 * server uploads them (lib/attachments.server.ts) and a refusal shows under the field.
 */
export function AttachmentsField({ form, id, name = 'files', max }: { form: FormOf; id: string; name?: string; max: number }) {
  const t = useT();
  const v = t.attachments;
  return <Field form={form} id={id} name={name} label={v.field} type="file" multiple accept={ACCEPTED_FILES} hint={v.fieldHint(max)} data-testid="attachments-input" />;
}
