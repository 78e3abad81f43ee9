import { z } from 'zod';
import { entityNameSchema } from './username';

export const emailAddressSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'is too long')
  .pipe(z.email({ error: 'is not a valid email address' }));

const commonPasswords = new Set([
  'password',
  'password1',
  'password123',
  '12345678',
  '123456789',
  'qwerty123',
  'iloveyou',
  'sextant123',
  'letmein123',
  'welcome123',
]);

export const passwordSchema = z
  .string()
  .min(10, 'must be at least 10 characters')
  .max(200, 'must be at most 200 characters')
  .refine(
    (value) => /[a-zA-Z]/.test(value) && /[^a-zA-Z]/.test(value),
    'must mix letters with digits or symbols',
  )
  .refine((value) => !commonPasswords.has(value.toLowerCase()), 'is too common');

export const signUpSchema = z
  .object({
    email: emailAddressSchema,
    username: entityNameSchema,
    password: passwordSchema,
    name: z.string().trim().max(100, 'must be at most 100 characters').default(''),
  })
  .refine((input) => !input.password.toLowerCase().includes(input.username), {
    path: ['password'],
    message: 'must not contain your username',
  });

const optionalText = (max: number) =>
  z.string().trim().max(max, `must be at most ${max} characters`);

export const profileSchema = z.object({
  name: optionalText(100),
  institution: optionalText(100),
  bio: optionalText(1000),
  location: optionalText(100),
  website: z
    .string()
    .trim()
    .max(300, 'must be at most 300 characters')
    .refine(
      (value) => value === '' || (/^https?:\/\//i.test(value) && URL.canParse(value)),
      'must be a full http:// or https:// URL',
    ),
});

export const apiKeyNameSchema = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(100, 'must be at most 100 characters');
