import NextAuth from 'next-auth';
import { getAuthOptions } from '@/lib/auth/auth-options';

// Built per request so the options (providers, secret) come from the running server's
// configuration rather than the build's.
function handler(request: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  return NextAuth(request as never, context as never, getAuthOptions());
}

export { handler as GET, handler as POST };
