/*
 * The library's filters are folded into "Filter (n)" so that the results come first
 * on a phone. On a screen wide enough to show them beside the results, unfold them.
 * Without JavaScript they stay folded and open with a click.
 */
(function () {
  "use strict";
  var wide = window.matchMedia("(min-width: 56rem)");
  var folds = document.querySelectorAll("details[data-open-on-wide-screens]");
  function follow() {
    folds.forEach(function (details) {
      details.open = wide.matches;
    });
  }
  follow();
  wide.addEventListener("change", follow);
})();
