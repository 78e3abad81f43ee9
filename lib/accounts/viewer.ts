import type { User } from '@/generated/prisma/client';
import type { Actor } from '../auth/actor';
import { getPrisma } from '../db/prisma';
import { assertCan } from '../permissions/catalog';

export interface Viewer {
  id: string;
  username: string;
  name: string;
  institution: string;
  bio: string;
  location: string;
  website: string;
  imageUrl: string | null;
  isSystemAdmin: boolean;
  /** False for SSO-only accounts, which set a password without giving a current one. */
  hasPassword: boolean;
  createdAt: Date;
  /** The stored row, for fields derived elsewhere (alert preferences, beta features). */
  user: Omit<User, 'image' | 'passwordHash'>;
}

/** imageUpdatedAt is set exactly while an avatar exists; it also busts caches when it changes. */
export function avatarUrl(username: string, updatedAt: Date | null): string | null {
  return updatedAt ? `/api/v1/avatars/${username}?v=${updatedAt.getTime()}` : null;
}

/** The signed-in user's profile, or null for anonymous requests. */
export async function getViewer(actor: Actor): Promise<Viewer | null> {
  if (actor.kind !== 'user') return null;
  assertCan(actor, 'account:read', { userId: actor.userId });
  const found = await getPrisma().user.findUnique({
    where: { id: actor.userId },
    omit: { image: true },
  });
  if (!found) return null;
  const { passwordHash, ...user } = found;
  return {
    id: user.id,
    username: user.username,
    name: user.name,
    institution: user.institution,
    bio: user.bio,
    location: user.location,
    website: user.website,
    imageUrl: avatarUrl(user.username, user.imageUpdatedAt),
    isSystemAdmin: user.isSystemAdmin,
    hasPassword: passwordHash !== null,
    createdAt: user.createdAt,
    user,
  };
}
