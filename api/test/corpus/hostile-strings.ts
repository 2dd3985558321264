// Hostile and edge-case strings for every text field. Two classes, and the API must keep to each:
//   refused: not acceptable as a person's data (control characters, NUL, unpaired surrogates,
//            sizes far past any field's limit) — a BAD_USER_INPUT error naming the field, and
//            nothing written;
//   inert:   valid text that only looks dangerous (SQL, markup, template syntax, bidi and
//            zero-width characters) — stored byte for byte as data, never executed, and the
//            record document carries exactly the same text.

export interface HostileString {
  name: string;
  value: string;
}

const MB = 1 << 20;

export const REFUSED_STRINGS: HostileString[] = [
  { name: 'NUL byte', value: 'a\u0000b' },
  { name: 'only NUL', value: '\u0000' },
  { name: 'SQL after NUL', value: "x\u0000'; DROP TABLE member; --" },
  { name: 'newline and tab', value: 'line1\nline2\tx' },
  { name: 'escape sequence', value: '\u001b[31mred\u001b[0m' },
  { name: 'DEL', value: 'a\u007fb' },
  { name: 'lone high surrogate', value: 'a\ud800b' },
  { name: 'lone low surrogate', value: '\udc00' },
  { name: 'reversed surrogate pair', value: '\udc00\ud800' },
  { name: '1 MB string', value: 'x'.repeat(MB - 4096) },
  { name: '300 characters', value: '长'.repeat(300) },
];

export const INERT_STRINGS: HostileString[] = [
  { name: 'SQL injection', value: "'; DROP TABLE member; --" },
  { name: 'SQL tautology', value: "' OR '1'='1" },
  { name: 'SQL comment and quote', value: "O'Brien\"); --" },
  { name: 'script tag', value: '<script>alert(1)</script>' },
  { name: 'img onerror', value: '<img src=x onerror=alert(1)>' },
  { name: 'template syntax', value: '{{7*7}} ${process.exit(1)}' },
  { name: 'path traversal', value: '../../../etc/passwd' },
  { name: 'JSON-looking', value: '{"__proto__":{"admin":true}}' },
  { name: 'right-to-left override', value: '张\u202Egnp.exe' },
  { name: 'arabic and hebrew', value: 'مرحبا שלום' },
  { name: 'zero-width joiner and space', value: '王\u200d\u200b五' },
  { name: 'byte order mark', value: '\ufeff李四' },
  { name: 'combining marks', value: 'Z\u0351\u0363\u0364a\u0310\u0301l\u0300go' },
  { name: 'astral emoji', value: '👨‍👩‍👧‍👦🀄' },
  { name: 'CJK extension B', value: '𠀋𡈽𡌛' },
];
