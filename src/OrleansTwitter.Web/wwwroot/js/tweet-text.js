// A tweet's text as text nodes and links: @handles to their profiles, #hashtags to their searches,
// and http(s) addresses. Built from nodes, so the text is never parsed as HTML.
import { h, searchPath, userPath } from "./dom.js";

// Handles as API.md defines them (1-15 of [A-Za-z0-9_]) and hashtags as the search index reads
// them (# and 1-50 of the same; SearchTerms.HashtagsOf), not inside a word (an e-mail address is
// no handle, "C#" no hashtag) and not cut short (a 16-character "@name" is no handle).
// Addresses end before trailing punctuation.
const TOKENS = /(https?:\/\/[^\s<>"]*[^\s<>"'.,;:!?)\]])|(?<![A-Za-z0-9_@])@([A-Za-z0-9_]{1,15})(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])#([A-Za-z0-9_]{1,50})(?![A-Za-z0-9_])/g;

export function tweetTextNodes(text) {
  const nodes = [];
  let last = 0;
  for (const match of text.matchAll(TOKENS)) {
    if (match.index > last) nodes.push(document.createTextNode(text.slice(last, match.index)));
    const [token, url, handle, tag] = match;
    if (url) nodes.push(h("a", { href: url, class: "url", target: "_blank", rel: "noopener noreferrer nofollow ugc", text: url }));
    else if (handle) nodes.push(h("a", { href: userPath(handle), class: "mention", "data-route": true, text: token }));
    else nodes.push(h("a", { href: searchPath(`#${tag}`), class: "hashtag", "data-route": true, text: token }));
    last = match.index + token.length;
  }
  if (last < text.length) nodes.push(document.createTextNode(text.slice(last)));
  return nodes;
}
