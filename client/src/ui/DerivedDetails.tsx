import type { Relationship } from '../api/types.ts';
import { messages } from '../i18n/current.ts';
import type { GraphDoc } from '../model-view/graph-doc.ts';
import { findDerived, type ViewProjection } from '../model-view/view-projection.ts';

const nameOf = (doc: GraphDoc, id: string): string => doc.nodes.get(id)?.name ?? id;

function RelationshipLine(props: { doc: GraphDoc; rel: Relationship }) {
  const { doc, rel } = props;
  const role = typeof rel.properties['role'] === 'string' ? ` (${rel.properties['role']})` : '';
  return (
    <li>
      {nameOf(doc, rel.source)} — {rel.type}
      {role} → {nameOf(doc, rel.target)}
    </li>
  );
}

/**
 * Details of a group node or a derived link: what it stands for in the workspace. Returns
 * undefined for anything else, so the usual details show.
 */
export function derivedDetails(input: {
  doc: GraphDoc;
  projection: ViewProjection;
  selection: readonly string[];
  onOpenGroup: (id: string) => void;
}) {
  const { doc } = input;
  const t = messages().derived;
  const focused = input.selection[input.selection.length - 1];
  const found = focused ? findDerived(input.projection, focused) : undefined;
  if (!found) return undefined;
  if (found.kind === 'group') {
    const { group } = found.node;
    return (
      <section className="details" aria-label={t.group(group.name)}>
        <h2>{group.name}</h2>
        <p className="muted">{t.groupOf(group.members.length)}</p>
        <h3>{t.members}</h3>
        <ul>
          {group.members.map((id) => (
            <li key={id}>{nameOf(doc, id)}</li>
          ))}
        </ul>
        <button onClick={() => input.onOpenGroup(group.id)}>{t.openGroup}</button>
      </section>
    );
  }
  const { edge } = found;
  return (
    <section className="details" aria-label={edge.event ? t.linkedThrough(edge.event.name) : t.rerouted}>
      <h2>{edge.event ? t.throughEvent(edge.event.name) : edge.caption}</h2>
      <p className="muted">{edge.event ? t.collapsedExplain : t.reroutedExplain}</p>
      <ul aria-label={t.original}>
        {edge.relationships.map((rel) => (
          <RelationshipLine key={rel.id} doc={doc} rel={rel} />
        ))}
      </ul>
    </section>
  );
}
