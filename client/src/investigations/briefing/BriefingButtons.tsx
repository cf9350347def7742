/** The Case tab's briefing buttons: the open view as an HTML file, or printed (to PDF) by the browser. */
import { useState } from 'react';
import { download, timestamp } from '../../ui/download.ts';
import type { Briefing } from './briefing.ts';
import { briefingHtml } from './briefing-html.ts';
import { useT } from '../../i18n/i18n.ts';

type Making = 'idle' | 'html' | 'pdf';

export function BriefingButtons(props: { briefing: () => Promise<Briefing>; onError: (error: unknown) => void }) {
  const [making, setMaking] = useState<Making>('idle');
  const t = useT().investigations;

  const saveHtml = async () => {
    setMaking('html');
    try {
      const briefing = await props.briefing();
      download(new Blob([briefingHtml(briefing)], { type: 'text/html' }), fileName(briefing));
    } catch (error) {
      props.onError(error);
    } finally {
      setMaking('idle');
    }
  };

  const print = async () => {
    // Opened at once, inside the click: a window opened after the reads would count as a pop-up.
    const target = window.open('', '_blank');
    if (!target) {
      props.onError(new Error(t.popupBlocked));
      return;
    }
    target.document.title = t.preparingBriefing;
    setMaking('pdf');
    try {
      const html = briefingHtml(await props.briefing());
      target.document.open();
      target.document.write(html);
      target.document.close();
      // The chart must be decoded before printing, or the page prints without it.
      await Promise.all(Array.from(target.document.images, (image) => image.decode().catch(() => undefined)));
      target.focus();
      target.print();
    } catch (error) {
      target.close();
      props.onError(error);
    } finally {
      setMaking('idle');
    }
  };

  return (
    <div className="briefing-buttons" role="group" aria-label={t.briefing}>
      <button className="secondary" disabled={making !== 'idle'} onClick={() => void saveHtml()}>
        {making === 'html' ? t.preparing : t.briefingHtml}
      </button>
      <button className="secondary" disabled={making !== 'idle'} onClick={() => void print()}>
        {making === 'pdf' ? t.preparing : t.briefingPdf}
      </button>
    </div>
  );
}

/** "briefing-OP-MIMOSA-2026-2026-12-03-07-40.html": the case number, kept to safe file-name characters. */
function fileName(briefing: Briefing): string {
  const caseNumber = briefing.caseNumber.replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 60);
  return `briefing-${caseNumber || 'view'}-${timestamp()}.html`;
}
