/**
 * Hygiene of task definitions: images by a moving tag, containers whose output goes nowhere, and INACTIVE
 * revisions still in use.
 */
import type { TaskDefinition } from '../../model/types';
import { isLive, type FindingContext } from '../context';
import { groupDigits, objs, str } from '../raw';
import { makeFinding } from '../rule-table';
import type { Finding } from '../types';

/** How an image reference pins what runs: by digest, by a tag, by `latest`, or by nothing (= latest). */
export function imagePin(image: string): 'digest' | 'tag' | 'latest' | 'none' {
  if (image.includes('@sha256:') || image.includes('@')) return 'digest';
  // The tag is after the last `:` of the last path segment (`registry:5000/app` has a port, not a tag).
  const last = image.slice(image.lastIndexOf('/') + 1);
  const colon = last.indexOf(':');
  if (colon < 0) return 'none';
  return last.slice(colon + 1) === 'latest' ? 'latest' : 'tag';
}

function hygieneOf(td: TaskDefinition): Finding[] {
  const out: Finding[] = [];
  objs(td.raw?.containerDefinitions).forEach((c, i) => {
    const name = str(c.name) ?? `container ${i + 1}`;
    const image = str(c.image);
    if (image) {
      const pin = imagePin(image);
      if (pin === 'latest' || pin === 'none')
        out.push(
          makeFinding(
            'latest-tag',
            td,
            `task definition ${td.name}: container ${name} uses ${image}${pin === 'none' ? ' (no tag: latest)' : ''}; pin a version tag or a digest`,
            [{ path: `$.containerDefinitions[${i}].image`, value: image }],
          ),
        );
    }
    if (c.logConfiguration === undefined || c.logConfiguration === null)
      out.push(
        makeFinding(
          'no-log-config',
          td,
          `task definition ${td.name}: container ${name} has no logConfiguration; its output is not collected`,
          [{ path: `$.containerDefinitions[${i}].logConfiguration`, value: null }],
        ),
      );
  });
  return out;
}

/** The hygiene findings of a load. */
export function hygiene(ctx: FindingContext): Finding[] {
  const out: Finding[] = [];
  const users = new Map<string, { services: string[]; tasks: number }>();
  const use = (id: string | undefined) => {
    if (!id) return undefined;
    let u = users.get(id);
    if (!u) users.set(id, (u = { services: [], tasks: 0 }));
    return u;
  };
  for (const s of ctx.topology.services) {
    if (s.placeholder || s.status === 'INACTIVE') continue;
    const ids = new Set([s.taskDefinitionId, ...s.deployments.map((d) => d.taskDefinitionId)]);
    for (const id of ids) use(id)?.services.push(s.name);
  }
  for (const t of ctx.topology.tasks) {
    const u = !t.placeholder && isLive(t) ? use(t.taskDefinitionId) : undefined;
    if (u) u.tasks += 1;
  }

  for (const td of ctx.topology.taskDefinitions) {
    if (td.placeholder || !td.raw) continue;
    out.push(...hygieneOf(td));
    const u = users.get(td.id);
    if (td.status === 'INACTIVE' && u && (u.services.length > 0 || u.tasks > 0)) {
      const who = [
        ...(u.services.length ? [`service${u.services.length === 1 ? '' : 's'} ${u.services.join(', ')}`] : []),
        ...(u.tasks ? [`${groupDigits(u.tasks)} task${u.tasks === 1 ? '' : 's'}`] : []),
      ].join(' and ');
      out.push(
        makeFinding(
          'inactive-revision',
          td,
          `task definition ${td.name} is INACTIVE (deregistered) but ${who} still use${u.services.length + u.tasks === 1 ? 's' : ''} it; they keep running and scaling, but no new service or run-task can use it`,
          [{ path: '$.status', value: 'INACTIVE' }],
        ),
      );
    }
  }
  return out;
}
