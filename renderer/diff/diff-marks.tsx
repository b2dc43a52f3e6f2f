/**
 * The refresh highlight on the canvas: every node type wrapped so that an
 * added node gets a green outline, a changed one amber, each with the diff's
 * summary as a badge and tooltip, and a parent of removed objects a
 * "−N gone" badge. The node components themselves stay unaware of diffs.
 */
import { memo, type ComponentProps } from 'react';
import type { NodeTypes } from '@xyflow/react';
import { NODE_TYPES } from '../nodes';
import { useDiagramStore } from '../store/diagram-store';

type NodeComponent = NodeTypes[string];

/** The outline and badges of one node, or nothing when the last refresh did not touch it. */
export function DiffMark({ id }: { id: string }) {
  const change = useDiagramStore((s) => s.diff?.byId[id]);
  const gone = useDiagramStore((s) => s.diff?.removedByParent[id]);
  // A removed object is not in the new diagram; its parent carries it.
  const mark = change && change.change !== 'removed' ? change : undefined;
  if (!mark && !gone?.length) return null;
  return (
    <div
      className={`diff-mark${mark ? ` diff-${mark.change}` : ''}`}
      data-testid="diff-mark"
      data-diff={mark?.change ?? 'parent'}
      data-diff-for={id}
    >
      <div className="diff-badges">
        {mark && (
          <span className={`diff-badge diff-badge-${mark.change}`} title={mark.summary} data-testid="diff-badge">
            {mark.change === 'added' && !/started|failed to start|stopped/.test(mark.summary) ? 'new' : mark.summary}
          </span>
        )}
        {gone && gone.length > 0 && (
          <span
            className="diff-badge diff-badge-removed"
            data-testid="diff-gone"
            title={gone.map((g) => `${g.name}: ${g.summary}`).join('\n')}
          >
            −{gone.length} gone
          </span>
        )}
      </div>
    </div>
  );
}

function withDiffMark(Inner: NodeComponent): NodeComponent {
  return memo(function DiffMarked(props: ComponentProps<NodeComponent>) {
    return (
      <>
        <Inner {...props} />
        <DiffMark id={props.id} />
      </>
    );
  });
}

/** Wraps each node type with its diff mark. */
export function withDiffMarks(types: NodeTypes): NodeTypes {
  return Object.fromEntries(Object.entries(types).map(([kind, component]) => [kind, withDiffMark(component)]));
}

/** The canvas's node types: the diagram's own, with diff marks. Module level, so React Flow never sees a new object. */
export const MARKED_NODE_TYPES: NodeTypes = withDiffMarks(NODE_TYPES);
