// "/u/<handle>": the user's names and counts, a follow button, and their tweets.
import { $, paintAvatar, toast, userPath } from "../dom.js";
import { api, enc, query, session } from "../api.js";
import { showView } from "../router.js";
import { PAGE_SIZE, TimelineView } from "../timeline.js";
import { rememberName } from "../users.js";

let shown = null;

const tweets = new TimelineView($("profile-timeline"), $("profile-empty"), $("profile-more"),
  (before) => api("GET", `/api/users/${enc(shown)}/tweets${query({ limit: PAGE_SIZE, before })}`));

export function showNobody(handle) {
  $("not-found-text").textContent = `No user has the handle @${handle}.`;
  showView("not-found", "Nobody here");
}

/** The profile, or null (after showing "nobody here" or a toast) when it cannot be read. */
export async function loadUser(handle) {
  try {
    const user = await api("GET", `/api/users/${enc(handle)}`);
    rememberName(user.handle, user.displayName);
    return user;
  } catch (error) {
    if (error.status === 404) showNobody(handle);
    else toast(error.message);
    return null;
  }
}

export async function showProfile(handle, isCurrent) {
  shown = handle;
  showView("profile", `@${handle}`);
  $("profile-card").classList.add("loading");
  $("profile-follow").hidden = true;
  tweets.clear();
  const user = await loadUser(handle);
  if (!user || !isCurrent()) return;
  shown = user.handle;
  showView("profile", `${user.displayName} (@${user.handle})`);
  render(user);
  const follow = $("profile-follow");
  const me = session();
  follow.hidden = !me || me.handle.toLowerCase() === user.handle.toLowerCase();
  if (!follow.hidden) {
    follow.disabled = true;
    const following = await isFollowing(me.handle, user.handle);
    if (!isCurrent()) return;
    setFollowButton(following);
    follow.disabled = false;
  }
  await tweets.reset();
}

function render(user) {
  $("profile-card").classList.remove("loading");
  paintAvatar($("profile-avatar"), user.handle);
  $("profile-name").textContent = user.displayName;
  $("profile-handle").textContent = `@${user.handle}`;
  $("profile-celebrity").hidden = !user.celebrity;
  $("profile-tweets").textContent = user.tweets.toLocaleString();
  $("profile-following").textContent = user.following.toLocaleString();
  $("profile-followers").textContent = user.followers.toLocaleString();
  $("profile-following-link").href = `${userPath(user.handle)}/following`;
  $("profile-followers-link").href = `${userPath(user.handle)}/followers`;
}

// The API lists whom a user follows in pages; pages of 100 find the answer in a few requests.
async function isFollowing(me, handle) {
  let cursor = null;
  for (let pages = 0; pages < 50; pages++) {
    const page = await api("GET", `/api/users/${enc(me)}/following${query({ limit: 100, cursor })}`);
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

export function wireProfile() {
  $("profile-follow").addEventListener("click", async () => {
    const button = $("profile-follow");
    const following = button.dataset.following === "true";
    const handle = shown;
    button.disabled = true;
    try {
      await api(following ? "DELETE" : "PUT", `/api/users/me/following/${enc(handle)}`);
      if (handle !== shown) return;
      setFollowButton(!following);
      render(await api("GET", `/api/users/${enc(handle)}`));
    } catch (error) {
      toast(error.message);
    } finally {
      button.disabled = false;
    }
  });
}
