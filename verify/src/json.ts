import { JsonParseError } from './errors.js';

/**
 * Strict JSON text parsing for proof bundles. JSON.parse keeps the last of duplicate keys, so
 * a bundle could show one value to a person reading the file and have another verified; the
 * I-JSON rules JCS builds on (RFC 7493) forbid duplicates, and so does this parser. Numbers that
 * overflow to ±Infinity are refused too. Strings and numbers are decoded by JSON.parse itself.
 */
export function parseJson(text: string): unknown {
  if (typeof text !== 'string') throw new JsonParseError('JSON input must be a string');
  const parser = new Parser(text);
  parser.skipWhitespace();
  const value = parser.value(0);
  parser.skipWhitespace();
  if (!parser.atEnd()) parser.fail('unexpected text after the JSON value');
  return value;
}

const MAX_DEPTH = 256;
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERAL = /true|false|null/y;

class Parser {
  private pos = 0;

  constructor(private readonly text: string) {}

  atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  fail(message: string): never {
    throw new JsonParseError(`invalid JSON at offset ${this.pos}: ${message}`);
  }

  skipWhitespace(): void {
    while (this.pos < this.text.length && ' \t\n\r'.includes(this.text[this.pos]!)) this.pos++;
  }

  value(depth: number): unknown {
    if (depth > MAX_DEPTH) this.fail(`nesting deeper than ${MAX_DEPTH}`);
    const char = this.text[this.pos];
    if (char === '{') return this.object(depth);
    if (char === '[') return this.array(depth);
    if (char === '"') return this.string();
    if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) return this.number();
    const literal = this.token(LITERAL);
    if (literal !== undefined) return literal === 'null' ? null : literal === 'true';
    return this.fail(char === undefined ? 'unexpected end of input' : `unexpected character ${JSON.stringify(char)}`);
  }

  private token(pattern: RegExp): string | undefined {
    pattern.lastIndex = this.pos;
    const match = pattern.exec(this.text);
    if (!match) return undefined;
    this.pos += match[0].length;
    return match[0];
  }

  private string(): string {
    const token = this.token(STRING);
    if (token === undefined) this.fail('malformed string');
    return JSON.parse(token) as string;
  }

  private number(): number {
    const start = this.pos;
    const token = this.token(NUMBER);
    if (token === undefined) this.fail('malformed number');
    const value = JSON.parse(token) as number;
    if (!Number.isFinite(value)) {
      this.pos = start;
      this.fail(`number ${token} is outside the range of a double`);
    }
    return value;
  }

  private array(depth: number): unknown[] {
    this.pos++;
    const items: unknown[] = [];
    this.skipWhitespace();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return items;
    }
    for (;;) {
      this.skipWhitespace();
      items.push(this.value(depth + 1));
      this.skipWhitespace();
      const char = this.text[this.pos++];
      if (char === ']') return items;
      if (char !== ',') {
        this.pos--;
        this.fail('expected "," or "]" in array');
      }
    }
  }

  private object(depth: number): Record<string, unknown> {
    this.pos++;
    const result: Record<string, unknown> = {};
    const seen = new Set<string>();
    this.skipWhitespace();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return result;
    }
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.pos] !== '"') this.fail('expected a string key');
      const keyAt = this.pos;
      const key = this.string();
      if (seen.has(key)) {
        this.pos = keyAt;
        this.fail(`duplicate key ${JSON.stringify(key)}`);
      }
      seen.add(key);
      this.skipWhitespace();
      if (this.text[this.pos++] !== ':') {
        this.pos--;
        this.fail('expected ":" after key');
      }
      this.skipWhitespace();
      // defineProperty keeps a "__proto__" key an ordinary own property, as JSON.parse does.
      Object.defineProperty(result, key, { value: this.value(depth + 1), enumerable: true, writable: true, configurable: true });
      this.skipWhitespace();
      const char = this.text[this.pos++];
      if (char === '}') return result;
      if (char !== ',') {
        this.pos--;
        this.fail('expected "," or "}" in object');
      }
    }
  }
}
