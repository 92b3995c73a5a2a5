import type { Money } from '../generated/graphql.js';

/**
 * Money as the API answers it: an exact decimal string and an ISO 4217 code. Leaseweb sends
 * amounts as JSON numbers (invoices, services) or decimal strings (Public Cloud prices);
 * either becomes plain decimal notation (`49`, `12.5`, `0.0336`), never a float result of
 * arithmetic: sums and differences are worked out on integers scaled to the longest
 * fraction (a bigint), so `0.1 + 0.2` is `0.3`.
 */

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/** A JSON number or decimal string in plain decimal notation (no exponent, no trailing zeros). */
export function decimal(value: number | string): string {
  const text = typeof value === 'number' ? numberText(value) : value.trim();
  const parsed = parse(text);
  if (!parsed) throw new Error(`Not a decimal amount: ${JSON.stringify(value)}`);
  return format(parsed.units, parsed.scale);
}

/** The exact sum of decimal amounts. */
export function sumDecimals(values: readonly (number | string)[]): string {
  const parsed = values.map((v) => parse(decimal(v))!);
  const scale = Math.max(0, ...parsed.map((p) => p.scale));
  const units = parsed.reduce((sum, p) => sum + p.units * 10n ** BigInt(scale - p.scale), 0n);
  return format(units, scale);
}

/** `a - b`, exactly. */
export function subtractDecimals(a: number | string, b: number | string): string {
  const negated = decimal(b);
  return sumDecimals([a, negated.startsWith('-') ? negated.slice(1) : `-${negated}`]);
}

/** A `Money` of an amount Leaseweb sent and its currency. */
export function money(amount: number | string, currency: string): Money {
  return { amount: decimal(amount), currency };
}

/** A JS number's shortest round-trip text, which is the decimal Leaseweb wrote in its JSON. */
function numberText(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`Not a decimal amount: ${value}`);
  const text = String(value);
  if (!/e/i.test(text)) return text;
  // 1e-7 or 1e21: spell it out from the mantissa and the exponent.
  const [mantissa, exp] = text.toLowerCase().split('e') as [string, string];
  const negative = mantissa.startsWith('-');
  const [int, frac = ''] = mantissa.replace('-', '').split('.') as [string, string?];
  const shift = Number(exp);
  const digits = int + frac;
  const point = int.length + shift;
  const body =
    point <= 0
      ? `0.${'0'.repeat(-point)}${digits}`
      : point >= digits.length
        ? digits + '0'.repeat(point - digits.length)
        : `${digits.slice(0, point)}.${digits.slice(point)}`;
  return (negative ? '-' : '') + body;
}

function parse(text: string): { units: bigint; scale: number } | undefined {
  const m = DECIMAL.exec(text);
  if (!m) return undefined;
  const fraction = m[3] ?? '';
  const units = BigInt(m[2]! + fraction);
  return { units: m[1] ? -units : units, scale: fraction.length };
}

function format(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const int = digits.slice(0, digits.length - scale).replace(/^0+(?=\d)/, '');
  const frac = digits.slice(digits.length - scale).replace(/0+$/, '');
  const body = frac ? `${int}.${frac}` : int;
  return negative && body !== '0' ? `-${body}` : body;
}
