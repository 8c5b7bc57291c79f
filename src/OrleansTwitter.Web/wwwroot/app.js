// OrleansTwitter's page: plain JavaScript modules against the HTTP API (API.md), no framework
// and no build step. This file wires the views to the addresses (js/router.js) and the session.
import { $, setBusy, showFormError, toast, userPath } from "./js/dom.js";
import { api, onSessionChange, session, signIn, signOut } from "./js/api.js";
import { navigate, route, showView, startRouter } from "./js/router.js";
import { startClock } from "./js/time.js";
import { refreshTrends, startTrends } from "./js/trends.js";
import { closeSuggestions, wireSuggestions } from "./js/suggest.js";
import { home, live, showHome, wireComposer } from "./js/views/home.js";
import { showProfile, wireProfile } from "./js/views/profile.js";
import { showFollows, wireFollows } from "./js/views/follows.js";
import { showSearch, wireSearch } from "./js/views/search.js";
import { wireFollowBox } from "./js/views/follow-box.js";

function renderSession() {
  const me = session();
  $("session").hidden = !me;
  $("sign-in-link").hidden = !!me;
  $("follow-form").hidden = !me;
  if (me) {
    $("me-link").textContent = `@${me.handle}`;
    $("me-link").href = userPath(me.handle);
  }
}

function onRoute(where, isCurrent) {
  renderSession();
  refreshTrends();
  switch (where.view) {
    case "home":
      if (session()) showHome();
      else showView("welcome");
      break;
    case "profile":
      showProfile(where.handle, isCurrent);
      break;
    case "follows":
      showFollows(where.handle, where.list, isCurrent);
      break;
    case "search":
      showSearch(where.q);
      break;
    default:
      $("not-found-text").textContent = "This page does not exist.";
      showView("not-found", "Not found");
  }
}

onSessionChange((me, message) => {
  if (!me) {
    live.stop();
    if (message) toast(message);
    navigate("/");
  }
});

async function submitAuth(event, action) {
  event.preventDefault();
  const form = event.currentTarget;
  setBusy(form, true);
  showFormError(form, null);
  try {
    await action(form);
    form.reset();
    navigate("/");
  } catch (error) {
    showFormError(form, error);
  } finally {
    setBusy(form, false);
  }
}

$("sign-in-form").addEventListener("submit", (event) => submitAuth(event, (form) => signIn(form.handle.value.trim(), form.password.value)));
$("sign-up-form").addEventListener("submit", (event) => submitAuth(event, async (form) => {
  const handle = form.handle.value.trim();
  const displayName = form.displayName.value.trim();
  await api("POST", "/api/accounts", { handle, password: form.password.value, displayName: displayName || null });
  await signIn(handle, form.password.value);
}));
$("sign-out").addEventListener("click", () => signOut());

wireComposer();
wireProfile();
wireFollows();
wireSearch();
wireSuggestions();
wireFollowBox(async () => {
  if (!$("home").hidden) await home.reset();
  else route();
}, closeSuggestions);
startClock();
startTrends();
startRouter(onRoute);
