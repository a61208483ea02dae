/*
 * Countries grouped by region (templates/pathway/widgets/countries_by_region.html):
 * every country is a checkbox in a folding group, which works without JavaScript.
 * This shows a box that filters them as you type: the groups with a match open,
 * the others hide, and the number of matches is announced. Emptying the box brings
 * every group back as it was.
 */
(function () {
  "use strict";

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
  }

  function countText(root, count) {
    var messages;
    try {
      messages = JSON.parse(root.dataset.countMessages || "");
    } catch (error) {
      return String(count);
    }
    var which = messages.which[Math.min(count, messages.which.length - 1)];
    return messages.forms[which].replace(
      "%(n)s",
      count.toLocaleString(document.documentElement.lang || undefined)
    );
  }

  document.querySelectorAll("[data-choice-filter]").forEach(function (root) {
    var box = root.querySelector("[data-choice-filter-input]");
    var status = root.querySelector("[data-choice-filter-status]");
    var groups = Array.prototype.slice.call(root.querySelectorAll("[data-choice-group]"));
    var wasOpen = groups.map(function (group) {
      return group.open;
    });
    var items = groups.map(function (group) {
      return Array.prototype.slice.call(group.querySelectorAll("li")).map(function (item) {
        return { item: item, text: fold(item.textContent) };
      });
    });
    box.parentNode.hidden = false;

    box.addEventListener("input", function () {
      var wanted = fold(box.value);
      var total = 0;
      groups.forEach(function (group, index) {
        var found = 0;
        items[index].forEach(function (entry) {
          var match = !wanted || entry.text.indexOf(wanted) !== -1;
          entry.item.hidden = !match;
          if (match) found += 1;
        });
        total += found;
        group.hidden = wanted !== "" && found === 0;
        group.open = wanted ? found > 0 : wasOpen[index];
      });
      status.textContent = wanted ? countText(root, total) : "";
    });
  });
})();
