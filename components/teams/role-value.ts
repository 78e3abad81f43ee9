/**
 * One <select> value per assignable role: a built-in role ("MEMBER") or a custom role with
 * its base role ("VIEW_ONLY:<customRoleId>"). Shared by the forms and their server actions.
 */
export type BuiltInRole = 'ADMIN' | 'MEMBER' | 'VIEW_ONLY';

export interface RoleOption {
  value: string;
  label: string;
}

export function roleValue(role: BuiltInRole, customRoleId?: string | null): string {
  return customRoleId ? `${role}:${customRoleId}` : role;
}

export function parseRoleValue(value: string): { role: BuiltInRole; customRoleId: string | null } {
  const [role = '', customRoleId = ''] = value.split(':', 2);
  // The service validates both: an unknown role or a custom role of another organization is refused.
  return { role: role as BuiltInRole, customRoleId: customRoleId || null };
}
