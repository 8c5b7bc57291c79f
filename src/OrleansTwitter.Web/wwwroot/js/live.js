// Live updates: the home timeline's server-sent events, read with fetch because EventSource
// cannot send the bearer token. Reconnects with Last-Event-ID, so no tweet is missed.
import { $ } from "./dom.js";
import { session, signOut } from "./api.js";

export class LiveTimeline {
  constructor(onTweet) {
    this.onTweet = onTweet;
    this.controller = null;
    this.lastEventId = null;
    this.retryDelay = 1000;
  }

  start() {
    if (this.controller || !session()) return;
    this.controller = new AbortController();
    this.run(this.controller.signal);
  }

  stop() {
    if (this.controller) this.controller.abort();
    this.controller = null;
    this.lastEventId = null;
    this.status("connecting");
  }

  status(state) {
    const element = $("live-status");
    element.dataset.state = state;
    element.textContent = state === "live" ? "Live" : "Connecting…";
  }

  async run(signal) {
    while (!signal.aborted && session()) {
      try {
        const headers = { Authorization: `Bearer ${session().accessToken}`, Accept: "text/event-stream" };
        if (this.lastEventId) headers["Last-Event-ID"] = this.lastEventId;
        const response = await fetch("/api/timeline/stream", { headers, signal, cache: "no-store" });
        if (response.status === 401) {
          signOut("Your session has ended; please sign in again.");
          return;
        }
        if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
        this.status("live");
        this.retryDelay = 1000;
        await this.read(response.body.getReader(), signal);
      } catch (error) {
        if (signal.aborted) return;
        // A dropped connection or a restarting server: try again after a growing delay.
        console.info("Live updates reconnecting:", error.message);
      }
      this.status("connecting");
      await new Promise((resolve) => setTimeout(resolve, this.retryDelay));
      this.retryDelay = Math.min(this.retryDelay * 2, 15000);
    }
  }

  async read(reader, signal) {
    const decoder = new TextDecoder();
    let buffer = "";
    while (!signal.aborted) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, "\n");
      let end;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        this.dispatch(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
      }
    }
  }

  dispatch(block) {
    let event = "message";
    let id = null;
    const data = [];
    for (const line of block.split("\n")) {
      if (line.startsWith(":")) continue; // a comment: the heartbeat
      const colon = line.indexOf(":");
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
      if (field === "event") event = value;
      else if (field === "data") data.push(value);
      else if (field === "id") id = value;
    }
    if (id) this.lastEventId = id;
    if (event === "tweet" && data.length) this.onTweet(JSON.parse(data.join("\n")));
  }
}
