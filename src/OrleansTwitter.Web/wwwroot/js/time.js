// Relative times ("5s", "3m", "2h", then a date), kept current by one timer for the whole page.

const TICK_MS = 1000;
const dateSameYear = new Intl.DateTimeFormat(undefined, { month: "short", day: "numeric" });
const dateOtherYear = new Intl.DateTimeFormat(undefined, { month: "short", day: "numeric", year: "numeric" });
const full = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

export function relativeTime(iso, now = Date.now()) {
  const at = new Date(iso);
  // A clock a little behind the server's would give negative ages: they are "0s".
  const seconds = Math.max(0, Math.floor((now - at.getTime()) / 1000));
  if (seconds < 60) return `${seconds}s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m`;
  if (seconds < 86400) return `${Math.floor(seconds / 3600)}h`;
  return (at.getFullYear() === new Date(now).getFullYear() ? dateSameYear : dateOtherYear).format(at);
}

/** A <time> that the page's timer keeps current. */
export function timeElement(iso) {
  const element = document.createElement("time");
  element.dateTime = iso;
  element.dataset.relative = "";
  element.title = full.format(new Date(iso));
  element.textContent = relativeTime(iso);
  return element;
}

function tick() {
  const now = Date.now();
  for (const element of document.querySelectorAll("time[data-relative]")) {
    const text = relativeTime(element.dateTime, now);
    // Only a changed text is written, so a tick costs no layout when nothing moved.
    if (element.textContent !== text) element.textContent = text;
  }
}

export function startClock() {
  setInterval(tick, TICK_MS);
}
