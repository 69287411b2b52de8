import type { Role } from '@/lib/auth/permissions';

declare module 'next-auth' {
  interface Session {
    user: { id: number; role: Role; sv: number; name?: string | null; email?: string | null };
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    uid: number;
    role: Role;
    /** users.session_version at sign-in: a bump ends the session. */
    sv: number;
  }
}
