import { getAvatar } from '@/lib/accounts/profile';

/** Profile pictures are public; the URL carries a version, so they can be cached for long. */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ username: string }> },
) {
  const avatar = await getAvatar((await params).username);
  if (!avatar) return new Response('Not found', { status: 404 });
  return new Response(Buffer.from(avatar.image), {
    headers: {
      'content-type': 'image/webp',
      'cache-control': 'public, max-age=31536000, immutable',
    },
  });
}
