/**
 * Propose a fact: an entity, or a relationship between the two selected nodes, with a
 * source (an existing Document id, or a new one by title and URL) and an Admiralty grading.
 * It stays a proposal until a reviewer approves it (ReviewList).
 */
import { useState, type FormEvent } from 'react';
import { api } from '../api/client.ts';
import { useOfferedRelTypes } from '../session/viewer.ts';
import { NODE_LABELS } from '../shared-model.ts';
import { PROPOSE_CHANGE } from './operations.ts';
import { useT } from '../i18n/i18n.ts';
import { modelWord } from '../i18n/model-words.ts';

const RELIABILITY = ['A', 'B', 'C', 'D', 'E', 'F'];
const CREDIBILITY = ['1', '2', '3', '4', '5', '6'];

const slug = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
const suffix = () => Math.random().toString(36).slice(2, 8);

export function ProposeForm(props: {
  ends: readonly string[];
  onDone: (text: string) => void;
  onError: (e: unknown) => void;
}) {
  const relationship = props.ends.length === 2;
  const offeredTypes = useOfferedRelTypes();
  const [kind, setKind] = useState<string>(relationship ? 'ASSOCIATE_OF' : 'Person');
  const [name, setName] = useState('');
  const [source, setSource] = useState('');
  const [docTitle, setDocTitle] = useState('');
  const [docUrl, setDocUrl] = useState('');
  const [reliability, setReliability] = useState('B');
  const [credibility, setCredibility] = useState('2');
  const t = useT().investigations;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const newDoc = docTitle.trim()
      ? { id: `doc-${slug(docTitle)}-${suffix()}`, title: docTitle.trim(), url: docUrl.trim() }
      : undefined;
    const sources = [...(source.trim() ? [source.trim()] : []), ...(newDoc ? [newDoc.id] : [])];
    const [from, to] = props.ends;
    const change =
      relationship && from && to
        ? {
            op: 'createRelationship',
            type: kind,
            id: `rel-${slug(kind)}-${suffix()}`,
            source: from,
            target: to,
            properties: {},
          }
        : {
            op: 'createEntity',
            label: kind,
            id: `${slug(kind)}-${slug(name)}-${suffix()}`,
            properties: { name: name.trim() },
          };
    try {
      const { proposeChange } = await api.request(PROPOSE_CHANGE, {
        change,
        sources,
        grading: `${reliability}${credibility}`,
        ...(newDoc ? { documents: [newDoc] } : {}),
      });
      props.onDone(t.proposed(change.id, proposeChange.status));
    } catch (error) {
      props.onError(error);
    }
  };

  return (
    <form className="propose-form" onSubmit={(e) => void submit(e)} aria-label={t.propose}>
      <h4>{relationship ? t.proposeRelationship : t.proposeEntity}</h4>
      <select aria-label={relationship ? t.relType : t.label2} value={kind} onChange={(e) => setKind(e.target.value)}>
        {(relationship ? offeredTypes : NODE_LABELS).map((k) => (
          <option key={k} value={k}>
            {modelWord(k)}
          </option>
        ))}
      </select>
      {!relationship && (
        <input
          aria-label={t.entityName}
          placeholder={t.entityNamePlaceholder}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      )}
      <input
        aria-label={t.sourceId}
        placeholder={t.sourceIdPlaceholder}
        value={source}
        onChange={(e) => setSource(e.target.value)}
      />
      <input
        aria-label={t.newSourceTitle}
        placeholder={t.newSourceTitlePlaceholder}
        value={docTitle}
        onChange={(e) => setDocTitle(e.target.value)}
      />
      <input
        aria-label={t.newSourceUrl}
        placeholder={t.newSourceUrlPlaceholder}
        value={docUrl}
        onChange={(e) => setDocUrl(e.target.value)}
      />
      <label>
        {t.source}
        <select aria-label={t.reliability} value={reliability} onChange={(e) => setReliability(e.target.value)}>
          {RELIABILITY.map((r) => (
            <option key={r}>{r}</option>
          ))}
        </select>
      </label>
      <label>
        {t.information}
        <select aria-label={t.credibility} value={credibility} onChange={(e) => setCredibility(e.target.value)}>
          {CREDIBILITY.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={(!source.trim() && !docTitle.trim()) || (!relationship && !name.trim())}>
        {t.submitProposal}
      </button>
    </form>
  );
}
