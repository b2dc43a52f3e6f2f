/** How ECS writes the `group` of the tasks a service starts: `service:<name>`. */
const SERVICE_GROUP = 'service:';

/**
 * The service a task's `group` names, or null: a standalone task's group is `family:<name>` or one its caller
 * chose, and a task may have none. Linking and the staged head's count both read it so.
 */
export function serviceOfGroup(group: unknown): string | null {
  return typeof group === 'string' && group.startsWith(SERVICE_GROUP) ? group.slice(SERVICE_GROUP.length) : null;
}
