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

  const open = investigation.open;
  return (
    <section className="case-panel" aria-label="Investigations">
      {open ? (
        <OpenCase investigation={investigation} onError={onError} onShared={() => void refresh()} />
      ) : (
        <>
          <h3>Investigations</h3>
          {list.length === 0 && <p className="muted">None yet: create one to save your view on the server.</p>}
          <ul className="case-list">
            {list.map((i) => (
              <li key={i.id}>
                {i.name === null ? (
                  <span className="muted">
                    {i.id} (members: {i.members.map((m) => m.username).join(', ')})
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
      <h3>Told to you</h3>
      {told.deconflictions.length + told.mentions.length === 0 && <p className="muted">Nothing.</p>}
      <ul className="case-notices" aria-label="Deconfliction notices">
        {[...told.mentions, ...told.deconflictions].map((n, index) => (
          <li key={`${n.at}-${index}`}>
            <span className="muted">{n.at.slice(0, 16).replace('T', ' ')}</span> {n.reason}
          </li>
        ))}
      </ul>
      <button className="secondary" onClick={() => void refresh()}>
        Refresh
      </button>
    </section>
  );
}

function CreateForm(props: { onCreated: (id: string) => void; onError: (error: unknown) => void }) {
  const [name, setName] = useState('');
  const [caseNumber, setCaseNumber] = useState('');
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
    <form className="case-form" onSubmit={(e) => void submit(e)} aria-label="New investigation">
      <input
        placeholder="Name"
        aria-label="Investigation name"
        value={name}
        onChange={(e) => setName(e.target.value)}
      />
      <input
        placeholder="Case number"
        aria-label="Case number"
        value={caseNumber}
        onChange={(e) => setCaseNumber(e.target.value)}
      />
      <button type="submit" disabled={!name.trim() || !caseNumber.trim()}>
        Create investigation
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
          ? 'Read only'
          : { saved: 'Saved', saving: 'Saving…', failed: 'Not saved' }[investigation.saveState]}
      </p>
      <ul className="case-members" aria-label="Members">
        {open.members.map((m) => (
          <li key={m.username}>
            {m.username} <span className="muted">{m.access}</span>
          </li>
        ))}
      </ul>
      {open.access === 'OWNER' && (
        <form className="case-form" onSubmit={(e) => void share(e)} aria-label="Share">
          <input
            placeholder="Username"
            aria-label="Share with"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
          <select aria-label="Access" value={access} onChange={(e) => setAccess(e.target.value as Access)}>
            <option value="READER">Reader</option>
            <option value="EDITOR">Editor</option>
            <option value="OWNER">Owner</option>
          </select>
          <button type="submit" disabled={!username.trim()}>
            Share
          </button>
        </form>
      )}
      <BriefingButtons briefing={investigation.briefing} onError={props.onError} />
      <button className="secondary" onClick={investigation.close}>
        Close investigation
      </button>
    </div>
  );
}
