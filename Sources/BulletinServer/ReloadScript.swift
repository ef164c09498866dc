/// The script a page gets when it is served by `bulletin serve` (never in a build): it
/// listens to the server's events, reloads the page when a rebuild changed it, and shows the
/// diagnostics of a failed rebuild over the page until the next good one.
enum ReloadScript {
    static let path = "/__bulletin/reload.js"
    static let eventsPath = "/__bulletin/events"

    /// The page with the script before its last `</body>` (at its end when it has none).
    /// `version` is the site version the page comes from; `always` makes any new version
    /// reload it (the 404 page and the page shown before the first build, which become
    /// something else when the site changes).
    static func inject(into page: [UInt8], version: Int, always: Bool) -> [UInt8] {
        let tag = Array("<script src=\"\(path)\" data-version=\"\(version)\"\(always ? " data-always" : "")></script>".utf8)
        let end = Array("</body>".utf8)
        var at = page.count
        if page.count >= end.count {
            for start in stride(from: page.count - end.count, through: 0, by: -1)
            where page[start..<(start + end.count)].elementsEqual(end) {
                at = start
                break
            }
        }
        return Array(page[..<at]) + tag + Array(page[at...])
    }

    static let source = #"""
    (function () {
      "use strict";
      var script = document.currentScript;
      if (!window.EventSource || !script) return;
      // The site version this page was served from, and whether any change should reload it.
      var version = Number(script.getAttribute("data-version"));
      var always = script.hasAttribute("data-always");
      var overlay = null;
      function ownPath() {
        var path = decodeURIComponent(location.pathname).replace(/^\//, "");
        return path === "" || path.slice(-1) === "/" ? path + "index.html" : path;
      }
      function show(text) {
        if (!overlay) {
          overlay = document.createElement("div");
          overlay.id = "bulletin-overlay";
          overlay.setAttribute("role", "alertdialog");
          overlay.setAttribute("aria-modal", "true");
          overlay.setAttribute("aria-labelledby", "bulletin-overlay-title");
          overlay.tabIndex = -1;
          overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;padding:2rem;" +
            "background:rgba(20,20,24,.96);color:#f4f4f4;font:14px/1.5 ui-monospace,Menlo,Consolas,monospace";
          var title = document.createElement("h2");
          title.id = "bulletin-overlay-title";
          title.style.cssText = "margin:0 0 1rem;font:600 18px system-ui,sans-serif;color:#ffb4a9";
          title.textContent = "The last change did not build. Below it, the page is the last good version.";
          var pre = document.createElement("pre");
          pre.style.cssText = "white-space:pre-wrap;margin:0";
          overlay.appendChild(title);
          overlay.appendChild(pre);
          document.body.appendChild(overlay);
          overlay.focus();
        }
        overlay.querySelector("pre").textContent = text;
      }
      function hide() {
        if (overlay) { overlay.remove(); overlay = null; }
      }
      var first = true;
      var source = new EventSource("/__bulletin/events");
      source.addEventListener("state", function (event) {
        var state = JSON.parse(event.data);
        var missed = first;
        first = false;
        if (!state.ok) { show(state.diagnostics); return; }
        if (state.version === version) { hide(); return; }
        var mine = ownPath();
        var touched = state.changed.some(function (path) {
          return path === mine || !/\.(html|xml|json|txt)$/.test(path);
        });
        // A page reloads when it changed, when something it loads changed (a stylesheet, an
        // image), when it showed an error, or when it may have missed an update.
        if (always || missed || touched || overlay) { location.reload(); return; }
        version = state.version;
      });
    })();

    """#
}
