// "/search?q=": tweets that match every term, newest first, with "load more".
import { $, searchPath } from "../dom.js";
import { api, query } from "../api.js";
import { navigate, showView } from "../router.js";
import { PAGE_SIZE, TimelineView } from "../timeline.js";

let q = "";

const results = new TimelineView($("search-timeline"), $("search-empty"), $("search-more"),
  (before) => api("GET", `/api/search${query({ q, limit: PAGE_SIZE, before })}`));

// A query the API refuses (too long, too many terms) is said in place, not in a toast.
results.failed = (error) => {
  $("search-error").textContent = error.message;
  $("search-error").hidden = false;
};

export async function showSearch(terms) {
  q = terms.trim();
  $("search-input").value = terms;
  $("search-error").hidden = true;
  $("search-title").textContent = q ? `Results for “${q}”` : "Search";
  showView("search", q ? `${q} – Search` : "Search");
  if (!q) {
    results.clear();
    $("search-input").focus();
    return;
  }
  $("search-empty").textContent = `No tweets match “${q}”.`;
  await results.reset();
}

export function wireSearch() {
  $("search-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const terms = $("search-input").value.trim();
    if (terms) navigate(searchPath(terms));
  });
}
