/*
 * Country boxes that filter every country as you type.
 *
 * Progressive enhancement of pathway/_country_options.html: without this script a
 * country box is a text input with a <datalist> of every country, and the server
 * reads a name or code (pathway/countries.py). With it, each [data-country-picker]
 * box becomes an ARIA 1.2 combobox: a list box under the input shows the countries
 * whose name (accents and case ignored) or code starts with what was typed, or has
 * a word starting with it. Arrow keys move through the list, Enter or a tap picks a
 * country, Escape closes the list; a polite status says how many countries match.
 */
(function () {
  "use strict";

  // pathway/templatetags/country_picker.py words the status for up to this many.
  const MAX_SHOWN = 50;
  let counter = 0;

  function fold(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/ł/g, "l").replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  }

  function score(option, typed) {
    if (option.code.toLowerCase() === typed) return 0;
    if (option.key.startsWith(typed)) return 1;
    if ((" " + option.key).includes(" " + typed)) return 2;
    if (option.key.includes(typed)) return 3;
    return -1;
  }

  // The status in the page's language: the server gives each count's plural form
  // (core/plurals.py), since a language's plural rule is not English "one/many".
  function countMessages(picker) {
    try {
      return JSON.parse(picker.dataset.countMessages || "");
    } catch (error) {
      return null;
    }
  }

  function enhance(picker) {
    const input = picker.querySelector(".country-picker__input");
    const datalist = input && document.getElementById(input.getAttribute("list"));
    if (!datalist) return;
    counter += 1;
    const listId = "country-list-" + counter;
    const options = Array.from(datalist.options).map(function (option) {
      return { name: option.value, code: option.label, key: fold(option.value) };
    });

    const listbox = document.createElement("ul");
    listbox.id = listId;
    listbox.className = "country-picker__list";
    listbox.setAttribute("role", "listbox");
    const label = document.querySelector('label[for="' + input.id + '"]');
    if (label) {
      if (!label.id) label.id = input.id + "-label";
      listbox.setAttribute("aria-labelledby", label.id);
    }
    listbox.hidden = true;
    const status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    input.insertAdjacentElement("afterend", listbox);
    listbox.insertAdjacentElement("afterend", status);

    input.removeAttribute("list");
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", listId);
    input.setAttribute("aria-expanded", "false");

    const messages = countMessages(picker);

    function matchesMessage(count) {
      if (!messages) return String(count);
      const which = messages.which[Math.min(count, messages.which.length - 1)];
      return messages.forms[which].replace("%(n)s", count.toLocaleString(document.documentElement.lang || undefined));
    }

    let shown = [];
    let active = -1;

    function close() {
      listbox.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(index) {
      const items = listbox.children;
      if (active >= 0 && items[active]) items[active].setAttribute("aria-selected", "false");
      active = index;
      if (active >= 0 && items[active]) {
        items[active].setAttribute("aria-selected", "true");
        input.setAttribute("aria-activedescendant", items[active].id);
        items[active].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function pick(index) {
      const option = shown[index];
      if (!option) return;
      // Several countries may be typed, separated by commas: the last one is replaced.
      const parts = input.value.split(/[,;]/);
      parts[parts.length - 1] = (parts.length > 1 ? " " : "") + option.name;
      input.value = parts.join(",");
      close();
      status.textContent = option.name + " (" + option.code + ")";
      input.focus();
    }

    function update() {
      const last = input.value.split(/[,;]/).pop();
      const typed = fold(last);
      listbox.textContent = "";
      if (!typed) {
        shown = [];
        close();
        status.textContent = "";
        return;
      }
      shown = options
        .map(function (option) { return [score(option, typed), option]; })
        .filter(function (pair) { return pair[0] >= 0; })
        .sort(function (a, b) { return a[0] - b[0] || a[1].key.localeCompare(b[1].key); })
        .slice(0, MAX_SHOWN)
        .map(function (pair) { return pair[1]; });
      shown.forEach(function (option, index) {
        const item = document.createElement("li");
        item.id = listId + "-" + index;
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", "false");
        item.textContent = option.name + " ";
        const code = document.createElement("span");
        code.className = "country-picker__code";
        code.textContent = option.code;
        item.appendChild(code);
        // mousedown, not click: the input keeps focus, so the list does not close first.
        item.addEventListener("mousedown", function (event) {
          event.preventDefault();
          pick(index);
        });
        listbox.appendChild(item);
      });
      active = -1;
      input.removeAttribute("aria-activedescendant");
      listbox.hidden = shown.length === 0;
      input.setAttribute("aria-expanded", shown.length ? "true" : "false");
      status.textContent = matchesMessage(shown.length);
    }

    input.addEventListener("input", update);
    input.addEventListener("keydown", function (event) {
      const open = !listbox.hidden;
      if (event.key === "ArrowDown") {
        event.preventDefault();
        if (!open) update();
        if (shown.length) highlight(Math.min(active + 1, shown.length - 1));
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        if (open && shown.length) highlight(Math.max(active - 1, 0));
      } else if (event.key === "Enter" && open && active >= 0) {
        event.preventDefault();
        pick(active);
      } else if (event.key === "Escape" && open) {
        event.preventDefault();
        close();
      } else if (event.key === "Tab" && open) {
        close();
      }
    });
    input.addEventListener("blur", close);
  }

  document.querySelectorAll("[data-country-picker]").forEach(enhance);
})();
