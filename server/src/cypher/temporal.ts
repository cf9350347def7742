/**
 * date('…'), datetime('…') and localdatetime('…') as Neo4j 5 reads them, for the model that
 * keeps dates as ISO strings: a value Neo4j refuses is refused here (February 30, hour 25,
 * second 60, an offset past ±18:00), and a value it accepts is stored as the string Neo4j's
 * toString() gives for it: `datetime('2024-03-22')` is '2024-03-22T00:00:00Z' (measured on
 * Neo4j 5.26), `date(datetime('2024-03-22T06:00:00Z'))` is '2024-03-22'. Only the ISO forms
 * the model documents are read; Neo4j's week and ordinal forms are refused with the reason.
 */

export type TemporalFunction = 'date' | 'datetime' | 'localdatetime';

interface Parsed {
  readonly date: string;
  /** HH:MM:SS plus a fraction without trailing zeros; absent for a bare date. */
  readonly time?: string;
  /** 'Z' or ±HH:MM; absent when none was written. */
  readonly offset?: string;
}

export type TemporalResult = { readonly value: string } | { readonly error: string };

const FORM =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2})(?::(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

const isLeap = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const MONTHS = 'January February March April May June July August September October November December'.split(' ');

/** The ISO text read as Neo4j reads it, or what Neo4j would say is wrong with it. */
function parse(text: string): Parsed | string {
  const m = FORM.exec(text);
  if (m === null) return `'${text}' is not an ISO date such as '2024-03-22' or '2024-03-22T06:00:00Z'`;
  const [, y, mo, d, hh, mm, ss, fraction, offset] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12) return `'${text}' has no month ${month} (months are 01 to 12)`;
  const days = month === 2 && isLeap(year) ? 29 : (DAYS[month - 1] ?? 31);
  if (day < 1 || day > days) {
    const leap = month === 2 && day === 29 ? ` (${year} is not a leap year)` : '';
    return `'${text}' is not a date: ${MONTHS[month - 1]} has no day ${day}${leap}`;
  }
  const date = `${y}-${mo}-${d}`;
  if (hh === undefined) return { date };
  if (Number(hh) > 23) return `'${text}' has hour ${hh} (hours are 00 to 23)`;
  if (Number(mm ?? 0) > 59) return `'${text}' has minute ${mm} (minutes are 00 to 59)`;
  if (Number(ss ?? 0) > 59) return `'${text}' has second ${ss} (seconds are 00 to 59)`;
  const trimmed = (fraction ?? '').replace(/0+$/, '');
  const time = `${hh}:${mm ?? '00'}:${ss ?? '00'}${trimmed === '' ? '' : `.${trimmed}`}`;
  if (offset === undefined) return { date, time };
  if (offset === 'Z') return { date, time, offset };
  const oh = Number(offset.slice(1, 3));
  const om = offset.length > 3 ? Number(offset.slice(-2)) : 0;
  if (oh > 18 || (oh === 18 && om > 0)) return `'${text}' has offset ${offset} (offsets are -18:00 to +18:00)`;
  if (om > 59) return `'${text}' has offset ${offset} (offset minutes are 00 to 59)`;
  const canonical = `${offset[0]}${offset.slice(1, 3)}:${String(om).padStart(2, '0')}`;
  return { date, time, offset: oh === 0 && om === 0 ? 'Z' : canonical };
}

/** `fn('text')`: the ISO string Neo4j's toString() gives for the value, or why Neo4j refuses it. */
export function temporalOf(fn: TemporalFunction, text: string): TemporalResult {
  const parsed = parse(text);
  if (typeof parsed === 'string') return { error: `${fn}(): ${parsed}` };
  return convert(fn, parsed, text);
}

/** `outer(inner('text'))`: date(datetime('…')) is the datetime's own date, and so on. */
export function nestedTemporalOf(outer: TemporalFunction, inner: TemporalFunction, text: string): TemporalResult {
  const parsed = parse(text);
  if (typeof parsed === 'string') return { error: `${inner}(): ${parsed}` };
  const innerValue = convert(inner, parsed, text);
  if ('error' in innerValue) return innerValue;
  if (inner === 'date' && outer !== 'date') {
    return { error: `${outer}(${inner}(…)): Neo4j cannot select a ${outer} from a date (it has no time)` };
  }
  const value = parse(innerValue.value);
  if (typeof value === 'string') return { error: value };
  // date(datetime(x)) is x's own date, localdatetime(datetime(x)) drops the offset,
  // datetime(localdatetime(x)) puts it in UTC (Neo4j's default time zone).
  if (outer === 'date') return { value: value.date };
  const dropped = outer === 'localdatetime' ? { date: value.date, time: value.time ?? '00:00:00' } : value;
  return convert(outer, dropped, innerValue.value);
}

function convert(fn: TemporalFunction, parsed: Parsed, text: string): TemporalResult {
  const time = parsed.time ?? '00:00:00';
  switch (fn) {
    case 'date':
      if (parsed.time !== undefined) {
        return { error: `date(): '${text}' has a time; Neo4j reads only a date here, e.g. date('2024-03-22')` };
      }
      return { value: parsed.date };
    case 'localdatetime':
      if (parsed.offset !== undefined) {
        return { error: `localdatetime(): '${text}' has an offset; a local date-time has none` };
      }
      return { value: `${parsed.date}T${time}` };
    case 'datetime':
      // Neo4j's default time zone is UTC: a datetime written without an offset is in UTC.
      return { value: `${parsed.date}T${time}${parsed.offset ?? 'Z'}` };
  }
}

/** Whether a plain string is a real ISO date or date-time (what a date property of the model holds). */
export function isIsoDateString(text: string): boolean {
  return typeof parse(text) !== 'string';
}
