import { useState } from 'react';
import type { GraphDoc } from '../model-view/graph-doc.ts';
import { groupableMembers, isGroupId } from '../model-view/groups.ts';
import {
  EDGE_WIDTH_NAMES,
  EDGE_WIDTH_RULES,
  NODE_SIZE_NAMES,
  NODE_SIZE_RULES,
  type EdgeWidthRule,
  type NodeSizeRule,
} from '../model-view/style-rules.ts';
import type { AnalystOps } from './use-analyst-ops.ts';

/** The "View" tab: collapse Events, group the selection, style by property, title and export the chart. */
export function AnalystOpsPanel(props: {
  doc: GraphDoc;
  selection: readonly string[];
  ops: AnalystOps;
  onExportPng: () => void;
  onExportSvg: () => void;
}) {
  const { doc, ops } = props;
  const [name, setName] = useState('');
  const members = groupableMembers(doc, props.selection);
  const groups = [...(doc.groups?.values() ?? [])];
  const selectedGroups = new Set(props.selection.filter(isGroupId));
  return (
    <section className="analyst-ops" aria-label="View operations">
      <fieldset>
        <legend>Events</legend>
        <label className="check">
          <input type="checkbox" checked={ops.collapse} onChange={(e) => ops.setCollapse(e.target.checked)} />
          Collapse events into direct links
        </label>
        <p className="muted">
          People linked through an Event get one dashed link labelled with it; the Events are not drawn. Only
          relationships already on the canvas are combined.
        </p>
      </fieldset>

      <fieldset>
        <legend>Groups</legend>
        <label>
          Group name <input value={name} placeholder="e.g. Djeha clan" onChange={(e) => setName(e.target.value)} />
        </label>
        <button
          disabled={members.length < 2}
          onClick={() => {
            ops.group(members, name);
            setName('');
          }}
        >
          Group {members.length} selected
        </button>
        {members.length < 2 && <p className="muted">Select two or more nodes to group them.</p>}
        {groups.length > 0 && (
          <ul aria-label="Groups">
            {groups.map((group) => (
              <li key={group.id} className={selectedGroups.has(group.id) ? 'selected' : undefined}>
                {group.name} ({group.members.length}){' '}
                <button onClick={() => ops.ungroup(group.id)} aria-label={`Open group ${group.name}`}>
                  Open
                </button>
              </li>
            ))}
          </ul>
        )}
      </fieldset>

      <fieldset>
        <legend>Style rules</legend>
        <label>
          Node size{' '}
          <select
            value={ops.rule.nodeSize}
            onChange={(e) => ops.setRule({ ...ops.rule, nodeSize: e.target.value as NodeSizeRule })}
          >
            {NODE_SIZE_RULES.map((rule) => (
              <option key={rule} value={rule}>
                {NODE_SIZE_NAMES[rule]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Edge thickness{' '}
          <select
            value={ops.rule.edgeWidth}
            onChange={(e) => ops.setRule({ ...ops.rule, edgeWidth: e.target.value as EdgeWidthRule })}
          >
            {EDGE_WIDTH_RULES.map((rule) => (
              <option key={rule} value={rule}>
                {EDGE_WIDTH_NAMES[rule]}
              </option>
            ))}
          </select>
        </label>
      </fieldset>

      <fieldset>
        <legend>Chart</legend>
        <label>
          Chart title <input value={ops.title} onChange={(e) => ops.setTitle(e.target.value)} />
        </label>
        <p className="muted">Used by both exports, with the purpose, the date and the legend.</p>
        <button onClick={props.onExportPng}>Export chart as PNG</button>{' '}
        <button onClick={props.onExportSvg}>Export SVG</button>
      </fieldset>
    </section>
  );
}
