// The review site's behaviour, for pages opened from disk: the theme
// (remembered), the language switch keeping the unit's permalink, opening
// the unit a permalink names, expand and collapse, search over the act's
// units, every unit open for printing; a reviewer's comments on units,
// kept in the browser (localStorage) until exported as the JSON file that
// `zan review import` reads: {"act", "remarks": [{"unit", "author", "date",
// "text": [paragraphs], "replies": [], "resolved": false}]}.
(function () {
  "use strict";
  var root = document.documentElement;
  var button = document.querySelector(".zan-theme");
  function dark() {
    var t = root.getAttribute("data-theme");
    return t ? t === "dark" : window.matchMedia("(prefers-color-scheme: dark)").matches;
  }
  function show() { if (button) button.setAttribute("aria-pressed", String(dark())); }
  try { var saved = localStorage.getItem("zan-theme"); if (saved) root.setAttribute("data-theme", saved); } catch (e) { /* storage off */ }
  show();
  if (button) button.addEventListener("click", function () {
    var next = dark() ? "light" : "dark";
    root.setAttribute("data-theme", next);
    try { localStorage.setItem("zan-theme", next); } catch (e) { /* storage off */ }
    show();
  });

  document.querySelectorAll("a.zan-lang").forEach(function (a) {
    a.addEventListener("click", function () {
      if (location.hash) a.setAttribute("href", a.getAttribute("href").split("#")[0] + location.hash);
    });
  });

  function reveal() {
    if (!location.hash) return;
    var el = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    for (var n = el; n; n = n.parentElement) if (n.tagName === "DETAILS") n.open = true;
    if (el) el.scrollIntoView();
  }
  window.addEventListener("hashchange", reveal);
  reveal();

  document.querySelectorAll("[data-expand]").forEach(function (b) {
    b.addEventListener("click", function () {
      var all = b.getAttribute("data-expand") === "1";
      document.querySelectorAll("details.zan-unit").forEach(function (d) {
        d.open = all || d.classList.contains("zan-touched");
      });
    });
  });
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details").forEach(function (d) { d.open = true; });
  });

  var q = document.getElementById("zan-q"), results = document.getElementById("zan-results");
  if (q && results) {
    var units = Array.prototype.slice.call(document.querySelectorAll("details[data-unit]"));
    q.addEventListener("input", function () {
      var needle = q.value.trim().toLocaleLowerCase();
      results.textContent = "";
      if (needle.length < 2) return;
      var hits = units.filter(function (u) { return u.textContent.toLocaleLowerCase().indexOf(needle) >= 0; });
      var p = document.createElement("p");
      p.textContent = hits.length ? results.getAttribute("data-found") + ": " + hits.length : results.getAttribute("data-none");
      results.appendChild(p);
      var ol = document.createElement("ol");
      hits.slice(0, 50).forEach(function (u) {
        var li = document.createElement("li"), a = document.createElement("a");
        a.href = "#" + u.id;
        a.textContent = u.querySelector(".zan-heading").textContent;
        li.appendChild(a);
        ol.appendChild(li);
      });
      if (hits.length) results.appendChild(ol);
    });
  }

  var review = document.getElementById("zan-review");
  if (review) {
    var act = review.getAttribute("data-act"), key = "zan-remarks:" + act;
    var exportButton = document.getElementById("zan-export"), count = document.getElementById("zan-count");
    var word = function (n) { return review.getAttribute("data-" + n); };
    var load = function () {
      try { return JSON.parse(localStorage.getItem(key) || "[]"); } catch (e) { return []; }
    };
    var store = function (list) {
      try { localStorage.setItem(key, JSON.stringify(list)); } catch (e) { /* storage off */ }
    };
    var element = function (tag, className, text) {
      var n = document.createElement(tag);
      if (className) n.className = className;
      if (text !== undefined) n.textContent = text;
      return n;
    };
    var today = function () {
      var d = new Date(), two = function (n) { return (n < 10 ? "0" : "") + n; };
      return d.getFullYear() + "-" + two(d.getMonth() + 1) + "-" + two(d.getDate());
    };
    var commentButton = function (unit) { return unit.querySelector(":scope > .zan-comment"); };
    var render = function () {
      document.querySelectorAll(".zan-pending").forEach(function (n) { n.remove(); });
      var list = load();
      count.textContent = String(list.length);
      exportButton.disabled = list.length === 0;
      list.forEach(function (r, i) {
        var unit = document.getElementById(r.unit);
        if (!unit || !commentButton(unit)) return;
        var box = element("article", "zan-remark zan-remark-open zan-pending");
        var head = element("p", "zan-remark-head");
        head.appendChild(element("span", "zan-remark-status", word("pending")));
        head.appendChild(document.createTextNode(" "));
        head.appendChild(element("strong", "", r.author));
        head.appendChild(document.createTextNode(" · " + r.date + " "));
        var remove = element("button", "zan-remove", word("remove"));
        remove.type = "button";
        remove.addEventListener("click", function () {
          var now = load();
          now.splice(i, 1);
          store(now);
          render();
          commentButton(unit).focus();
        });
        head.appendChild(remove);
        box.appendChild(head);
        r.text.forEach(function (p) { box.appendChild(element("p", "", p)); });
        unit.insertBefore(box, commentButton(unit));
      });
    };
    var form = function (unit) {
      var f = element("form", "zan-comment-form");
      var field = function (label, input) {
        var p = element("p"), l = element("label", "", label);
        l.appendChild(element("br"));
        l.appendChild(input);
        p.appendChild(l);
        f.appendChild(p);
        return input;
      };
      var author = field(word("author"), element("input"));
      author.name = "author";
      author.required = true;
      author.autocomplete = "name";
      try { author.value = localStorage.getItem("zan-author") || ""; } catch (e) { /* storage off */ }
      var text = field(word("text"), element("textarea"));
      text.name = "text";
      text.rows = 4;
      text.required = true;
      var actions = element("p"), save = element("button", "", word("save")), cancel = element("button", "", word("cancel"));
      save.type = "submit";
      cancel.type = "button";
      actions.appendChild(save);
      actions.appendChild(document.createTextNode(" "));
      actions.appendChild(cancel);
      f.appendChild(actions);
      cancel.addEventListener("click", function () { f.remove(); commentButton(unit).focus(); });
      f.addEventListener("submit", function (ev) {
        ev.preventDefault();
        // Paragraphs are parted by a blank line; a line break inside one is a space.
        var paragraphs = text.value.split(/\n\s*\n/).map(function (p) { return p.replace(/\s+/g, " ").trim(); })
          .filter(function (p) { return p.length > 0; });
        var who = author.value.trim();
        if (!who || !paragraphs.length) return;
        try { localStorage.setItem("zan-author", who); } catch (e) { /* storage off */ }
        var list = load();
        list.push({ unit: unit.id, author: who, date: today(), text: paragraphs, replies: [], resolved: false });
        store(list);
        f.remove();
        render();
        commentButton(unit).focus();
      });
      return f;
    };
    document.querySelectorAll(".zan-comment").forEach(function (b) {
      b.addEventListener("click", function () {
        var unit = b.parentElement, open = unit.querySelector(":scope > .zan-comment-form");
        if (!open) {
          open = form(unit);
          unit.insertBefore(open, b.nextSibling);
        }
        open.querySelector("input, textarea").focus();
      });
    });
    exportButton.addEventListener("click", function () {
      var data = JSON.stringify({ act: act, remarks: load() }, null, 2) + "\n";
      var a = element("a");
      a.href = URL.createObjectURL(new Blob([data], { type: "application/json" }));
      a.download = "remarks-" + act.replace(/[^A-Za-z0-9._-]/g, "_") + ".json";
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
    });
    window.addEventListener("storage", function (ev) { if (ev.key === key) render(); });
    render();
  }
})();
