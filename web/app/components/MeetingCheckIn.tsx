// The open check-in, for the secretary to show the room: the 6-digit code in large type, the same
// code as a QR code, and the time left. The countdown runs only in the browser; the server
// renders the expiry time, so the two renderings never disagree.
import { useEffect, useState } from 'react';
import { useT } from '../i18n/use-t';
import { formatDateTime } from '../lib/format';
import type { CheckInShown } from '../lib/meetings';
import { useHydrated } from '../lib/use-hydrated';
import { QrCode } from './QrCode';

function left(expiresAt: string): number {
  return Math.max(0, Math.floor((Date.parse(expiresAt) - Date.now()) / 1000));
}

export function MeetingCheckIn({ session }: { session: CheckInShown }) {
  const t = useT().meetings;
  const hydrated = useHydrated();
  const [secs, setSecs] = useState(() => left(session.expiresAt));
  useEffect(() => {
    setSecs(left(session.expiresAt));
    const timer = setInterval(() => setSecs(left(session.expiresAt)), 1000);
    return () => clearInterval(timer);
  }, [session.expiresAt]);
  const mm = String(Math.floor(secs / 60)).padStart(2, '0');
  const ss = String(secs % 60).padStart(2, '0');
  const expired = hydrated && secs === 0;
  return (
    <div className="checkin-show" data-testid="checkin-session">
      <div>
        <p className="eyebrow">{t.checkInCode}</p>
        <p className={expired ? 'checkin-code checkin-expired' : 'checkin-code'} data-testid="checkin-code" aria-label={`${t.checkInCode} ${session.code.split('').join(' ')}`}>
          {session.code}
        </p>
        <p className="small">{t.expiresAt(formatDateTime(session.expiresAt))}</p>
        {hydrated ? (
          <p className="checkin-countdown" role="timer" aria-live="off" data-testid="checkin-countdown">
            {expired ? (
              <span className="badge badge-fail">{t.expired}</span>
            ) : (
              <>
                {t.expiresIn} <strong>{`${mm}:${ss}`}</strong>
              </>
            )}
          </p>
        ) : null}
      </div>
      <figure className="checkin-qr">
        <QrCode text={session.qrPayload} label={t.qrLabel(session.code)} />
        <figcaption className="small muted">
          {t.qrPayload}: <code className="break">{session.qrPayload}</code>
        </figcaption>
      </figure>
    </div>
  );
}
