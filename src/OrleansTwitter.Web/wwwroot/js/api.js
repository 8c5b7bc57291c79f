// The session (token in localStorage) and calls to the HTTP API (API.md).

const SESSION_KEY = "orleanstwitter.session";
const listeners = new Set();

function load() {
  try {
    const stored = JSON.parse(localStorage.getItem(SESSION_KEY) || "null");
    return stored && stored.expiresAt > Date.now() ? stored : null;
  } catch {
    // Unreadable storage (hand-edited, or from an older page): start signed out.
    return null;
  }
}

let current = load();

/** The signed-in user ({ handle, accessToken, expiresAt }), or null. */
export function session() {
  return current;
}

/** Calls back with the new session (or null) after each sign-in and sign-out. */
export function onSessionChange(listener) {
  listeners.add(listener);
}

function publish(next, message) {
  current = next;
  if (next) localStorage.setItem(SESSION_KEY, JSON.stringify(next));
  else localStorage.removeItem(SESSION_KEY);
  for (const listener of listeners) listener(next, message);
}

export function signOut(message) {
  publish(null, message);
}

export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `Request failed (${status}).`);
    this.status = status;
  }
}

export const enc = encodeURIComponent;

/** A query string from the values that are set: query({ limit: 20, before: null }) is "?limit=20". */
export function query(values) {
  const parts = Object.entries(values).filter(([, v]) => v !== null && v !== undefined && v !== "");
  return parts.length ? `?${parts.map(([k, v]) => `${k}=${enc(v)}`).join("&")}` : "";
}

export async function api(method, path, body, signal) {
  const headers = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (current) headers.Authorization = `Bearer ${current.accessToken}`;
  const response = await fetch(path, { method, headers, signal, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON (a proxy's error page, say): the status alone has to do.
  }
  if (!response.ok) {
    if (response.status === 401 && current && !path.startsWith("/api/sessions")) {
      signOut("Your session has ended; please sign in again.");
    }
    throw new ApiError(response.status, data);
  }
  return data;
}

/** Signs in and keeps the session, with the handle as registered for display. */
export async function signIn(handle, password) {
  const token = await api("POST", "/api/sessions", { handle, password });
  const next = { handle, accessToken: token.accessToken, expiresAt: Date.now() + token.expiresIn * 1000 };
  // The profile needs no token; it gives the handle's registered spelling.
  const user = await api("GET", `/api/users/${enc(handle)}`);
  next.handle = user.handle;
  publish(next);
}
