/**
 * Languages: the catalogues, the choice of a request's language (an explicit `?lang=`, then the `lang`
 * cookie, then Accept-Language, then French: the collective's own), and dates and amounts written the
 * way the reader's locale writes them (Intl, always in UTC so that a date is the same for everyone).
 */
import { en, type MessageKey, type Messages } from './en.js';
import { fr } from './fr.js';

export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'fr';
export const CATALOGUES: Readonly<Record<Locale, Messages>> = { fr, en };
/** The BCP 47 tag Intl formats with. */
const TAGS: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB' };

export type { MessageKey, Messages };

export const isLocale = (v: unknown): v is Locale =>
  typeof v === 'string' && (LOCALES as readonly string[]).includes(v);

/** The language of a request: `explicit` (query), then `cookie`, then the best of Accept-Language (`negotiated`). */
export function chooseLocale(
  explicit: unknown,
  cookie: unknown,
  negotiated: string | false | undefined,
): Locale {
  if (isLocale(explicit)) return explicit;
  if (isLocale(cookie)) return cookie;
  return isLocale(negotiated) ? negotiated : DEFAULT_LOCALE;
}

export type Translate = (key: MessageKey, params?: Readonly<Record<string, string | number>>) => string;

/** `t(key, params)`: the message in `locale` with `{name}` filled in (numbers in the locale's digits). */
export function translator(locale: Locale): Translate {
  const messages = CATALOGUES[locale];
  const num = new Intl.NumberFormat(TAGS[locale]);
  return (key, params) => {
    const text = messages[key];
    if (params === undefined) return text;
    return text.replace(/\{(\w+)\}/g, (m, name: string) => {
      const v = params[name];
      return v === undefined ? m : typeof v === 'number' ? num.format(v) : v;
    });
  };
}

export interface Formats {
  date(iso: string | null): string;
  dateTime(iso: string | null): string;
  number(n: number): string;
  /** Integer minor units as money, e.g. 123456 cents -> "1 234,56 €" (fr) or "€1,234.56" (en). */
  money(cents: number, currency?: string): string;
  month(yyyyMm: string): string;
}

export function formats(locale: Locale): Formats {
  const tag = TAGS[locale];
  const date = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone: 'UTC' });
  const dateTime = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
  const month = new Intl.DateTimeFormat(tag, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const number = new Intl.NumberFormat(tag);
  const money = new Map<string, Intl.NumberFormat>();
  return {
    date: (iso) => (iso === null ? '—' : date.format(new Date(iso))),
    dateTime: (iso) => (iso === null ? '—' : `${dateTime.format(new Date(iso))} UTC`),
    number: (n) => number.format(n),
    money: (cents, currency = 'EUR') => {
      let f = money.get(currency);
      if (f === undefined)
        money.set(currency, (f = new Intl.NumberFormat(tag, { style: 'currency', currency })));
      return f.format(cents / 100);
    },
    month: (m) => month.format(new Date(`${m}-01T00:00:00Z`)),
  };
}
