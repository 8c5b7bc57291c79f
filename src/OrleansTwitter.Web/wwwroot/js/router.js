// Page addresses, read with the History API: "/" (sign in, or home), "/u/<handle>",
// "/u/<handle>/followers", "/u/<handle>/following" and "/search?q=". The server answers each
// with index.html (PageRoutes.cs), so they can be reloaded and shared.
import { $ } from "./dom.js";

const VIEWS = ["welcome", "home", "profile", "follows", "search", "not-found"];
let onRoute = () => {};
let generation = 0;

function decode(segment) {
  try {
    return decodeURIComponent(segment);
  } catch {
    // A malformed escape ("%E0%A4%A") names nobody; show it as it came.
    return segment;
  }
}

export function parse(url) {
  const path = url.pathname.replace(/\/+$/, "") || "/";
  if (path === "/" || path === "/index.html") return { view: "home" };
  let match = path.match(/^\/u\/([^/]+)$/);
  if (match) return { view: "profile", handle: decode(match[1]) };
  match = path.match(/^\/u\/([^/]+)\/(followers|following)$/);
  if (match) return { view: "follows", handle: decode(match[1]), list: match[2] };
  if (path === "/search") return { view: "search", q: url.searchParams.get("q") || "" };
  return { view: "unknown" };
}

/** Shows one view and hides the others. */
export function showView(id, title) {
  for (const view of VIEWS) $(view).hidden = view !== id;
  document.title = title ? `${title} · OrleansTwitter` : "OrleansTwitter";
}

/** Runs the route of the current address; isCurrent() turns false once the user has moved on. */
export function route() {
  const mine = ++generation;
  const isCurrent = () => mine === generation;
  onRoute(parse(new URL(location.href)), isCurrent);
}

export function navigate(address, { replace = false } = {}) {
  if (replace) history.replaceState(null, "", address);
  else history.pushState(null, "", address);
  window.scrollTo(0, 0);
  route();
}

export function startRouter(handler) {
  onRoute = handler;
  window.addEventListener("popstate", route);
  // Links marked data-route move within the page; a modified click (new tab, new window) is the browser's.
  document.addEventListener("click", (event) => {
    const link = event.target.closest("a[data-route]");
    if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(link.getAttribute("href"));
  });
  // The page's earlier addresses were "#/u/<handle>": old links still land on the profile.
  const legacy = location.hash.match(/^#\/u\/([^/]+)$/);
  if (legacy) history.replaceState(null, "", `/u/${legacy[1]}`);
  else if (location.hash === "#/") history.replaceState(null, "", "/");
  route();
}
