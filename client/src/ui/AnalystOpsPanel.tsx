import { useState } from 'react';
import type { GraphDoc } from '../model-view/graph-doc.ts';
import { groupableMembers, isGroupId } from '../model-view/groups.ts';
import { useT } from '../i18n/i18n.ts';
import { EDGE_WIDTH_RULES, NODE_SIZE_RULES, type EdgeWidthRule, type NodeSizeRule } from '../model-view/style-rules.ts';
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
  const t = useT().analystOps;
  const [name, setName] = useState('');
  const members = groupableMembers(doc, props.selection);
  const groups = [...(doc.groups?.values() ?? [])];
  const selectedGroups = new Set(props.selection.filter(isGroupId));
  return (
    <section className="analyst-ops" aria-label={t.label}>
      <fieldset>
        <legend>{t.events}</legend>
        <label className="check">
          <input type="checkbox" checked={ops.collapse} onChange={(e) => ops.setCollapse(e.target.checked)} />
          {t.collapse}
        </label>
        <p className="muted">{t.collapseHint}</p>
      </fieldset>

      <fieldset>
        <legend>{t.groups}</legend>
        <label>
          {t.groupName}{' '}
          <input value={name} placeholder={t.groupPlaceholder} onChange={(e) => setName(e.target.value)} />
        </label>
        <button
          disabled={members.length < 2}
          onClick={() => {
            ops.group(members, name);
            setName('');
          }}
        >
          {t.groupSelected(members.length)}
        </button>
        {members.length < 2 && <p className="muted">{t.selectTwo}</p>}
        {groups.length > 0 && (
          <ul aria-label={t.groups}>
            {groups.map((group) => (
              <li key={group.id} className={selectedGroups.has(group.id) ? 'selected' : undefined}>
                {group.name} ({group.members.length}){' '}
                <button onClick={() => ops.ungroup(group.id)} aria-label={t.openGroup(group.name)}>
                  {t.open}
                </button>
              </li>
            ))}
          </ul>
        )}
      </fieldset>

      <fieldset>
        <legend>{t.styleRules}</legend>
        <label>
          {t.nodeSize}{' '}
          <select
            value={ops.rule.nodeSize}
            onChange={(e) => ops.setRule({ ...ops.rule, nodeSize: e.target.value as NodeSizeRule })}
          >
            {NODE_SIZE_RULES.map((rule) => (
              <option key={rule} value={rule}>
                {t.nodeSizeNames[rule]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.edgeThickness}{' '}
          <select
            value={ops.rule.edgeWidth}
            onChange={(e) => ops.setRule({ ...ops.rule, edgeWidth: e.target.value as EdgeWidthRule })}
          >
            {EDGE_WIDTH_RULES.map((rule) => (
              <option key={rule} value={rule}>
                {t.edgeWidthNames[rule]}
              </option>
            ))}
          </select>
        </label>
      </fieldset>

      <fieldset>
        <legend>{t.chart}</legend>
        <label>
          {t.chartTitle} <input value={ops.title} onChange={(e) => ops.setTitle(e.target.value)} />
        </label>
        <p className="muted">{t.chartHint}</p>
        <button onClick={props.onExportPng}>{t.exportPng}</button>{' '}
        <button onClick={props.onExportSvg}>{t.exportSvg}</button>
      </fieldset>
    </section>
  );
}
