// OrleansTwitter's page: plain JavaScript against the HTTP API (API.md), no framework and no
// build step. Routes: #/ (sign in, or the home timeline) and #/u/<handle> (a user's page).
"use strict";

const MAX_TWEET = 280;
const PAGE_SIZE = 20;
const SESSION_KEY = "orleanstwitter.session";
const $ = (id) => document.getElementById(id);

// ---- Session ---------------------------------------------------------------------------------

function loadSession() {
  try {
    const session = JSON.parse(localStorage.getItem(SESSION_KEY) || "null");
    return session && session.expiresAt > Date.now() ? session : null;
  } catch {
    return null;
  }
}

let session = loadSession();

function saveSession(handle, token) {
  session = { handle, accessToken: token.accessToken, expiresAt: Date.now() + token.expiresIn * 1000 };
  localStorage.setItem(SESSION_KEY, JSON.stringify(session));
}

function signOut(message) {
  session = null;
  localStorage.removeItem(SESSION_KEY);
  live.stop();
  if (message) toast(message);
  location.hash = "#/";
  route();
}

// ---- API -------------------------------------------------------------------------------------

class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `Request failed (${status}).`);
    this.status = status;
  }
}

async function api(method, path, body) {
  const headers = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (session) headers.Authorization = `Bearer ${session.accessToken}`;
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON (a proxy's error page, say): the status alone has to do.
  }
  if (!response.ok) {
    if (response.status === 401 && session && !path.startsWith("/api/sessions")) {
      signOut("Your session has ended; please sign in again.");
    }
    throw new ApiError(response.status, data);
  }
  return data;
}

const enc = encodeURIComponent;

// ---- Small helpers ---------------------------------------------------------------------------

let toastTimer = 0;
function toast(message) {
  const element = $("toast");
  element.textContent = message;
  element.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { element.hidden = true; }, 4000);
}

const segmenter = typeof Intl.Segmenter === "function" ? new Intl.Segmenter(undefined, { granularity: "grapheme" }) : null;

// Characters as the server counts them: text elements of the trimmed text.
function textLength(text) {
  const trimmed = text.trim();
  return segmenter ? [...segmenter.segment(trimmed)].length : [...trimmed].length;
}

function avatarColor(handle) {
  let hash = 0;
  for (const c of handle.toLowerCase()) hash = (hash * 31 + c.charCodeAt(0)) >>> 0;
  return `hsl(${hash % 360} 55% 45%)`;
}

function paintAvatar(element, handle) {
  element.textContent = handle.charAt(0);
  element.style.background = avatarColor(handle);
}

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: "auto", style: "short" });
function ago(iso) {
  const seconds = Math.round((new Date(iso).getTime() - Date.now()) / 1000);
  const steps = [[60, "second"], [60, "minute"], [24, "hour"], [7, "day"], [4.35, "week"], [12, "month"], [Infinity, "year"]];
  let value = seconds;
  for (const [size, unit] of steps) {
    if (Math.abs(value) < size) return relative.format(Math.round(value), unit);
    value /= size;
  }
  return "";
}

function setBusy(form, busy) {
  for (const button of form.querySelectorAll("button")) button.disabled = busy;
}

function showFormError(form, error) {
  const element = form.querySelector(".form-error");
  element.textContent = error ? error.message : "";
  element.hidden = !error;
}

// ---- Timelines -------------------------------------------------------------------------------

// A list of tweets newest first, that pages with "load more" and takes live tweets in id order.
class TimelineView {
  constructor(list, empty, more, load) {
    this.list = list;
    this.empty = empty;
    this.more = more;
    this.load = load;
    this.ids = new Set();
    this.next = null;
    this.loading = false;
    more.addEventListener("click", () => this.loadMore());
  }

  async reset() {
    this.list.replaceChildren();
    this.ids.clear();
    this.next = null;
    this.more.hidden = true;
    this.empty.hidden = true;
    await this.loadMore(true);
  }

  async loadMore(first = false) {
    if (this.loading || (!first && !this.next)) return;
    this.loading = true;
    this.more.disabled = true;
    try {
      const page = await this.load(first ? null : this.next);
      for (const tweet of page.items) this.add(tweet, false);
      this.next = page.next;
      this.more.hidden = !page.next;
    } catch (error) {
      toast(error.message);
    } finally {
      this.loading = false;
      this.more.disabled = false;
      this.empty.hidden = this.ids.size > 0;
    }
  }

  add(tweet, fresh) {
    if (this.ids.has(tweet.id)) return;
    this.ids.add(tweet.id);
    const item = renderTweet(tweet);
    if (fresh) item.classList.add("fresh");
    const id = BigInt(tweet.id);
    const before = [...this.list.children].find((child) => BigInt(child.dataset.id) < id);
    this.list.insertBefore(item, before || null);
    this.empty.hidden = true;
  }
}

function renderTweet(tweet) {
  const item = $("tweet-template").content.firstElementChild.cloneNode(true);
  item.dataset.id = tweet.id;
  item.dataset.testid = "tweet";
  paintAvatar(item.querySelector(".avatar"), tweet.author);
  const author = item.querySelector(".author");
  author.textContent = `@${tweet.author}`;
  author.href = `#/u/${enc(tweet.author)}`;
  const time = item.querySelector("time");
  time.dateTime = tweet.createdAt;
  time.textContent = ago(tweet.createdAt);
  time.title = new Date(tweet.createdAt).toLocaleString();
  item.querySelector(".tweet-text").textContent = tweet.text;
  return item;
}

const home = new TimelineView($("home-timeline"), $("home-empty"), $("home-more"),
  (before) => api("GET", `/api/timeline?limit=${PAGE_SIZE}${before ? `&before=${enc(before)}` : ""}`));

let profileHandle = null;
const profileTweets = new TimelineView($("profile-timeline"), $("profile-empty"), $("profile-more"),
  (before) => api("GET", `/api/users/${enc(profileHandle)}/tweets?limit=${PAGE_SIZE}${before ? `&before=${enc(before)}` : ""}`));

// ---- Live updates: server-sent events read with fetch, which (unlike EventSource) sends the token.

const live = {
  controller: null,
  lastEventId: null,
  retryDelay: 1000,

  start() {
    if (this.controller || !session) return;
    this.controller = new AbortController();
    this.run(this.controller.signal);
  },

  stop() {
    if (this.controller) this.controller.abort();
    this.controller = null;
    this.lastEventId = null;
    this.status("connecting");
  },

  status(state) {
    const element = $("live-status");
    element.dataset.state = state;
    element.textContent = state === "live" ? "Live" : "Connecting…";
  },

  async run(signal) {
    while (!signal.aborted && session) {
      try {
        const headers = { Authorization: `Bearer ${session.accessToken}`, Accept: "text/event-stream" };
        if (this.lastEventId) headers["Last-Event-ID"] = this.lastEventId;
        const response = await fetch("/api/timeline/stream", { headers, signal, cache: "no-store" });
        if (response.status === 401) {
          signOut("Your session has ended; please sign in again.");
          return;
        }
        if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
        this.status("live");
        this.retryDelay = 1000;
        await this.read(response.body.getReader(), signal);
      } catch (error) {
        if (signal.aborted) return;
      }
      this.status("connecting");
      await new Promise((resolve) => setTimeout(resolve, this.retryDelay));
      this.retryDelay = Math.min(this.retryDelay * 2, 15000);
    }
  },

  async read(reader, signal) {
    const decoder = new TextDecoder();
    let buffer = "";
    while (!signal.aborted) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, "\n");
      let end;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        this.dispatch(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
      }
    }
  },

  dispatch(block) {
    let event = "message";
    let id = null;
    const data = [];
    for (const line of block.split("\n")) {
      if (line.startsWith(":")) continue; // a comment: the heartbeat
      const colon = line.indexOf(":");
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
      if (field === "event") event = value;
      else if (field === "data") data.push(value);
      else if (field === "id") id = value;
    }
    if (id) this.lastEventId = id;
    if (event === "tweet" && data.length) home.add(JSON.parse(data.join("\n")), true);
  },
};

// ---- Views -----------------------------------------------------------------------------------

function show(view) {
  for (const id of ["welcome", "home", "profile", "not-found"]) $(id).hidden = id !== view;
  $("session").hidden = !session;
  if (session) {
    $("me-link").textContent = `@${session.handle}`;
    $("me-link").href = `#/u/${enc(session.handle)}`;
  }
}

async function showHome() {
  if (!session) {
    live.stop();
    show("welcome");
    return;
  }
  show("home");
  live.start();
  await home.reset();
}

async function showProfile(handle) {
  show("profile");
  profileHandle = handle;
  let user;
  try {
    user = await api("GET", `/api/users/${enc(handle)}`);
  } catch (error) {
    if (error.status === 404) {
      $("not-found-text").textContent = `No user has the handle @${handle}.`;
      show("not-found");
    } else {
      toast(error.message);
    }
    return;
  }
  if (profileHandle !== handle) return;
  renderProfile(user);
  const follow = $("profile-follow");
  follow.hidden = !session || session.handle.toLowerCase() === user.handle.toLowerCase();
  if (!follow.hidden) setFollowButton(await isFollowing(user.handle));
  await profileTweets.reset();
}

function renderProfile(user) {
  paintAvatar($("profile-avatar"), user.handle);
  $("profile-name").textContent = user.displayName;
  $("profile-handle").textContent = `@${user.handle}`;
  $("profile-celebrity").hidden = !user.celebrity;
  $("profile-tweets").textContent = user.tweets.toLocaleString();
  $("profile-following").textContent = user.following.toLocaleString();
  $("profile-followers").textContent = user.followers.toLocaleString();
}

// The API lists whom a user follows in pages; a page of 100 at a time finds the answer quickly.
async function isFollowing(handle) {
  let cursor = null;
  for (let pages = 0; pages < 50; pages++) {
    const page = await api("GET", `/api/users/${enc(session.handle)}/following?limit=100${cursor ? `&cursor=${enc(cursor)}` : ""}`);
    if (page.items.some((h) => h.toLowerCase() === handle.toLowerCase())) return true;
    if (!page.next) return false;
    cursor = page.next;
  }
  return false;
}

function setFollowButton(following) {
  const button = $("profile-follow");
  button.dataset.following = following ? "true" : "false";
  button.textContent = following ? "Unfollow" : "Follow";
  button.className = following ? "button subtle" : "button primary";
}

function route() {
  const match = location.hash.match(/^#\/u\/([^/]+)$/);
  if (match) {
    showProfile(decodeURIComponent(match[1]));
  } else {
    showHome();
  }
}

// ---- Wiring ----------------------------------------------------------------------------------

async function signIn(handle, password) {
  const token = await api("POST", "/api/sessions", { handle, password });
  saveSession(handle, token);
  // The handle as registered, for display.
  try {
    const user = await api("GET", `/api/users/${enc(handle)}`);
    session.handle = user.handle;
    localStorage.setItem(SESSION_KEY, JSON.stringify(session));
  } catch {
    // Display only: the handle as typed will do.
  }
}

$("sign-in-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const form = event.currentTarget;
  setBusy(form, true);
  showFormError(form, null);
  try {
    await signIn(form.handle.value.trim(), form.password.value);
    form.reset();
    location.hash = "#/";
    route();
  } catch (error) {
    showFormError(form, error);
  } finally {
    setBusy(form, false);
  }
});

$("sign-up-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const form = event.currentTarget;
  setBusy(form, true);
  showFormError(form, null);
  try {
    const handle = form.handle.value.trim();
    const displayName = form.displayName.value.trim();
    await api("POST", "/api/accounts", { handle, password: form.password.value, displayName: displayName || null });
    await signIn(handle, form.password.value);
    form.reset();
    location.hash = "#/";
    route();
  } catch (error) {
    showFormError(form, error);
  } finally {
    setBusy(form, false);
  }
});

$("sign-out").addEventListener("click", () => signOut());

const composeText = $("compose-text");
function updateCounter() {
  const left = MAX_TWEET - textLength(composeText.value);
  const counter = $("compose-counter");
  counter.textContent = String(left);
  counter.classList.toggle("warn", left >= 0 && left < 20);
  counter.classList.toggle("over", left < 0);
  $("compose-submit").disabled = left < 0 || composeText.value.trim() === "";
}
composeText.addEventListener("input", updateCounter);
composeText.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) $("compose").requestSubmit();
});

$("compose").addEventListener("submit", async (event) => {
  event.preventDefault();
  const submit = $("compose-submit");
  submit.disabled = true;
  try {
    const tweet = await api("POST", "/api/tweets", { text: composeText.value });
    composeText.value = "";
    home.add(tweet, true);
  } catch (error) {
    toast(error.message);
  } finally {
    updateCounter();
  }
});

$("follow-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const form = event.currentTarget;
  const action = event.submitter ? event.submitter.dataset.action : "follow";
  const handle = form.handle.value.trim().replace(/^@/, "");
  const status = form.querySelector(".form-status");
  if (!handle) return;
  setBusy(form, true);
  try {
    await api(action === "follow" ? "PUT" : "DELETE", `/api/users/me/following/${enc(handle)}`);
    status.textContent = action === "follow" ? `You follow @${handle}.` : `You no longer follow @${handle}.`;
    status.className = "form-status ok";
    form.reset();
    await home.reset();
  } catch (error) {
    status.textContent = error.message;
    status.className = "form-status error";
  } finally {
    status.hidden = false;
    setBusy(form, false);
  }
});

$("profile-follow").addEventListener("click", async () => {
  const button = $("profile-follow");
  const following = button.dataset.following === "true";
  button.disabled = true;
  try {
    await api(following ? "DELETE" : "PUT", `/api/users/me/following/${enc(profileHandle)}`);
    setFollowButton(!following);
    renderProfile(await api("GET", `/api/users/${enc(profileHandle)}`));
  } catch (error) {
    toast(error.message);
  } finally {
    button.disabled = false;
  }
});

// Relative times stay current.
setInterval(() => {
  for (const time of document.querySelectorAll(".tweet time")) time.textContent = ago(time.dateTime);
}, 30000);

window.addEventListener("hashchange", route);
updateCounter();
route();
