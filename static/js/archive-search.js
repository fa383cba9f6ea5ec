// The static archive's search page: Pagefind's interface, in the language of the page (Pagefind
// reads <html lang> and searches that language's index), started with the query a search form
// sent (?q=), as the live site's search page would answer it.
(function () {
  "use strict";
  var container = document.getElementById("archive-search");
  var bundle = document.querySelector("script[src$='pagefind-ui.js']");
  if (!container || !bundle || typeof PagefindUI === "undefined") {
    return;
  }
  var search = new PagefindUI({
    element: container,
    // Pagefind's result URLs start from the archive's root, which may be a folder of the
    // host: the one holding the pagefind/ bundle.
    baseUrl: new URL("../", bundle.src).pathname,
    showSubResults: false,
    showImages: false,
    autofocus: false,
  });
  document.getElementById("archive-search-needs-script").remove();
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) {
    search.triggerSearch(query);
  }
})();
