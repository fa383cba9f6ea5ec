// Enhancements for every page; each part leaves the page as it was when its elements are
// missing, and everything works without this file.
(function () {
  "use strict";

  // The header's "Menu" link (it opens #site-menu by :target) becomes a button that opens
  // and closes the menu in place, saying so to assistive technology.
  function enhanceMenu() {
    var link = document.querySelector("[data-menu-toggle]");
    var menu = document.getElementById("site-menu");
    if (!link || !menu) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = link.className;
    button.innerHTML = link.innerHTML;
    button.setAttribute("aria-controls", menu.id);
    button.setAttribute("aria-expanded", "false");
    link.replaceWith(button);
    var close = menu.querySelector("[data-menu-close]");
    if (close) close.remove();
    button.addEventListener("click", function () {
      var open = !menu.classList.contains("is-open");
      menu.classList.toggle("is-open", open);
      button.setAttribute("aria-expanded", String(open));
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && menu.classList.contains("is-open")) {
        menu.classList.remove("is-open");
        button.setAttribute("aria-expanded", "false");
        button.focus();
      }
    });
  }

  // Filters fold into a closed <details> on phones; on wide screens CSS shows them anyway
  // (::details-content), and where it cannot, they are opened here.
  function openFiltersOnWideScreens() {
    if (!window.matchMedia("(min-width: 60rem)").matches) return;
    document.querySelectorAll("details.filters").forEach(function (details) {
      details.open = true;
    });
  }

  // A city list grouped by country (<optgroup>) shows only the chosen country's cities.
  function narrowCitiesToCountry() {
    document.querySelectorAll("select[data-country-select]").forEach(function (country) {
      var city = document.getElementById(country.dataset.countrySelect);
      if (!city) return;
      function narrow() {
        var chosen = country.selectedOptions[0];
        var name = chosen && chosen.value ? chosen.textContent.trim() : null;
        city.querySelectorAll("optgroup").forEach(function (group) {
          var shown = !name || group.label === name;
          group.hidden = !shown;
          group.disabled = !shown;
        });
        var selected = city.selectedOptions[0];
        if (selected && selected.parentElement.disabled) city.value = "";
      }
      country.addEventListener("change", narrow);
      narrow();
    });
  }

  enhanceMenu();
  openFiltersOnWideScreens();
  narrowCitiesToCountry();
})();
