// The review site's behaviour, for pages opened from disk: the theme
// (remembered), the language switch keeping the unit's permalink, opening
// the unit a permalink names, expand and collapse, search over the act's
// units, every unit open for printing.
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
})();
