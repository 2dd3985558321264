// The open check-in, for the secretary to show the room: the 6-digit code in large type, the same
// code as a QR code, and the time left. The countdown runs only in the browser; the server
// renders the expiry time, so the two renderings never disagree. The projector view fills the
// screen (the Fullscreen API where the browser allows it, else the whole window) so a room can
// read the code and scan the QR code from the back.
import { useEffect, useRef, useState, type CSSProperties } from 'react';
import { useT } from '../i18n/use-t';
import { formatDateTime } from '../lib/format';
import type { CheckInShown } from '../lib/meetings';
import { useHydrated } from '../lib/use-hydrated';
import { QrCode } from './QrCode';

function left(expiresAt: string): number {
  return Math.max(0, Math.floor((Date.parse(expiresAt) - Date.now()) / 1000));
}

const PROJECTOR: CSSProperties = {
  position: 'fixed',
  inset: 0,
  zIndex: 1000,
  background: '#fff',
  display: 'flex',
  flexWrap: 'wrap',
  alignItems: 'center',
  justifyContent: 'space-evenly',
  gap: '2rem',
  padding: '2rem',
  overflow: 'auto',
};

export function MeetingCheckIn({ session }: { session: CheckInShown }) {
  const t = useT().meetings;
  const hydrated = useHydrated();
  const box = useRef<HTMLDivElement>(null);
  const [projector, setProjector] = useState(false);
  const [secs, setSecs] = useState(() => left(session.expiresAt));
  useEffect(() => {
    if (!projector) return;
    // Leaving the browser's full screen (Esc) leaves the projector view too.
    const onChange = () => {
      if (!document.fullscreenElement) setProjector(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setProjector(false);
    };
    document.addEventListener('fullscreenchange', onChange);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('fullscreenchange', onChange);
      document.removeEventListener('keydown', onKey);
    };
  }, [projector]);
  const toggle = () => {
    if (projector) {
      setProjector(false);
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
      return;
    }
    setProjector(true);
    box.current?.requestFullscreen?.().catch(() => undefined);
  };
  useEffect(() => {
    setSecs(left(session.expiresAt));
    const timer = setInterval(() => setSecs(left(session.expiresAt)), 1000);
    return () => clearInterval(timer);
  }, [session.expiresAt]);
  const mm = String(Math.floor(secs / 60)).padStart(2, '0');
  const ss = String(secs % 60).padStart(2, '0');
  const expired = hydrated && secs === 0;
  return (
    <div className="checkin-show" data-testid="checkin-session" data-projector={projector} ref={box} style={projector ? PROJECTOR : undefined}>
      <div>
        <p className="eyebrow">{t.checkInCode}</p>
        <p
          className={expired ? 'checkin-code checkin-expired' : 'checkin-code'}
          data-testid="checkin-code"
          aria-label={`${t.checkInCode} ${session.code.split('').join(' ')}`}
          style={projector ? { fontSize: 'min(7vw, 14vh)', lineHeight: 1.1 } : undefined}
        >
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
        {hydrated ? (
          <button type="button" className="btn" onClick={toggle} data-testid="checkin-projector">
            {projector ? t.exitProjector : t.projector}
          </button>
        ) : null}
      </div>
      <figure className="checkin-qr">
        <QrCode text={session.qrPayload} label={t.qrLabel(session.code)} px={projector ? '70vmin' : 256} />
        <figcaption className="small muted">
          {t.qrPayload}: <code className="break">{session.qrPayload}</code>
        </figcaption>
      </figure>
    </div>
  );
}
