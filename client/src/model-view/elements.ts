import { gradingClasses, gradingOf } from '../investigations/grading.ts';
import type { Entity, Relationship } from '../api/types.ts';
import { ALLEGED_STATUSES } from '../shared-model.ts';
import { messages } from '../i18n/current.ts';
import { typeName } from '../i18n/model-words.ts';

/** Plain element definitions: the canvas hands them to Cytoscape as they are. */
export interface NodeElement {
  readonly group: 'nodes';
  readonly data: { readonly id: string; readonly label: string; readonly caption: string };
  readonly classes: string;
}

export interface EdgeElement {
  readonly group: 'edges';
  readonly data: {
    readonly id: string;
    readonly source: string;
    readonly target: string;
    readonly type: string;
    readonly caption: string;
  };
  readonly classes: string;
}

const alleged: ReadonlySet<string> = new Set(ALLEGED_STATUSES);

/** An accusation (suspect, indicted) is not a conviction: it is drawn and captioned as an allegation. */
export function allegedStatus(rel: Relationship): string | undefined {
  const status = rel.properties['status'];
  return rel.type === 'SUBJECT_OF' && typeof status === 'string' && alleged.has(status) ? status : undefined;
}

export function nodeElement(node: Entity, options: { omitted?: number; pinned?: boolean } = {}): NodeElement {
  const more = options.omitted && options.omitted > 0 ? `\n+${options.omitted} more` : '';
  const classes = [`label-${node.label}`, options.pinned ? 'pinned' : '', more ? 'has-more' : ''];
  return {
    group: 'nodes',
    data: { id: node.id, label: node.label, caption: `${node.name}${more}` },
    classes: classes.filter(Boolean).join(' '),
  };
}

const captionWithGrading = (caption: string, rel: Relationship): string => {
  const grading = gradingOf(rel.properties);
  return grading ? `${caption} [${grading}]` : caption;
};

export function edgeElement(rel: Relationship): EdgeElement {
  const status = allegedStatus(rel);
  const plainStatus = typeof rel.properties['status'] === 'string' ? ` · ${String(rel.properties['status'])}` : '';
  const type = typeName(rel.type);
  const caption = status ? `${type} · ${messages().canvas.alleged(status)}` : `${type}${plainStatus}`;
  return {
    group: 'edges',
    data: {
      id: rel.id,
      source: rel.source,
      target: rel.target,
      type: rel.type,
      caption: captionWithGrading(caption, rel),
    },
    classes: [`type-${rel.type}`, status ? 'alleged' : '', ...gradingClasses(rel.properties)].filter(Boolean).join(' '),
  };
}
