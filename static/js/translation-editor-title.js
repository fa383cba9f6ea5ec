// wagtail-localize's translation editor heads its segments "<Source> to <Target> translation",
// words its script writes in English whatever the admin's language. This writes, in their
// place, the heading network/wagtail_hooks.py gives in data-title, in the admin's language.
// Delete it (and the hook) when wagtail-localize translates that heading.
(function () {
  "use strict";
  var script = document.currentScript;
  var editor = document.querySelector(".js-translation-editor[data-props]");
  if (!script || !editor) return;
  var props = JSON.parse(editor.dataset.props);
  var source = props.sourceLocale.displayName;
  var target = props.locale.displayName;
  var english = source + " to " + target + " translation";
  var title = script.dataset.title.replace("%(source)s", source).replace("%(target)s", target);
  if (title === english) return;

  function retitle() {
    editor.querySelectorAll("h3").forEach(function (heading) {
      if (heading.textContent === english) heading.textContent = title;
    });
  }
  // The editor renders after this script runs, and again as it changes.
  new MutationObserver(retitle).observe(editor, { childList: true, subtree: true });
  retitle();
})();
