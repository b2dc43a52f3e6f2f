/**
 * Collapse state over two sources: ids the user collapsed, and boxes that
 * start collapsed because they hold more tasks than the stack threshold
 * (unless the user opened them). One rule for both diagrams.
 */
import type { Task } from '../model/types';
import { STACK_THRESHOLD, type ViewState } from './view';

/** Whether a box of `taskCount` tasks starts as a stack under this view. */
export function stackedByDefault(view: Pick<ViewState, 'stackThreshold'>, taskCount: number): boolean {
  return taskCount > (view.stackThreshold ?? STACK_THRESHOLD);
}

/** Whether node `id` is collapsed: the user collapsed it, or it is a default stack the user has not opened. */
export function isCollapsed(
  view: Pick<ViewState, 'collapsed' | 'expanded' | 'stackThreshold'>,
  id: string,
  stackTaskCount?: number,
): boolean {
  if (view.collapsed.includes(id)) return true;
  return stackTaskCount !== undefined && stackedByDefault(view, stackTaskCount) && !(view.expanded ?? []).includes(id);
}

/**
 * The view with node `id` toggled. `nowCollapsed` is how it is drawn now:
 * opening a default stack records it in `expanded`, since removing it from
 * `collapsed` would change nothing.
 */
export function toggleCollapse(view: ViewState, id: string, nowCollapsed: boolean): ViewState {
  const collapsed = view.collapsed.filter((c) => c !== id);
  const expanded = (view.expanded ?? []).filter((e) => e !== id);
  if (nowCollapsed) return { ...view, collapsed, expanded: [...expanded, id] };
  return { ...view, collapsed: [...collapsed, id], expanded };
}

/** The view with these nodes opened (a selection or search result inside them must be seen). */
export function expandAll(view: ViewState, ids: readonly string[]): ViewState {
  if (ids.length === 0) return view;
  const drop = new Set(ids);
  const collapsed = view.collapsed.filter((c) => !drop.has(c));
  const expanded = [...new Set([...(view.expanded ?? []), ...ids])];
  return { ...view, collapsed, expanded };
}

/** Summary of a stack: task counts by lastStatus and the task definition revisions they run. */
export interface StackSummary {
  total: number;
  /** lastStatus → count, most common first. */
  byStatus: [string, number][];
  /** Distinct revisions (numbers, else task definition labels), ascending. */
  revisions: string[];
}

/** The stack summary of a box's tasks; `revisionOf` gives a task's task definition revision. */
export function stackSummary(tasks: readonly Task[], revisionOf: (t: Task) => string | undefined): StackSummary {
  const counts = new Map<string, number>();
  const revisions = new Set<string>();
  for (const t of tasks) {
    const status = t.lastStatus?.toUpperCase() ?? 'UNKNOWN';
    counts.set(status, (counts.get(status) ?? 0) + 1);
    const rev = revisionOf(t);
    if (rev) revisions.add(rev);
  }
  const byStatus = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const sorted = [...revisions].sort((a, b) => Number(a) - Number(b) || a.localeCompare(b));
  return { total: tasks.length, byStatus, revisions: sorted };
}

/** The one-line stack label: "24 tasks: 22 RUNNING, 2 PENDING · rev 41/42". */
export function stackLabel(s: StackSummary): string {
  const statuses = s.byStatus.map(([status, n]) => `${n} ${status}`).join(', ');
  const revs = s.revisions.length > 0 ? ` · rev ${s.revisions.join('/')}` : '';
  return `${s.total} ${s.total === 1 ? 'task' : 'tasks'}${statuses ? `: ${statuses}` : ''}${revs}`;
}
