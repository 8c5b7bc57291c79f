// Handles suggested as you type in the follow box, from GET /api/users?prefix= (debounced, and
// only the answer to the newest prefix is shown). A listbox under the input: arrows move, Enter or
// a click picks, Escape closes.
import { $, avatar, h } from "./dom.js";
import { api, query, session } from "./api.js";
import { rememberName } from "./users.js";

const DEBOUNCE_MS = 200;
const SUGGESTIONS = 6;
const PREFIX = /^[A-Za-z0-9_]{1,15}$/;

const input = $("follow-handle");
const box = $("follow-suggestions");
let timer = 0;
let asked = 0;
let active = -1;

/** Closes the list, and drops any answer still on its way. */
export function closeSuggestions() {
  asked++;
  clearTimeout(timer);
  box.hidden = true;
  box.replaceChildren();
  active = -1;
  input.setAttribute("aria-expanded", "false");
  input.removeAttribute("aria-activedescendant");
}

function choose(handle) {
  input.value = handle;
  closeSuggestions();
  input.focus();
}

function highlight(index) {
  const options = [...box.children];
  active = (index + options.length) % options.length;
  options.forEach((option, i) => option.setAttribute("aria-selected", i === active ? "true" : "false"));
  input.setAttribute("aria-activedescendant", options[active].id);
}

function option(user, index) {
  rememberName(user.handle, user.displayName);
  const item = h("li", { id: `follow-suggestion-${index}`, role: "option", class: "suggestion", "aria-selected": "false", "data-testid": "follow-suggestion", "data-handle": user.handle },
    avatar(user.handle),
    h("span", { class: "user-names" }, h("span", { class: "user-name", text: user.displayName }), h("span", { class: "handle", text: `@${user.handle}` })));
  // mousedown, not click: it comes before the input's blur closes the list.
  item.addEventListener("mousedown", (event) => {
    event.preventDefault();
    choose(user.handle);
  });
  return item;
}

async function suggest(prefix) {
  const mine = ++asked;
  let users;
  try {
    users = (await api("GET", `/api/users${query({ prefix, limit: SUGGESTIONS + 1 })}`)).items;
  } catch (error) {
    // Suggestions are a convenience: without them the box still follows the handle typed.
    console.info("No handle suggestions:", error.message);
    return;
  }
  if (mine !== asked) return;
  // You cannot follow yourself, so you are not suggested.
  const me = session() && session().handle.toLowerCase();
  const shown = users.filter((u) => u.handle.toLowerCase() !== me).slice(0, SUGGESTIONS);
  if (!shown.length) {
    closeSuggestions();
    return;
  }
  box.replaceChildren(...shown.map(option));
  active = -1;
  box.hidden = false;
  input.setAttribute("aria-expanded", "true");
}

export function wireSuggestions() {
  input.addEventListener("input", () => {
    const prefix = input.value.trim().replace(/^@/, "");
    closeSuggestions();
    if (PREFIX.test(prefix)) timer = setTimeout(() => suggest(prefix), DEBOUNCE_MS);
  });
  input.addEventListener("blur", closeSuggestions);
  input.addEventListener("keydown", (event) => {
    if (box.hidden) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      highlight(active + (event.key === "ArrowDown" ? 1 : -1));
    } else if (event.key === "Enter" && active >= 0) {
      event.preventDefault();
      choose(box.children[active].dataset.handle);
    } else if (event.key === "Escape") {
      closeSuggestions();
    }
  });
}
