// "/u/<handle>/followers" and "/u/<handle>/following": the lists, paged by cursor.
import { $, toast, userPath } from "../dom.js";
import { api, enc, query } from "../api.js";
import { showView } from "../router.js";
import { renderUser } from "../users.js";
import { loadUser } from "./profile.js";

const LIST_PAGE_SIZE = 20;
const state = { handle: null, list: null, next: null, generation: 0 };

export async function showFollows(handle, list, isCurrent) {
  // From here on, pages still on their way for the list shown before are dropped.
  state.generation++;
  showView("follows", `${list === "followers" ? "Followers of" : "Followed by"} @${handle}`);
  $("follows-list").replaceChildren();
  $("follows-more").hidden = true;
  $("follows-empty").hidden = true;
  const user = await loadUser(handle);
  if (!user || !isCurrent()) return;
  $("follows-name").textContent = user.displayName;
  $("follows-name").href = userPath(user.handle);
  $("follows-handle").textContent = `@${user.handle}`;
  for (const tab of ["followers", "following"]) {
    const link = $(`follows-tab-${tab}`);
    link.href = `${userPath(user.handle)}/${tab}`;
    link.setAttribute("aria-current", tab === list ? "page" : "false");
  }
  $("follows-empty").textContent = list === "followers" ? `Nobody follows @${user.handle} yet.` : `@${user.handle} follows nobody yet.`;
  Object.assign(state, { handle: user.handle, list, next: null });
  await loadPage(true);
}

async function loadPage(first) {
  const { handle, list, next, generation } = state;
  if (!first && !next) return;
  const more = $("follows-more");
  more.disabled = true;
  try {
    const page = await api("GET", `/api/users/${enc(handle)}/${list}${query({ limit: LIST_PAGE_SIZE, cursor: first ? null : next })}`);
    if (generation !== state.generation) return;
    $("follows-list").append(...page.items.map(renderUser));
    state.next = page.next;
    more.hidden = !page.next;
    $("follows-empty").hidden = $("follows-list").children.length > 0;
  } catch (error) {
    toast(error.message);
  } finally {
    more.disabled = false;
  }
}

export function wireFollows() {
  $("follows-more").addEventListener("click", () => loadPage(false));
}
