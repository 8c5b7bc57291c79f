// The trends panel: the most used hashtags of the window, each a link to its search. Read again
// when the page shows another view, at most once per REFRESH_MS, and on a timer.
import { $, h, searchPath } from "./dom.js";
import { api } from "./api.js";

const REFRESH_MS = 30000;
let loadedAt = -Infinity;
let loading = false;

function windowText(seconds) {
  if (seconds % 3600 === 0) return seconds === 3600 ? "the last hour" : `the last ${seconds / 3600} hours`;
  if (seconds % 60 === 0) return `the last ${seconds / 60} minutes`;
  return `the last ${seconds} seconds`;
}

async function load() {
  if (loading) return;
  loading = true;
  const list = $("trends-list");
  const status = $("trends-status");
  try {
    const trends = await api("GET", "/api/trends");
    loadedAt = Date.now();
    list.replaceChildren(...trends.items.map((trend, index) => h("li", { class: "trend", "data-testid": "trend" },
      h("span", { class: "trend-rank", text: String(index + 1) }),
      h("a", { class: "trend-tag", href: searchPath(trend.tag), "data-route": true, text: trend.tag }),
      h("span", { class: "trend-count", text: `${trend.count.toLocaleString()} ${trend.count === 1 ? "tweet" : "tweets"}` }))));
    $("trends-window").textContent = `Hashtags of ${windowText(trends.windowSeconds)}`;
    status.textContent = "No hashtags yet. Start one: #hello";
    status.hidden = trends.items.length > 0;
  } catch (error) {
    status.textContent = `Trends are unavailable (${error.message})`;
    status.hidden = false;
  } finally {
    loading = false;
  }
}

/** Reads the trends unless they were read within REFRESH_MS. */
export function refreshTrends() {
  if (Date.now() - loadedAt >= REFRESH_MS) load();
}

/** Keeps the panel fresh while the page is visible; each route change also refreshes it. */
export function startTrends() {
  $("trends").hidden = false;
  setInterval(() => { if (!document.hidden) refreshTrends(); }, REFRESH_MS);
}
