// The side panel's follow box: follow or unfollow by handle.
import { $, setBusy } from "../dom.js";
import { api, enc } from "../api.js";

/** afterChange runs after a follow or unfollow (the home timeline gains or loses tweets). */
export function wireFollowBox(afterChange, beforeSubmit = () => {}) {
  $("follow-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const form = event.currentTarget;
    const action = event.submitter ? event.submitter.dataset.action : "follow";
    const handle = form.handle.value.trim().replace(/^@/, "");
    const status = $("follow-status");
    if (!handle) return;
    beforeSubmit();
    setBusy(form, true);
    try {
      await api(action === "follow" ? "PUT" : "DELETE", `/api/users/me/following/${enc(handle)}`);
      status.textContent = action === "follow" ? `You follow @${handle}.` : `You no longer follow @${handle}.`;
      status.className = "form-status ok";
      form.reset();
      await afterChange();
    } catch (error) {
      status.textContent = error.message;
      status.className = "form-status error";
    } finally {
      status.hidden = false;
      setBusy(form, false);
    }
  });
}
