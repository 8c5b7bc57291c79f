// Display names by handle (for tweets and user lists), and a user as a list item.
import { api, enc } from "./api.js";
import { avatar, h, userPath } from "./dom.js";

// Display names come from each user's profile: one request per handle, made together for a page,
// and remembered for the page's life (a display name does not change).
const names = new Map();

export function displayName(handle) {
  const key = handle.toLowerCase();
  if (!names.has(key)) {
    names.set(key, api("GET", `/api/users/${enc(handle)}`).then((user) => user.displayName, (error) => {
      // The handle alone still identifies the user; try again next time.
      names.delete(key);
      throw error;
    }));
  }
  return names.get(key);
}

export function rememberName(handle, name) {
  names.set(handle.toLowerCase(), Promise.resolve(name));
}

export function renderUser(handle) {
  const name = h("a", { class: "user-name", href: userPath(handle), "data-route": true, text: handle });
  const item = h("li", { class: "user", "data-testid": "user", "data-handle": handle },
    avatar(handle),
    h("div", { class: "user-names" }, name, h("span", { class: "handle", text: `@${handle}` })));
  displayName(handle).then((text) => { name.textContent = text; }, () => {
    // The handle stays in place of the name: the list is useful without it.
  });
  return item;
}
