import { z } from 'zod';
import { alertSettingsSchema } from '../alerts/alert-settings';
import { emailAddressSchema } from '../accounts/schemas';
import { entityNameSchema } from '../accounts/username';
import { teamPermissions, teamRoles } from '../permissions/team-grants';

export const organizationTypeSchema = z.enum(['WORK', 'ACADEMIC'], {
  error: 'must be Work or Academic',
});
export const teamRoleSchema = z.enum(teamRoles, { error: 'must be ADMIN, MEMBER or VIEW_ONLY' });

export const createTeamSchema = z
  .object({
    name: entityNameSchema,
    type: organizationTypeSchema,
    /** An organization the actor administers… */
    organizationId: z.string().min(1).optional(),
    /** …or the name of a new one. */
    newOrganizationName: z
      .string()
      .trim()
      .min(2, 'must be at least 2 characters')
      .max(100, 'must be at most 100 characters')
      .optional(),
  })
  .refine((input) => !!input.organizationId !== !!input.newOrganizationName, {
    path: ['organizationId'],
    message: 'choose an existing organization or name a new one',
  });

export const inviteSchema = z.object({
  email: emailAddressSchema,
  role: teamRoleSchema,
  customRoleId: z.string().min(1).nullish(),
});

export const teamSettingsSchema = alertSettingsSchema.extend({
  forcePrivateProjects: z.boolean(),
  codeSavingDefault: z.boolean(),
});

export const teamProfileSchema = z.object({
  intro: z.string().max(20_000, 'must be at most 20,000 characters'),
  links: z
    .array(
      z.object({
        label: z.string().trim().min(1, 'is required').max(60, 'must be at most 60 characters'),
        url: z
          .string()
          .trim()
          .refine(
            (v) => /^https?:\/\//i.test(v) && URL.canParse(v),
            'must be a full http:// or https:// URL',
          ),
      }),
    )
    .max(10, 'at most 10 links'),
});

export const customRoleSchema = z.object({
  name: z
    .string()
    .trim()
    .min(2, 'must be at least 2 characters')
    .max(40, 'must be at most 40 characters'),
  baseRole: z.enum(['MEMBER', 'VIEW_ONLY'], { error: 'must be MEMBER or VIEW_ONLY' }),
  permissions: z
    .array(z.enum(teamPermissions, { error: 'is not a known permission' }))
    .max(teamPermissions.length),
});

export const serviceAccountNameSchema = z
  .string()
  .trim()
  .min(2, 'must be at least 2 characters')
  .max(60, 'must be at most 60 characters')
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9 _.-]*$/, 'use letters, digits, spaces, ., _ and -');
