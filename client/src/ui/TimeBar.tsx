import { useMemo } from 'react';
import type { Filters } from '../model-view/filters.ts';
import type { GraphDoc } from '../model-view/graph-doc.ts';
import { binsToInterval, datesInView, dayToIso, histogram } from '../model-view/time.ts';
import { useT } from '../i18n/i18n.ts';

/** A histogram of dated relationships and events with a from/to range that filters the view. */
export function TimeBar(props: { doc: GraphDoc; filters: Filters; onChange: (filters: Filters) => void }) {
  const { doc, filters, onChange } = props;
  const t = useT().time;
  const h = useMemo(() => histogram(datesInView(doc.nodes.values(), doc.relationships.values())), [doc]);
  if (!h) return <div className="timebar muted">{t.empty}</div>;

  const last = h.counts.length - 1;
  const binOf = (day: number) => Math.max(0, Math.min(last, Math.floor((day - h.start) / h.binDays)));
  const fromBin = filters.time ? binOf(filters.time.from) : 0;
  const toBin = filters.time ? binOf(filters.time.to) : last;
  const max = Math.max(...h.counts);
  const window = binsToInterval(h, fromBin, toBin);

  const set = (from: number, to: number) => {
    const [a, b] = from <= to ? [from, to] : [to, from];
    onChange({ ...filters, ...(a === 0 && b === last ? { time: undefined } : { time: binsToInterval(h, a, b) }) });
  };

  return (
    <div className="timebar" aria-label={t.label}>
      <svg className="histogram" viewBox={`0 0 ${h.counts.length} 20`} preserveAspectRatio="none" aria-hidden="true">
        {h.counts.map((count, i) => (
          <rect
            key={i}
            x={i + 0.1}
            width={0.8}
            y={20 - (count / max) * 20}
            height={(count / max) * 20}
            className={i >= fromBin && i <= toBin ? 'in' : 'out'}
          />
        ))}
      </svg>
      <div className="time-controls">
        <input
          type="range"
          aria-label={t.from}
          min={0}
          max={last}
          value={fromBin}
          onChange={(e) => set(Number(e.target.value), toBin)}
        />
        <input
          type="range"
          aria-label={t.until}
          min={0}
          max={last}
          value={toBin}
          onChange={(e) => set(fromBin, Number(e.target.value))}
        />
        <span data-testid="time-window">{t.window(dayToIso(window.from), dayToIso(window.to))}</span>
        <label className="check">
          <input
            type="checkbox"
            checked={filters.keepUndated}
            onChange={(e) => onChange({ ...filters, keepUndated: e.target.checked })}
          />
          {t.keepUndated}
        </label>
        {filters.time && (
          <button className="secondary small" onClick={() => onChange({ ...filters, time: undefined })}>
            {t.allTime}
          </button>
        )}
      </div>
    </div>
  );
}
