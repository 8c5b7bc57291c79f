// Small DOM helpers. User text only ever goes in through textContent or attributes, never as HTML.

export const $ = (id) => document.getElementById(id);

/** An element with attributes and children (strings become text nodes). */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "class") element.className = value;
    else if (name === "text") element.textContent = value;
    else element.setAttribute(name, value === true ? "" : value);
  }
  element.append(...children.filter((c) => c !== null && c !== undefined));
  return element;
}

let toastTimer = 0;
export function toast(message) {
  const element = $("toast");
  element.textContent = message;
  element.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { element.hidden = true; }, 4000);
}

function avatarColor(handle) {
  let hash = 0;
  for (const c of handle.toLowerCase()) hash = (hash * 31 + c.charCodeAt(0)) >>> 0;
  return `hsl(${hash % 360} 55% 45%)`;
}

export function paintAvatar(element, handle) {
  element.textContent = handle.charAt(0);
  element.style.background = avatarColor(handle);
}

export function avatar(handle, size = "") {
  const element = h("span", { class: `avatar ${size}`.trim(), "aria-hidden": "true" });
  paintAvatar(element, handle);
  return element;
}

export function setBusy(form, busy) {
  for (const button of form.querySelectorAll("button")) button.disabled = busy;
}

export function showFormError(form, error) {
  const element = form.querySelector(".form-error");
  element.textContent = error ? error.message : "";
  element.hidden = !error;
}

/** A profile address. */
export const userPath = (handle) => `/u/${encodeURIComponent(handle)}`;

/** A search address. */
export const searchPath = (q) => `/search?q=${encodeURIComponent(q)}`;
