import BulletinCore
import BulletinResolve

/// `search/search.js`: the search page's script. No dependencies, no build step; it reads the
/// index SearchIndex writes, and splits queries exactly as SearchTokenizer splits text.
package enum SearchScript {
    package static let source = #"""
    // Bulletin search: fetches search/meta.json, then only the shards and chunks a query needs.
    (function () {
      "use strict";
      var root = document.querySelector("[data-bulletin-search]");
      if (!root || !window.fetch || !window.URLSearchParams) return;
      var base = root.getAttribute("data-index");
      var form = root.querySelector("form");
      var input = root.querySelector("input[type=search]");
      var facetBox = root.querySelector("[data-facets]");
      var status = root.querySelector("[data-status]");
      var list = root.querySelector("[data-results]");
      var maxShown = 50, maxValues = 12;
      // What the page says, in its language: the theme puts i18n.search.status.* in
      // data-text-* attributes; a theme that does not gets these English words.
      var english = {
        "prompt": "Type words to search {count} articles, or choose a filter.",
        "too-common": "\u201c{query}\u201d is in most of the {count} articles, so it finds them all: add another word, or choose a filter.",
        "none": "No articles found.", "none-for": "No articles found for \u201c{query}\u201d.",
        "one": "1 article found.", "one-for": "1 article found for \u201c{query}\u201d.",
        "other": "{count} articles found.", "other-for": "{count} articles found for \u201c{query}\u201d.",
        "more": "{count} articles found; the first {shown} are shown.",
        "more-for": "{count} articles found for \u201c{query}\u201d; the first {shown} are shown.",
        "unavailable": "Search is not available right now ({error})."
      };
      function say(key, values) {
        var text = root.getAttribute("data-text-" + key) || english[key];
        return text.replace(/\{(\w+)\}/g, function (whole, name) {
          return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
        });
      }
      var cache = {};
      var meta = null;
      root.classList.add("search-ready");

      function getJSON(name) {
        if (!cache[name]) {
          cache[name] = fetch(base + name).then(function (r) {
            if (!r.ok) throw new Error(name + ": " + r.status);
            return r.json();
          });
        }
        return cache[name];
      }

      // The same rules as SearchTokenizer.swift. For a query, a long Hangul (or Han, kana)
      // word is looked for by its two-character pieces only, so that 인터넷진흥 finds
      // 한국인터넷진흥원, which the index holds whole and in pieces.
      var wordChar = /[\p{L}\p{M}\p{N}]/u;
      function isCJK(c) {
        return (c >= 0x1100 && c <= 0x11FF) || (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3130 && c <= 0x318F) ||
          (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA960 && c <= 0xA97F) ||
          (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0xF900 && c <= 0xFAFF);
      }
      function tokens(text) {
        var out = [], run = [];
        function flush() {
          if (!run.length) return;
          if (run.length > 2 && run.some(function (ch) { return isCJK(ch.codePointAt(0)); })) {
            for (var i = 0; i + 1 < run.length; i++) out.push(run[i] + run[i + 1]);
          } else {
            out.push(run.join(""));
          }
          run = [];
        }
        Array.from(text.normalize("NFKC").toLowerCase()).forEach(function (ch) {
          if (wordChar.test(ch)) run.push(ch); else flush();
        });
        flush();
        return out;
      }
      function hex(text) {
        return Array.from(new TextEncoder().encode(text)).map(function (b) {
          return (b < 16 ? "0" : "") + b.toString(16);
        }).join("");
      }
      function shardsFor(token) {
        var chars = Array.from(token);
        if (chars.length >= 2) {
          var key = hex(chars[0] + chars[1]);
          return meta.shards.indexOf(key) >= 0 ? [key] : [];
        }
        var prefix = hex(chars[0]);
        return meta.shards.filter(function (key) { return key.indexOf(prefix) === 0; });
      }

      // Scores of the articles that have every word of the query (a word matches the words
      // it begins), weighted by how rare each word is.
      function match(query) {
        var words = tokens(query).filter(function (t, i, all) {
          return all.indexOf(t) === i && meta.stop.indexOf(t) < 0;
        });
        if (!words.length) return Promise.resolve(null);
        return Promise.all(words.map(function (word) {
          return Promise.all(shardsFor(word).map(function (key) { return getJSON("t-" + key + ".json"); }))
            .then(function (shards) {
              var scores = new Map();
              shards.forEach(function (shard) {
                Object.keys(shard).forEach(function (candidate) {
                  if (candidate.indexOf(word) !== 0) return;
                  var weight = candidate === word ? 1 : 0.5, postings = shard[candidate], doc = 0;
                  for (var i = 0; i < postings.length; i += 2) {
                    doc += postings[i];
                    var score = postings[i + 1] * weight;
                    if ((scores.get(doc) || 0) < score) scores.set(doc, score);
                  }
                });
              });
              return scores;
            });
        })).then(function (perWord) {
          var total = null;
          perWord.forEach(function (scores) {
            var idf = Math.log(1 + meta.count / Math.max(scores.size, 1));
            var next = new Map();
            scores.forEach(function (score, doc) {
              if (total === null || total.has(doc)) next.set(doc, (total ? total.get(doc) : 0) + score * idf);
            });
            total = next;
          });
          return total;
        });
      }

      function selected() {
        var chosen = {};
        meta.facets.forEach(function (facet) { chosen[facet.name] = []; });
        new URLSearchParams(location.search).forEach(function (value, key) {
          if (chosen[key] && chosen[key].indexOf(value) < 0) chosen[key].push(value);
        });
        return chosen;
      }
      function passes(doc, chosen, except) {
        return meta.facets.every(function (facet, f) {
          if (f === except || !chosen[facet.name].length) return true;
          return meta.docs[doc][f].some(function (v) { return chosen[facet.name].indexOf(facet.values[v][0]) >= 0; });
        });
      }

      function renderFacets(candidates, chosen) {
        // The boxes are made anew: the one a keyboard user just toggled gets the focus back.
        var focused = document.activeElement && facetBox.contains(document.activeElement) ?
          [document.activeElement.name, document.activeElement.value] : null;
        facetBox.textContent = "";
        meta.facets.forEach(function (facet, f) {
          var counts = new Map();
          candidates.forEach(function (doc) {
            if (!passes(doc, chosen, f)) return;
            meta.docs[doc][f].forEach(function (v) { counts.set(v, (counts.get(v) || 0) + 1); });
          });
          var values = Array.from(counts.keys()).sort(function (a, b) { return counts.get(b) - counts.get(a) || a - b; });
          var shown = values.slice(0, maxValues);
          facet.values.forEach(function (value, v) {
            if (chosen[facet.name].indexOf(value[0]) >= 0 && shown.indexOf(v) < 0) shown.push(v);
          });
          if (!shown.length) return;
          var fieldset = document.createElement("fieldset");
          var legend = document.createElement("legend");
          legend.textContent = facet.title;
          fieldset.appendChild(legend);
          var ul = document.createElement("ul");
          shown.forEach(function (v) {
            var li = document.createElement("li");
            var label = document.createElement("label");
            var box = document.createElement("input");
            box.type = "checkbox";
            box.name = facet.name;
            box.value = facet.values[v][0];
            box.checked = chosen[facet.name].indexOf(box.value) >= 0;
            box.addEventListener("change", onFacet);
            label.appendChild(box);
            // Term names in any script: isolated, so that one in Arabic cannot reorder the count.
            var name = document.createElement("bdi");
            name.textContent = facet.values[v][1];
            label.appendChild(document.createTextNode(" "));
            label.appendChild(name);
            label.appendChild(document.createTextNode(" "));
            var count = document.createElement("span");
            count.className = "count";
            count.textContent = "(" + (counts.get(v) || 0) + ")";
            label.appendChild(count);
            li.appendChild(label);
            ul.appendChild(li);
          });
          fieldset.appendChild(ul);
          facetBox.appendChild(fieldset);
        });
        if (focused) {
          var again = Array.from(facetBox.querySelectorAll("input")).filter(function (box) {
            return box.name === focused[0] && box.value === focused[1];
          })[0];
          if (again) again.focus();
        }
      }

      function renderResults(docs) {
        var chunks = {};
        docs.forEach(function (doc) { chunks[Math.floor(doc / meta.chunk)] = true; });
        return Promise.all(Object.keys(chunks).map(function (n) {
          return getJSON("docs-" + n + ".json").then(function (rows) { chunks[n] = rows; });
        })).then(function () {
          list.textContent = "";
          docs.forEach(function (doc) {
            var row = chunks[Math.floor(doc / meta.chunk)][doc % meta.chunk];
            var li = document.createElement("li");
            var h3 = document.createElement("h3");
            h3.dir = "auto";
            var a = document.createElement("a");
            a.href = row[0];
            a.textContent = row[1];
            h3.appendChild(a);
            li.appendChild(h3);
            var p = document.createElement("p");
            p.className = "meta";
            var time = document.createElement("time");
            time.dateTime = row[3];
            time.textContent = row[2];
            p.appendChild(time);
            li.appendChild(p);
            if (row[4]) {
              var summary = document.createElement("p");
              summary.dir = "auto";
              summary.textContent = row[4];
              li.appendChild(summary);
            }
            list.appendChild(li);
          });
        });
      }

      function run() {
        var params = new URLSearchParams(location.search);
        var query = (params.get("q") || "").trim();
        input.value = query;
        var chosen = selected();
        var anyFacet = meta.facets.some(function (facet) { return chosen[facet.name].length; });
        return match(query).then(function (scores) {
          var candidates;
          if (scores) {
            candidates = Array.from(scores.keys()).sort(function (a, b) { return scores.get(b) - scores.get(a) || a - b; });
          } else {
            candidates = meta.docs.map(function (_, doc) { return doc; });
          }
          renderFacets(candidates, chosen);
          var common = scores ? [] : tokens(query).filter(function (t) { return meta.stop.indexOf(t) >= 0; });
          if (!scores && !anyFacet) {
            status.textContent = common.length ?
              say("too-common", {query: query, count: meta.count}) : say("prompt", {count: meta.count});
            list.textContent = "";
            return;
          }
          var found = candidates.filter(function (doc) { return passes(doc, chosen, -1); });
          var form = found.length === 0 ? "none" : found.length === 1 ? "one" : found.length > maxShown ? "more" : "other";
          status.textContent = say(form + (query ? "-for" : ""), {count: found.length, query: query, shown: maxShown});
          return renderResults(found.slice(0, maxShown));
        }).catch(function (error) {
          status.textContent = say("unavailable", {error: error.message});
        });
      }

      function navigate(params) {
        history.replaceState(null, "", location.pathname + (params.toString() ? "?" + params : ""));
        run();
      }
      function onFacet() {
        var params = new URLSearchParams(location.search);
        var box = this;
        var values = params.getAll(box.name).filter(function (v) { return v !== box.value; });
        params.delete(box.name);
        values.forEach(function (v) { params.append(box.name, v); });
        if (box.checked) params.append(box.name, box.value);
        navigate(params);
      }
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        var params = new URLSearchParams(location.search);
        params.set("q", input.value.trim());
        if (!input.value.trim()) params.delete("q");
        navigate(params);
      });

      getJSON("meta.json").then(function (m) { meta = m; return run(); }).catch(function (error) {
        status.textContent = say("unavailable", {error: error.message});
      });
    })();

    """#
}
