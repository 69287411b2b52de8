import type { Role } from '@/lib/auth/permissions';

declare module 'next-auth' {
  interface Session {
    user: { id: number; role: Role; sv: number; sid: string; sst: number; name?: string | null; email?: string | null };
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    uid: number;
    role: Role;
    /** users.session_version at sign-in: a bump ends the session. */
    sv: number;
    /** This session's id: signing out records it in revoked_sessions (lib/auth/sessions.ts). */
    sid: string;
    /** When the session started (seconds since the epoch): it ends SESSION_MAX_AGE_SECONDS later, refreshed or not. */
    sst: number;
  }
}
