import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { Visible } from '../model-view/filters.ts';
import type { GraphDoc } from '../model-view/graph-doc.ts';
import { dayToIso } from '../model-view/time.ts';
import { axisTicks, dayScale, packRows, relatedMarks, timelineItems } from '../model-view/timeline.ts';
import { useT } from '../i18n/i18n.ts';

const ROW_HEIGHT = 11;
const MAX_ROWS = 8;
const AXIS_HEIGHT = 16;
const PAD = 12;
/** Points are drawn this wide so they stay easy to hover and click. */
const POINT_WIDTH = 6;

/** Width of the strip in pixels, kept in step with the window so marks keep their shape. */
function useWidth(ref: RefObject<HTMLDivElement | null>): number {
  const [width, setWidth] = useState(800);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => entry && setWidth(Math.max(200, entry.contentRect.width)));
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

/**
 * Dated Events and relationships of the canvas on one time axis: a mark per item (a bar for since–until),
 * overlapping marks on separate rows. A click selects on the canvas; the canvas selection is outlined here.
 */
export function Timeline(props: {
  doc: GraphDoc;
  visible: Visible;
  selection: readonly string[];
  onSelect: (id: string) => void;
}) {
  const { doc, visible, selection, onSelect } = props;
  const box = useRef<HTMLDivElement>(null);
  const t = useT().time;
  const width = useWidth(box);
  const items = useMemo(() => timelineItems(doc, visible), [doc, visible]);
  const selected = useMemo(() => new Set(selection), [selection]);
  const related = useMemo(() => relatedMarks({ doc, visible, selection }), [doc, visible, selection]);

  const first = items.reduce((min, i) => Math.min(min, i.from), Number.POSITIVE_INFINITY);
  const last = items.reduce((max, i) => Math.max(max, i.to), Number.NEGATIVE_INFINITY);
  const x = dayScale({ from: first, to: last, left: PAD, right: width - PAD });
  const spans = items.map((i) => {
    const x1 = x(i.from);
    return { id: i.id, x1: x1 - (i.from === i.to ? POINT_WIDTH / 2 : 0), x2: Math.max(x(i.to), x1 + POINT_WIDTH / 2) };
  });
  const rows = packRows(spans, 2);
  if (items.length === 0) {
    return (
      <div className="timeline muted" ref={box}>
        {t.timelineEmpty}
      </div>
    );
  }

  const rowCount = Math.min(MAX_ROWS, Math.max(...rows.values()) + 1);
  const height = rowCount * ROW_HEIGHT + AXIS_HEIGHT;
  const ticks = axisTicks(first, last, width - 2 * PAD);

  return (
    <div className="timeline" ref={box}>
      <svg width={width} height={height} role="group" aria-label={t.timeline}>
        {ticks.map((day, k) => (
          <text
            key={day}
            x={x(day)}
            y={height - 3}
            textAnchor={k === 0 ? 'start' : k === ticks.length - 1 ? 'end' : 'middle'}
          >
            {dayToIso(day)}
          </text>
        ))}
        {items.map((item, k) => {
          const span = spans[k];
          if (!span) return null;
          const row = Math.min(MAX_ROWS - 1, rows.get(item.id) ?? 0);
          const state = selected.has(item.id) ? 'selected' : related.has(item.id) ? 'related' : '';
          const classes = ['mark', item.kind, state].join(' ');
          return (
            <rect
              key={item.id}
              data-testid="timeline-mark"
              data-id={item.id}
              className={classes}
              x={span.x1}
              width={Math.max(POINT_WIDTH, span.x2 - span.x1)}
              y={row * ROW_HEIGHT + 2}
              height={ROW_HEIGHT - 3}
              rx={item.from === item.to ? 2 : 1}
              role="button"
              tabIndex={0}
              aria-label={item.label}
              aria-pressed={selected.has(item.id)}
              onClick={() => onSelect(item.id)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') onSelect(item.id);
              }}
            >
              <title>{item.label}</title>
            </rect>
          );
        })}
      </svg>
    </div>
  );
}
