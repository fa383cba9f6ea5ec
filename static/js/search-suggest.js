// Progressive enhancement for search boxes that carry data-suggest-url: titles of matching
// pages are offered in a <datalist> as the visitor types. Without JavaScript the box is a
// plain search field.
(function () {
  "use strict";
  var DELAY_MS = 200;

  function enhance(input) {
    var list = document.createElement("datalist");
    list.id = input.id + "-suggestions";
    input.setAttribute("list", list.id);
    input.insertAdjacentElement("afterend", list);
    var timer = null;
    var controller = null;

    input.addEventListener("input", function () {
      clearTimeout(timer);
      var query = input.value.trim();
      if (query.length < 2) {
        list.replaceChildren();
        return;
      }
      timer = setTimeout(function () {
        if (controller) controller.abort();
        controller = new AbortController();
        var url = input.dataset.suggestUrl + "?q=" + encodeURIComponent(query);
        fetch(url, { signal: controller.signal, headers: { Accept: "application/json" } })
          .then(function (response) {
            return response.ok ? response.json() : { results: [] };
          })
          .then(function (data) {
            list.replaceChildren.apply(
              list,
              data.results.map(function (result) {
                var option = document.createElement("option");
                option.value = result.title;
                return option;
              }),
            );
          })
          .catch(function () {
            /* a failed suggestion must never disturb typing */
          });
      }, DELAY_MS);
    });
  }

  document.querySelectorAll("input[data-suggest-url]").forEach(enhance);
})();
