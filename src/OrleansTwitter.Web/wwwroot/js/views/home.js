// "/" signed in: the composer and the live home timeline.
import { $, toast } from "../dom.js";
import { api, query } from "../api.js";
import { showView } from "../router.js";
import { LiveTimeline } from "../live.js";
import { PAGE_SIZE, TimelineView } from "../timeline.js";

const MAX_TWEET = 280;
const segmenter = typeof Intl.Segmenter === "function" ? new Intl.Segmenter(undefined, { granularity: "grapheme" }) : null;

// Characters as the server counts them: text elements of the trimmed text.
function textLength(text) {
  const trimmed = text.trim();
  return segmenter ? [...segmenter.segment(trimmed)].length : [...trimmed].length;
}

export const home = new TimelineView($("home-timeline"), $("home-empty"), $("home-more"),
  (before) => api("GET", `/api/timeline${query({ limit: PAGE_SIZE, before })}`));

export const live = new LiveTimeline((tweet) => home.add(tweet, true));

export async function showHome() {
  showView("home", "Home");
  live.start();
  await home.reset();
}

const composeText = $("compose-text");

function updateCounter() {
  const left = MAX_TWEET - textLength(composeText.value);
  const counter = $("compose-counter");
  counter.textContent = String(left);
  counter.classList.toggle("warn", left >= 0 && left < 20);
  counter.classList.toggle("over", left < 0);
  $("compose-submit").disabled = left < 0 || composeText.value.trim() === "";
}

export function wireComposer() {
  composeText.addEventListener("input", updateCounter);
  composeText.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) $("compose").requestSubmit();
  });
  $("compose").addEventListener("submit", async (event) => {
    event.preventDefault();
    $("compose-submit").disabled = true;
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
  updateCounter();
}
