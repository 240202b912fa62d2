// livret serve: live reload. Injected by `livret serve` into the pages it serves, never written to
// the built site. Listens to the server's events: "reload" reloads the page (keeping the scroll
// position), "css" swaps the stylesheets in place, "failed" shows the build's diagnostics over the
// last good page until the next good build.
(function () {
  "use strict";
  var key = "livret-serve-scroll:" + location.pathname;
  try {
    var saved = sessionStorage.getItem(key);
    if (saved !== null) {
      sessionStorage.removeItem(key);
      window.addEventListener("load", function () { window.scrollTo(0, Number(saved)); });
    }
  } catch (e) { /* storage unavailable: no scroll restore */ }

  var overlay = null;
  function hideOverlay() {
    if (overlay) { overlay.remove(); overlay = null; }
  }
  function showOverlay(text) {
    hideOverlay();
    overlay = document.createElement("div");
    overlay.id = "livret-serve-overlay";
    overlay.setAttribute("role", "alert");
    overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;" +
      "background:rgba(20,20,24,.94);color:#fff;font:14px/1.5 ui-monospace,monospace;padding:2rem";
    var title = document.createElement("p");
    title.style.cssText = "font:700 1.1rem system-ui,sans-serif;margin:0 0 1rem";
    title.textContent = "__FAILED_TITLE__";
    var body = document.createElement("pre");
    body.style.cssText = "white-space:pre-wrap;margin:0";
    body.textContent = text;
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = "__HIDE__";
    close.style.cssText = "margin-top:1rem;font:inherit;padding:.4rem 1rem";
    close.addEventListener("click", hideOverlay);
    overlay.append(title, body, close);
    document.body.appendChild(overlay);
  }

  var events = new EventSource("/__livret/events");
  events.addEventListener("reload", function () {
    try { sessionStorage.setItem(key, String(window.scrollY)); } catch (e) { /* no restore */ }
    location.reload();
  });
  events.addEventListener("css", function () {
    hideOverlay();
    document.querySelectorAll('link[rel="stylesheet"]').forEach(function (link) {
      var url = new URL(link.href);
      url.searchParams.set("livret-serve", String(Date.now()));
      link.href = url.href;
    });
  });
  events.addEventListener("failed", function (event) { showOverlay(event.data); });
})();
