/* The header's menu, made a little friendlier; without this script it still works.
 *
 * The menu is a disclosure (<details>): closed behind one button on a phone, shown in the header
 * band on a wider screen by the stylesheet (::details-content). Where a browser lacks that, this
 * script opens it on a wide screen. A part of the menu (a drop-down list) closes when another
 * opens, on a click elsewhere and on Escape, which gives the focus back to its button.
 */
(function () {
  "use strict";

  var nav = document.querySelector("[data-site-nav]");
  if (!nav) return;
  var wide = window.matchMedia("(min-width: 40em)");
  var shownByCss = window.CSS && CSS.supports && CSS.supports("selector(::details-content)");
  function fit() {
    if (!shownByCss && wide.matches) nav.open = true;
  }
  fit();
  wide.addEventListener("change", fit);

  var parts = Array.prototype.slice.call(nav.querySelectorAll(".menu-part"));
  function closeAll(except) {
    parts.forEach(function (part) {
      if (part !== except) part.open = false;
    });
  }
  parts.forEach(function (part) {
    part.addEventListener("toggle", function () {
      if (part.open) closeAll(part);
    });
  });
  document.addEventListener("click", function (event) {
    if (wide.matches && !event.target.closest(".menu-part")) closeAll(null);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var open = parts.filter(function (part) { return part.open; })[0];
    if (!open) return;
    open.open = false;
    open.querySelector("summary").focus();
  });
})();
