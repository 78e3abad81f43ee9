import { getPrisma } from '../db/prisma';
import { avatarUrl } from './viewer';

/** What anyone may see of a person at /<username>: never emails, settings or secrets. */
export interface PublicProfile {
  username: string;
  name: string;
  institution: string;
  location: string;
  website: string;
  bio: string;
  imageUrl: string | null;
  createdAt: Date;
}

/** A person's public profile by username, or null when no user has that name. */
export async function getPublicProfile(username: string): Promise<PublicProfile | null> {
  const user = await getPrisma().user.findUnique({
    where: { username },
    // Only the public fields leave the database.
    select: {
      username: true,
      name: true,
      institution: true,
      location: true,
      website: true,
      bio: true,
      imageUpdatedAt: true,
      createdAt: true,
    },
  });
  if (!user) return null;
  const { imageUpdatedAt, ...profile } = user;
  return { ...profile, imageUrl: avatarUrl(user.username, imageUpdatedAt) };
}
