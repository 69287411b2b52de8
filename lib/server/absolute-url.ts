/**
 * An absolute link to a path of this site, for links handed to people outside it (an invitation's
 * activation link): NEXTAUTH_URL when set (the public address behind a proxy), else the request's own.
 */
export function absoluteUrl(req: Request, path: string): string {
  let base = new URL(req.url).origin;
  try {
    if (process.env.NEXTAUTH_URL) base = new URL(process.env.NEXTAUTH_URL).origin;
  } catch {
    /* not a URL: the request's own origin */
  }
  return new URL(path, base).toString();
}
