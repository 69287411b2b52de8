import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { safeRedirectUrl } from './callback';
import { resolveAuthSecret } from './secret';
import { newSessionClaims, revokeSession, SESSION_MAX_AGE_SECONDS } from './sessions';
import { signInWithPassword } from './sign-in';
import { throttledError } from './throttle-message';
import { clientAddress } from '@/lib/server/client-address';
import type { Role } from './permissions';

export const authOptions: NextAuthOptions = {
  // Read when a request needs it, not when the build loads this module.
  get secret() {
    return resolveAuthSecret();
  },
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: '/signin' },
  // next-auth warns on every start when NEXTAUTH_URL is unset. Rectify does not need it: the sign-in
  // form posts to this server's own relative endpoints, every redirect goes through safeRedirectUrl
  // (relative paths on this site only), and the same-origin check takes the request's own host. Set
  // NEXTAUTH_URL (.env.example) only to pin the public address behind a proxy; other warnings stay.
  logger: {
    warn(code) {
      if (code !== 'NEXTAUTH_URL') console.warn(`[next-auth][warn][${code}]`);
    },
    error(code, metadata) {
      console.error(`[next-auth][error][${code}]`, metadata);
    },
  },
  providers: [
    CredentialsProvider({
      name: 'Rectify',
      credentials: { email: { type: 'email' }, password: { type: 'password' } },
      async authorize(credentials, req) {
        const outcome = await signInWithPassword(credentials?.email ?? '', credentials?.password ?? '', clientAddress(req?.headers ?? {}));
        if (outcome.ok) return outcome.user;
        // next-auth hands the message to the sign-in page, which words it in the reader's language.
        if (outcome.refused) throw new Error(throttledError(outcome.refused));
        return null;
      },
    }),
  ],
  events: {
    // The real sign-out (POST /api/auth/signout): the session ends on the server too, not only in this browser.
    async signOut({ token }) {
      await revokeSession(token ?? {});
    },
  },
  callbacks: {
    redirect({ url, baseUrl }) {
      return safeRedirectUrl(url, baseUrl);
    },
    jwt({ token, user }) {
      if (user) {
        const u = user as { id: string; role: Role; sv: number };
        token.uid = Number(u.id);
        token.role = u.role;
        token.sv = u.sv;
        Object.assign(token, newSessionClaims());
      }
      return token;
    },
    session({ session, token }) {
      if (session.user) {
        session.user.id = token.uid;
        session.user.role = token.role;
        session.user.sv = token.sv;
        session.user.sid = token.sid;
        session.user.sst = token.sst;
      }
      return session;
    },
  },
};
