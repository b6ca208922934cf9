import { Role } from './roles';
import { Viewer } from './viewer';

const ALL_ROLES = Object.values(Role);

/**
 * Who may grant, and revoke, which role: the one table. A centre admin staffs its own
 * centre; the roles that watch the centre (AUDITOR, SUPERVISOR), the leaders who direct it
 * (LEADER: the bureau leads and manages the centre, 鞍山 衔接 一) and PLATFORM_ADMIN come
 * from the platform admin, so nobody can appoint or remove their own overseers.
 */
export const ROLE_GRANTS: Readonly<Record<Role, readonly Role[]>> = {
  [Role.PLATFORM_ADMIN]: ALL_ROLES,
  [Role.CENTRE_ADMIN]: [Role.CENTRE_ADMIN, Role.WINDOW_STAFF, Role.APPROVER, Role.FINANCE],
  [Role.WINDOW_STAFF]: [],
  [Role.APPROVER]: [],
  [Role.FINANCE]: [],
  [Role.SUPERVISOR]: [],
  [Role.AUDITOR]: [],
  [Role.LEADER]: [],
};

export function grantableBy(viewer: Viewer): Set<Role> {
  return new Set([...viewer.roles].flatMap((role) => ROLE_GRANTS[role]));
}

/** The roles among `roles` that the viewer may not grant or revoke. */
export function rolesBeyondGrant(viewer: Viewer, roles: Iterable<Role>): Role[] {
  const grantable = grantableBy(viewer);
  return [...new Set(roles)].filter((role) => !grantable.has(role));
}
