// What the window may load and open. Only the host's own origin is content; http(s) links the
// user clicks go to their browser; everything else (file:, other origins, custom schemes) is refused.
// Pure, so it is tested without Electron.

/** May the renderer's session fetch this URL at all? ("no remote content") */
export function isAllowedRequest(url: string, hostOrigin: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol === 'data:' || u.protocol === 'blob:' || u.protocol === 'devtools:' || u.protocol === 'chrome-extension:') return true;
  if (u.protocol === 'ws:') return `http://${u.host}` === hostOrigin;
  return u.origin === hostOrigin;
}

/** May the main frame navigate to this URL? Only within the host's origin. */
export function isAllowedNavigation(url: string, hostOrigin: string): boolean {
  try {
    return new URL(url).origin === hostOrigin;
  } catch {
    return false;
  }
}

/** Links that may be handed to the user's browser. */
export function isExternalLink(url: string): boolean {
  try {
    const u = new URL(url);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}
