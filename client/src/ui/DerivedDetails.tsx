import type { Relationship } from '../api/types.ts';
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
  const focused = input.selection[input.selection.length - 1];
  const found = focused ? findDerived(input.projection, focused) : undefined;
  if (!found) return undefined;
  if (found.kind === 'group') {
    const { group } = found.node;
    return (
      <section className="details" aria-label={`Group ${group.name}`}>
        <h2>{group.name}</h2>
        <p className="muted">A group of {group.members.length} nodes; its links are its members' links.</p>
        <h3>Members</h3>
        <ul>
          {group.members.map((id) => (
            <li key={id}>{nameOf(doc, id)}</li>
          ))}
        </ul>
        <button onClick={() => input.onOpenGroup(group.id)}>Open group</button>
      </section>
    );
  }
  const { edge } = found;
  return (
    <section className="details" aria-label={edge.event ? `Linked through ${edge.event.name}` : 'Re-routed link'}>
      <h2>{edge.event ? `Through the event: ${edge.event.name}` : edge.caption}</h2>
      <p className="muted">
        {edge.event
          ? 'Not a relationship in the data: the Event is collapsed into this link. It stands for:'
          : 'Drawn to a group in place of its member. It stands for:'}
      </p>
      <ul aria-label="Original relationships">
        {edge.relationships.map((rel) => (
          <RelationshipLine key={rel.id} doc={doc} rel={rel} />
        ))}
      </ul>
    </section>
  );
}
