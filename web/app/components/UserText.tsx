// Text people typed (names, titles, notes) shown among the page's own words. A stored bidi
// control such as U+202E (RIGHT-TO-LEFT OVERRIDE) would otherwise reorder everything after it up
// to the end of the paragraph — a status, a date, a role — so that "张三‮ (书记)" reads as
// "张三)记书( ". <bdi> ends every embedding and override at its own end, and sets the text's
// direction from its first letter. app.css isolates the inline elements that routes put such text
// in (links, spans, strong, labels); these are for text that stands bare beside other words.
import type { ReactNode } from 'react';

export function UserText({ children }: { children: string | null | undefined }) {
  return <bdi>{children}</bdi>;
}

// Private use: no message contains it.
const SLOT = '\uE000';

/** A message built around user text (`t.nav.signedInAs(name, role)`), with that text isolated. */
/** A person's note after a value (a reference, a decision's note), small and muted; nothing when there is none. */
export function UserNote({ text }: { text: string | null | undefined }) {
  if (!text) return null;
  return (
    <span className="muted small">
      {' '}
      <bdi>{text}</bdi>
    </span>
  );
}

export function isolatedIn(message: (text: string) => string, text: string): ReactNode {
  return message(SLOT)
    .split(SLOT)
    .flatMap((part, i) => (i === 0 ? [part] : [<bdi key={i}>{text}</bdi>, part]));
}

/** A message built around a code, command or address (`t.verify.cli(command)`), with that set in <code>. */
export function codeIn(message: (code: string) => string, code: string): ReactNode {
  return message(SLOT)
    .split(SLOT)
    .flatMap((part, i) => (i === 0 ? [part] : [<code key={i}>{code}</code>, part]));
}

/** A message whose `backquoted` parts are literal codes (a file's column headers), set in <code>. */
export function codesMarked(message: string): ReactNode {
  return message.split('`').map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part));
}
