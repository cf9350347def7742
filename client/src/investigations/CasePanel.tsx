/** The Case tab: list, create, open and share investigations; what deconfliction told the user. */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api } from '../api/client.ts';
import {
  CREATE_INVESTIGATION,
  DECONFLICTIONS,
  INVESTIGATIONS,
  SHARE_INVESTIGATION,
  type Access,
  type InvestigationSummary,
  type Told,
} from './operations.ts';
import type { InvestigationHandle } from './use-investigation.ts';
import { BriefingButtons } from './briefing/BriefingButtons.tsx';
import { useI18n, useT } from '../i18n/i18n.ts';

export function CasePanel(props: { investigation: InvestigationHandle; onError: (error: unknown) => void }) {
  const { investigation, onError } = props;
  const [list, setList] = useState<readonly InvestigationSummary[]>([]);
  const [told, setTold] = useState<{ readonly deconflictions: readonly Told[]; readonly mentions: readonly Told[] }>({
    deconflictions: [],
    mentions: [],
  });

  const refresh = useCallback(async () => {
    try {
      const [{ investigations }, notices] = await Promise.all([
        api.request(INVESTIGATIONS, {}),
        api.request(DECONFLICTIONS, {}),
      ]);
      setList(investigations);
      setTold(notices);
    } catch (error) {
      onError(error);
    }
  }, [onError]);
  useEffect(() => void refresh(), [refresh]);
  const i18n = useI18n();
  const { investigations: t, common } = i18n.t;

  const open = investigation.open;
  return (
    <section className="case-panel" aria-label={t.label}>
      {open ? (
        <OpenCase investigation={investigation} onError={onError} onShared={() => void refresh()} />
      ) : (
        <>
          <h3>{t.title}</h3>
          {list.length === 0 && <p className="muted">{t.noneYet}</p>}
          <ul className="case-list">
            {list.map((i) => (
              <li key={i.id}>
                {i.name === null ? (
                  <span className="muted">
                    {i.id} {t.members(i.members.map((m) => m.username).join(', '))}
                  </span>
                ) : (
                  <button className="link" onClick={() => void investigation.openInvestigation(i.id)}>
                    {i.name} <span className="muted">{i.caseNumber}</span>
                  </button>
                )}
              </li>
            ))}
          </ul>
          <CreateForm
            onCreated={(id) => void refresh().then(() => investigation.openInvestigation(id))}
            onError={onError}
          />
        </>
      )}
      <h3>{t.toldToYou}</h3>
      {told.deconflictions.length + told.mentions.length === 0 && <p className="muted">{common.nothing}</p>}
      <ul className="case-notices" aria-label={t.notices}>
        {[...told.mentions, ...told.deconflictions].map((n, index) => (
          <li key={`${n.at}-${index}`}>
            <span className="muted">{i18n.dateTime(n.at)}</span> {n.reason}
          </li>
        ))}
      </ul>
      <button className="secondary" onClick={() => void refresh()}>
        {common.refresh}
      </button>
    </section>
  );
}

function CreateForm(props: { onCreated: (id: string) => void; onError: (error: unknown) => void }) {
  const [name, setName] = useState('');
  const [caseNumber, setCaseNumber] = useState('');
  const { investigations: t, common } = useT();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const { createInvestigation } = await api.request(CREATE_INVESTIGATION, { name, caseNumber });
      setName('');
      setCaseNumber('');
      props.onCreated(createInvestigation.id);
    } catch (error) {
      props.onError(error);
    }
  };
  return (
    <form className="case-form" onSubmit={(e) => void submit(e)} aria-label={t.newLabel}>
      <input
        placeholder={common.name}
        aria-label={t.nameLabel}
        value={name}
        onChange={(e) => setName(e.target.value)}
      />
      <input
        placeholder={t.caseNumber}
        aria-label={t.caseNumber}
        value={caseNumber}
        onChange={(e) => setCaseNumber(e.target.value)}
      />
      <button type="submit" disabled={!name.trim() || !caseNumber.trim()}>
        {t.create}
      </button>
    </form>
  );
}

function OpenCase(props: {
  investigation: InvestigationHandle;
  onError: (error: unknown) => void;
  onShared: () => void;
}) {
  const { investigation } = props;
  const open = investigation.open;
  const [username, setUsername] = useState('');
  const [access, setAccess] = useState<Access>('EDITOR');
  const { investigations: t, common } = useT();
  if (!open) return null;
  const share = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await api.request(SHARE_INVESTIGATION, { id: open.id, username, access });
      setUsername('');
      await investigation.refresh();
      props.onShared();
    } catch (error) {
      props.onError(error);
    }
  };
  return (
    <div className="open-case">
      <h3>
        {open.name} <span className="muted">{open.caseNumber}</span>
      </h3>
      <p className="muted" data-testid="save-state">
        {open.access === 'READER'
          ? t.readOnly
          : { saved: t.saved, saving: t.saving, failed: t.notSaved }[investigation.saveState]}
      </p>
      <ul className="case-members" aria-label={t.membersLabel}>
        {open.members.map((m) => (
          <li key={m.username}>
            {m.username} <span className="muted">{t.access[m.access] ?? m.access}</span>
          </li>
        ))}
      </ul>
      {open.access === 'OWNER' && (
        <form className="case-form" onSubmit={(e) => void share(e)} aria-label={t.share}>
          <input
            placeholder={common.username}
            aria-label={t.shareWith}
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
          <select aria-label={t.accessLabel} value={access} onChange={(e) => setAccess(e.target.value as Access)}>
            <option value="READER">{t.reader}</option>
            <option value="EDITOR">{t.editor}</option>
            <option value="OWNER">{t.owner}</option>
          </select>
          <button type="submit" disabled={!username.trim()}>
            {t.share}
          </button>
        </form>
      )}
      <BriefingButtons briefing={investigation.briefing} onError={props.onError} />
      <button className="secondary" onClick={investigation.close}>
        {t.close}
      </button>
    </div>
  );
}
