/// The script a page gets when it is served by `bulletin serve` (never in a build): it
/// listens to the server's events, reloads the page when a rebuild changed it, and shows the
/// diagnostics of a failed rebuild over the page until the next good one.
///
/// The page carries nothing that changes when other files change, so its ETag changes only
/// when its own bytes do, and a browser may keep its copy (304). Such a copy can be from any
/// earlier moment, so the script never trusts a site version written into the page (an old
/// one in a revalidated copy would reload it again and again). It decides from what it can
/// check whenever an event arrives, the first one after connecting included:
///
/// - `data-tag`, the tag of the bytes of the page's own file, against the event's `tag`,
///   what the server would show at the page's address now: when they differ, the page has
///   changed, whenever that happened (before the stream connected, while the server was
///   down, in an event a slow browser missed). A reload gets the current bytes, so their tag
///   matches and it cannot repeat.
/// - The files a page loads (stylesheets, images) have no tag in the page: the event says
///   how long ago the last build that changed one was published, and the page reloads when
///   that was after its own response began to arrive. Every such file is requested after
///   that moment (the browser asks again every time, `no-cache`), so an older change is
///   already shown, and a newer one may not be. A reload's response begins at least a round
///   trip after the change, so it cannot repeat either. Ages need no common clock: each side
///   measures its own (the error is the difference between two network delays).
/// - The 404 page and the page shown before the first build (`data-always`) reload on any
///   change published after they were served; the last build's errors shown over a page
///   (the overlay) also reload on the next change, and merely go when the site comes back
///   as it was.
/// - When it stays, the script says so on its own element: `data-checked` is the version of
///   the event it last checked (the tests of reloading wait for it).
///
/// The stream's address ends with the page's path, so that the server can say what that
/// address shows.
enum ReloadScript {
    static let path = "/__bulletin/reload.js"
    static let eventsPath = "/__bulletin/events"

    /// The page with the script before its last `</body>` (at its end when it has none).
    /// `tag` is `PreviewResponder.pageTag` of what the page shows (nil before the first
    /// build); `always` makes any change reload it (the 404 page and the page shown before
    /// the first build, which become something else when the site changes).
    static func inject(into page: [UInt8], tag: String?, always: Bool) -> [UInt8] {
        let attributes = (tag.map { " data-tag=\"\($0)\"" } ?? "") + (always ? " data-always" : "")
        let element = Array("<script src=\"\(path)\"\(attributes)></script>".utf8)
        let end = Array("</body>".utf8)
        var at = page.count
        if page.count >= end.count {
            for start in stride(from: page.count - end.count, through: 0, by: -1)
            where page[start..<(start + end.count)].elementsEqual(end) {
                at = start
                break
            }
        }
        return Array(page[..<at]) + element + Array(page[at...])
    }

    static let source = #"""
    (function () {
      "use strict";
      var script = document.currentScript;
      if (!window.EventSource || !script) return;
      // What this page shows (the tag of its file's bytes; none before the first build),
      // and whether any change should reload it. Why no site version: see ReloadScript.swift.
      var tag = script.getAttribute("data-tag");
      var always = script.hasAttribute("data-always");
      var overlay = null;
      // Microseconds since this page's response began to arrive, on the page's own clock.
      function age() {
        var entry = performance.getEntriesByType ? performance.getEntriesByType("navigation")[0] : null;
        return (performance.now() - (entry ? entry.responseStart : 0)) * 1000;
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
      var source = new EventSource("/__bulletin/events" + location.pathname);
      source.addEventListener("state", function (event) {
        var state = JSON.parse(event.data);
        var served = age();
        function since(ago) { return ago !== null && ago < served; }
        if (!state.ok) {
          show(state.diagnostics);
        } else if (state.tag !== tag || since(state.assetsChangedAgo) || ((always || overlay) && since(state.changedAgo))) {
          // The page changed; a file it loads changed after it was served; or it must follow
          // any change (the 404 page, the page before the first build, an error shown).
          location.reload();
          return;
        } else {
          hide();
        }
        // The page has checked this version and stays: a browser test waits for this
        // rather than for time to pass.
        script.setAttribute("data-checked", String(state.version));
      });
    })();

    """#
}
