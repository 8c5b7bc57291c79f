// A list of tweets, newest first, that pages with "load more" (the page's `next` is the following
// request's `before`) and takes live tweets in id order.
import { avatar, h, toast, userPath } from "./dom.js";
import { timeElement } from "./time.js";
import { tweetTextNodes } from "./tweet-text.js";
import { displayName } from "./users.js";

export const PAGE_SIZE = 20;

export function renderTweet(tweet) {
  const profile = userPath(tweet.author);
  // The author's display name comes from their profile (one request per author, remembered);
  // until it does, and if it cannot be read, the handle stands in.
  const name = h("a", { class: "author", href: profile, "data-route": true, text: tweet.author });
  displayName(tweet.author).then((text) => { name.textContent = text; }, () => {
    // The handle beside it still says who wrote the tweet.
  });
  return h("li", { class: "tweet", "data-id": tweet.id, "data-testid": "tweet" },
    avatar(tweet.author),
    h("div", { class: "tweet-body" },
      h("div", { class: "tweet-meta" },
        name,
        h("a", { class: "author-handle", href: profile, "data-route": true, tabindex: "-1", text: `@${tweet.author}` }),
        h("span", { class: "dot", "aria-hidden": "true", text: "·" }),
        timeElement(tweet.createdAt)),
      h("p", { class: "tweet-text" }, ...tweetTextNodes(tweet.text))));
}

export class TimelineView {
  /** load(before) returns a page ({ items, next }); before is null for the first page. */
  constructor(list, empty, more, load) {
    this.list = list;
    this.empty = empty;
    this.more = more;
    this.load = load;
    this.ids = new Set();
    this.next = null;
    this.generation = 0;
    this.loading = false;
    more.addEventListener("click", () => this.loadMore());
  }

  /** Empties the list; answers still on their way (another profile, another search) are dropped. */
  clear() {
    this.generation++;
    this.loading = false;
    this.list.replaceChildren();
    this.ids.clear();
    this.next = null;
    this.more.hidden = true;
    this.empty.hidden = true;
  }

  async reset() {
    this.clear();
    await this.loadMore(true);
  }

  async loadMore(first = false) {
    if (this.loading || (!first && !this.next)) return;
    const generation = this.generation;
    this.loading = true;
    this.more.disabled = true;
    let failed = false;
    try {
      const page = await this.load(first ? null : this.next);
      if (generation !== this.generation) return;
      for (const tweet of page.items) this.add(tweet, false);
      this.next = page.next;
      this.more.hidden = !page.next;
    } catch (error) {
      failed = true;
      if (generation === this.generation) this.failed(error);
    } finally {
      if (generation === this.generation) {
        this.loading = false;
        this.more.disabled = false;
        // "Nothing here" only when the list really is empty, not when it could not be read.
        this.empty.hidden = failed || this.ids.size > 0;
      }
    }
  }

  /** What a failed load shows; a view can show it in place instead of a toast. */
  failed(error) {
    toast(error.message);
  }

  add(tweet, fresh) {
    if (this.ids.has(tweet.id)) return;
    this.ids.add(tweet.id);
    const item = renderTweet(tweet);
    if (fresh) item.classList.add("fresh");
    const id = BigInt(tweet.id);
    const before = [...this.list.children].find((child) => BigInt(child.dataset.id) < id);
    this.list.insertBefore(item, before || null);
    this.empty.hidden = true;
  }
}
