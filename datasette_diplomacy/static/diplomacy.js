/* datasette-diplomacy: speaker suggestions as you type, more speaker inputs,
   and marking every piece of a quote reached through #quote-N.
   Plain JavaScript, no dependencies; every page works without it. */
(function () {
  "use strict";

  function debounce(fn, ms) {
    var timer = null;
    return function () {
      var args = arguments, self = this;
      clearTimeout(timer);
      timer = setTimeout(function () { fn.apply(self, args); }, ms);
    };
  }

  function setupPicker(form) {
    var suggestUrl = form.getAttribute("data-suggest-url");
    var list = document.getElementById("dq-speaker-options");
    var database = form.querySelector("[name=database]");
    var fieldset = form.querySelector(".dq-speaker-inputs");
    var addButton = form.querySelector(".dq-add-speaker");
    var latest = 0;

    var suggest = debounce(function (input) {
      var q = input.value.trim();
      if (!q || !suggestUrl || !list) { return; }
      var params = new URLSearchParams({ q: q, limit: "12" });
      if (database && database.value) { params.set("database", database.value); }
      var ticket = ++latest;
      fetch(suggestUrl + "?" + params.toString(), { credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (data) {
          if (!data || ticket !== latest) { return; }
          while (list.firstChild) { list.removeChild(list.firstChild); }
          data.speakers.forEach(function (s) {
            var option = document.createElement("option");
            option.value = s.name;
            var details = [s.role, s.country].filter(Boolean).join(", ");
            option.textContent = s.name + (details ? " — " + details : "") +
              " (" + s.quote_count + " quotes)";
            list.appendChild(option);
          });
        })
        .catch(function () { /* suggestions are a convenience; typing still works */ });
    }, 150);

    function watch(input) {
      input.addEventListener("input", function () { suggest(input); });
    }
    Array.prototype.forEach.call(form.querySelectorAll("[data-dq-suggest]"), watch);

    if (addButton && fieldset) {
      addButton.hidden = false;
      addButton.addEventListener("click", function () {
        var inputs = fieldset.querySelectorAll("[data-dq-suggest]");
        var copy = inputs[inputs.length - 1].cloneNode(false);
        copy.value = "";
        copy.placeholder = "Speaker " + (inputs.length + 1);
        copy.setAttribute("aria-label", copy.placeholder);
        fieldset.insertBefore(copy, addButton);
        watch(copy);
        copy.focus();
      });
    }
  }

  function markTarget() {
    Array.prototype.forEach.call(document.querySelectorAll(".dq-targeted"), function (el) {
      el.classList.remove("dq-targeted");
    });
    var match = /^#quote-(\d+)$/.exec(window.location.hash);
    if (!match) { return; }
    var pieces = document.querySelectorAll('a.dq-quote[data-quote-id="' + match[1] + '"]');
    Array.prototype.forEach.call(pieces, function (el) { el.classList.add("dq-targeted"); });
    var target = document.getElementById("quote-" + match[1]);
    if (target && target.scrollIntoView) { target.scrollIntoView({ block: "center" }); }
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("form.dq-picker"), setupPicker);
    if (document.querySelector(".dq-reader")) {
      markTarget();
      window.addEventListener("hashchange", markTarget);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
