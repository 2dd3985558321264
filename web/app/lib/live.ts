// Live updates in the browser: one EventSource per page on /events (routes/events), opened by the
// Shell for a signed-in person. Events say only that something changed — "your inbox", "the
// notices addressed to you", "this notice", "batch N is anchored" — and a component that shows that
// thing asks for a reload of the page's data (the router's revalidate), so what is shown still comes
// from the ordinary loaders with their scopes.
//
// Reloads are careful with the page: several events within a moment make one reload; none starts
// while a form is being sent or a fetcher is busy (it waits, so it never lands after — and undoes
// on screen — what the person just did); form results survive it (useActionResult) and typed input
// is left alone (inputs are uncontrolled or keep their own state).
import { useEffect, useRef } from 'react';
import { useFetchers, useNavigation, useRevalidator } from 'react-router';

export type LiveEventName = 'inbox' | 'notices' | 'notice' | 'anchored' | 'resync';

export interface LiveMessage {
  event: LiveEventName;
  data: Record<string, unknown>;
}

/** Whether a message concerns what a component shows. */
export type LiveFilter = (m: LiveMessage) => boolean;

const EVENTS: readonly LiveEventName[] = ['inbox', 'notices', 'notice', 'anchored', 'resync'];
/** Events within this long make one reload. */
const DEBOUNCE_MS = 400;
/** The stream opens this long after the page starts, so that it is not part of the page's own loading. */
const OPEN_DELAY_MS = 1500;
/** A hidden tab keeps its stream this long, then gives it up (browsers allow few connections per site). */
const HIDDEN_CLOSE_MS = 60_000;

const filters = new Set<{ current: LiveFilter }>();
let wanted = false;
let schedule: (() => void) | null = null;

function relevant(m: LiveMessage): boolean {
  // After a reconnection anything shown may be stale.
  if (m.event === 'resync') return true;
  for (const f of filters) if (f.current(m)) return true;
  return false;
}

/**
 * Reloads the page's data when a message matches `filter` (null: listens to nothing). Works only
 * under a Shell that opened the stream (useLiveStream); elsewhere it does nothing.
 */
export function useLiveEvent(filter: LiveFilter | null): void {
  const ref = useRef<LiveFilter>(() => false);
  ref.current = filter ?? (() => false);
  const on = filter !== null;
  useEffect(() => {
    if (!on) return;
    const entry = ref;
    filters.add(entry);
    return () => {
      filters.delete(entry);
    };
  }, [on]);
}

/** For tests: each reload the stream caused, counted on window (never a navigation). */
declare global {
  interface Window {
    __ljLive?: { open: boolean; reloads: number; heard: number };
  }
}

/** Opens the page's stream (the Shell, when someone is signed in) and runs the reloads it asks for. */
export function useLiveStream(enabled: boolean): void {
  const revalidator = useRevalidator();
  const navigation = useNavigation();
  const fetchers = useFetchers();
  // The latest router state for the timer below.
  const state = useRef({ revalidator, busy: false });
  state.current = { revalidator, busy: navigation.state !== 'idle' || revalidator.state !== 'idle' || fetchers.some((f) => f.state !== 'idle') };

  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    wanted = true;
    const probe = (window.__ljLive ??= { open: false, reloads: 0, heard: 0 });
    let source: EventSource | null = null;
    let dirty = false;
    let connectedOnce = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let reopenTimer: ReturnType<typeof setTimeout> | undefined;
    let hiddenTimer: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;

    const run = () => {
      timer = undefined;
      if (!dirty) return;
      // Never while something is being sent or loaded: look again shortly.
      if (state.current.busy) {
        timer = setTimeout(run, DEBOUNCE_MS);
        return;
      }
      dirty = false;
      probe.reloads++;
      void state.current.revalidator.revalidate();
    };
    schedule = () => {
      dirty = true;
      if (timer === undefined) timer = setTimeout(run, DEBOUNCE_MS);
    };

    const onMessage = (event: LiveEventName) => (e: MessageEvent<string>) => {
      let data: Record<string, unknown> = {};
      try {
        data = JSON.parse(e.data) as Record<string, unknown>;
      } catch {
        /* an event without data */
      }
      probe.heard++;
      if (relevant({ event, data })) schedule?.();
    };

    const close = () => {
      source?.close();
      source = null;
      probe.open = false;
    };
    const open = () => {
      if (source || !wanted) return;
      const es = new EventSource('/events');
      source = es;
      es.addEventListener('ready', () => {
        probe.open = true;
        failures = 0;
        // A reconnection: what changed in between was not heard.
        if (connectedOnce) schedule?.();
        connectedOnce = true;
      });
      for (const name of EVENTS) es.addEventListener(name, onMessage(name) as EventListener);
      // Signed out elsewhere: the next navigation goes to sign-in; nothing more to hear.
      es.addEventListener('signed-out', close);
      es.onerror = () => {
        probe.open = false;
        // CLOSED: refused (signed out, too many tabs, server busy) — the browser will not retry;
        // try again later, less often each time. CONNECTING: the browser retries by itself.
        if (es.readyState === EventSource.CLOSED && source === es) {
          close();
          failures++;
          reopenTimer = setTimeout(open, Math.min(60_000 * failures, 300_000));
        }
      };
    };

    const onVisibility = () => {
      if (document.visibilityState === 'hidden') {
        hiddenTimer = setTimeout(close, HIDDEN_CLOSE_MS);
      } else {
        clearTimeout(hiddenTimer);
        open();
      }
    };

    const startTimer = setTimeout(open, OPEN_DELAY_MS);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      wanted = false;
      schedule = null;
      clearTimeout(startTimer);
      clearTimeout(timer);
      clearTimeout(reopenTimer);
      clearTimeout(hiddenTimer);
      document.removeEventListener('visibilitychange', onVisibility);
      close();
    };
  }, [enabled]);
}

/**
 * A proof still waiting for its anchor: reload when its batch is anchored (or any batch, while the
 * record is not in one yet — it is in the next).
 */
export function useLiveProof(proof: { status: string; batchSeq: number | null }): void {
  const waiting = proof.status !== 'ANCHORED';
  const batch = proof.batchSeq;
  useLiveEvent(waiting ? (m) => m.event === 'anchored' && (batch === null || m.data.batch === batch) : null);
}
