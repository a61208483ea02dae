/*
 * Similar work beside the submission form, while the partner types.
 *
 * Progressive enhancement: without this script the same list appears as a check
 * step when the partner presses "Submit for review" (contributions/views.py). With
 * it, a pause in typing the title or summary (or a change of tags) asks
 * /contributions/similar/ for the published items like the draft and shows them in
 * #similar-matches, inside the form, so that the radio buttons marking each one
 * ("same thing", "related", "distinct") are posted with it. Marks already chosen
 * survive every refresh. The form's tag fields are named in its data-tag-fields
 * attribute, rendered from contributions.models.TAG_FIELDS.
 */
(function () {
  "use strict";

  const form = document.querySelector("form[data-similar-url]");
  const panel = document.getElementById("similar-matches");
  const status = document.getElementById("similar-status");
  if (!form || !panel || !window.fetch) {
    return;
  }
  const TAG_FIELDS = form.dataset.tagFields.split(" ");
  const FIELDS = ["title", "summary", "organisation"].concat(TAG_FIELDS);
  const TAGS = new Set(FIELDS.slice(2));
  const DELAY_MS = 400;
  const MIN_LETTERS = 4;
  let timer = null;
  let controller = null;
  let lastQuery = null;
  // Which scheduled look-up is the latest: only its end clears aria-busy.
  let generation = 0;

  function query() {
    const data = new FormData(form);
    const params = new URLSearchParams();
    params.set("kind", form.dataset.kind);
    if (form.dataset.item) {
      params.set("item", form.dataset.item);
    }
    FIELDS.forEach(function (name) {
      data.getAll(name).forEach(function (value) {
        params.append(name, value);
      });
    });
    return params.toString();
  }

  function typedLetters() {
    const title = form.elements.title ? form.elements.title.value : "";
    const summary = form.elements.summary ? form.elements.summary.value : "";
    return (title + summary).replace(/\s+/g, "").length;
  }

  function currentMarks() {
    const marks = {};
    panel.querySelectorAll("input[type=radio]:checked").forEach(function (input) {
      marks[input.name] = input.value;
    });
    return marks;
  }

  function restoreMarks(marks) {
    Object.keys(marks).forEach(function (name) {
      panel.querySelectorAll("input[type=radio]").forEach(function (input) {
        if (input.name === name && input.value === marks[name]) {
          input.checked = true;
        }
      });
    });
  }

  function done(ticket) {
    if (ticket === generation) {
      panel.removeAttribute("aria-busy");
    }
  }

  async function refresh(ticket) {
    try {
      await lookUp();
    } finally {
      done(ticket);
    }
  }

  async function lookUp() {
    if (typedLetters() < MIN_LETTERS) {
      return;
    }
    const params = query();
    if (params === lastQuery) {
      return;
    }
    lastQuery = params;
    if (controller) {
      controller.abort();
    }
    controller = new AbortController();
    let response;
    try {
      response = await fetch(form.dataset.similarUrl + "?" + params, {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
        signal: controller.signal,
      });
    } catch (error) {
      // Aborted by a newer request, or offline: the check step still runs on submit.
      return;
    }
    if (!response.ok) {
      return;
    }
    const data = await response.json();
    const marks = currentMarks();
    panel.innerHTML = data.html;
    restoreMarks(marks);
    panel.hidden = false;
    if (status) {
      status.textContent = data.message;
    }
  }

  function schedule() {
    window.clearTimeout(timer);
    generation += 1;
    const ticket = generation;
    panel.setAttribute("aria-busy", "true");
    timer = window.setTimeout(function () {
      refresh(ticket);
    }, DELAY_MS);
  }

  form.addEventListener("input", function (event) {
    const name = event.target.name;
    if (name === "title" || name === "summary") {
      schedule();
    }
  });
  form.addEventListener("change", function (event) {
    if (TAGS.has(event.target.name)) {
      schedule();
    }
  });
  // A form shown again (a draft being edited, an error) already has text to match;
  // the check step, when the server showed one, stays as it is until the next change.
  if (!panel.querySelector("input[type=radio]")) {
    schedule();
  } else {
    lastQuery = query();
  }
})();
