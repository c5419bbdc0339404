/* Searchable pickers (core/picker.py): type to search, pick with a click or Enter, remove
   chips with their button or Backspace. The box's search URL answers
   {"results": [{"value", "label"}]}. Without this script the chips stay checkboxes and the
   box takes ids separated by commas. */
(function () {
  "use strict";

  var DELAY = 200;

  function text(box, name) {
    return box.getAttribute("data-" + name) || "";
  }

  function setUp(box) {
    var entry = box.querySelector(".picker-entry");
    var chips = box.querySelector(".picker-chips");
    var list = box.querySelector(".picker-results");
    var name = entry.getAttribute("name");
    var multiple = box.getAttribute("data-multiple") === "true";
    var url = box.getAttribute("data-search-url");
    var timer = null;
    var asked = 0;
    var active = -1;

    function chosen() {
      return Array.prototype.map.call(chips.querySelectorAll("input[name]"), function (input) {
        return input.value;
      });
    }

    function chip(value, label) {
      var item = document.createElement("li");
      var caption = document.createElement("span");
      var carried = document.createElement("input");
      var remove = document.createElement("button");
      item.className = "picker-chip chip";
      caption.textContent = label;
      carried.type = "hidden";
      carried.name = name;
      carried.value = value;
      remove.type = "button";
      remove.className = "btn-close";
      remove.setAttribute("aria-label", text(box, "remove").replace("%(label)s", label));
      remove.addEventListener("click", function () {
        item.remove();
        entry.focus();
      });
      item.append(caption, carried, remove);
      return item;
    }

    function options() {
      return list.querySelectorAll("[role=option]");
    }

    function close() {
      list.hidden = true;
      list.replaceChildren();
      active = -1;
      entry.setAttribute("aria-expanded", "false");
      entry.removeAttribute("aria-activedescendant");
    }

    function highlight(index) {
      var found = options();
      if (!found.length) {
        return;
      }
      active = (index + found.length) % found.length;
      Array.prototype.forEach.call(found, function (option, n) {
        option.setAttribute("aria-selected", n === active ? "true" : "false");
      });
      entry.setAttribute("aria-activedescendant", found[active].id);
      found[active].scrollIntoView({block: "nearest"});
    }

    function pick(value, label) {
      if (!multiple) {
        chips.replaceChildren();
      }
      if (chosen().indexOf(value) < 0) {
        chips.append(chip(value, label));
      }
      entry.value = "";
      close();
      entry.focus();
    }

    function note(message) {
      var item = document.createElement("li");
      item.className = "list-group-item text-body-secondary";
      item.textContent = message;
      list.replaceChildren(item);
      list.hidden = false;
    }

    function show(results) {
      var taken = chosen();
      var fresh = results.filter(function (result) {
        return taken.indexOf(result.value) < 0;
      });
      if (!fresh.length) {
        note(text(box, "no-matches"));
        return;
      }
      list.replaceChildren.apply(list, fresh.map(function (result, n) {
        var option = document.createElement("li");
        option.id = list.id + "-" + n;
        option.className = "list-group-item list-group-item-action";
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.setAttribute("data-value", result.value);
        option.textContent = result.label;
        option.addEventListener("mousedown", function (event) {
          event.preventDefault();  // keep the focus in the box
          pick(result.value, result.label);
        });
        return option;
      }));
      list.hidden = false;
      active = -1;
      entry.setAttribute("aria-expanded", "true");
    }

    function search() {
      var query = entry.value.trim();
      var mine = ++asked;
      if (!query) {
        close();
        return;
      }
      fetch(url + "?q=" + encodeURIComponent(query), {
        credentials: "same-origin", headers: {"Accept": "application/json"}
      }).then(function (response) {
        if (!response.ok) {
          throw new Error(response.status);
        }
        return response.json();
      }).then(function (body) {
        if (mine === asked) {
          show(body.results || []);
        }
      }).catch(function () {
        if (mine === asked) {
          note(text(box, "failed"));
        }
      });
    }

    Array.prototype.forEach.call(chips.querySelectorAll("li"), function (item) {
      var input = item.querySelector("input");
      var label = item.querySelector("label");
      item.replaceWith(chip(input.value, label.textContent));
    });
    entry.removeAttribute("name");  // the box searches now; the chips carry the values
    entry.setAttribute("placeholder", text(box, "search-placeholder"));
    entry.setAttribute("role", "combobox");
    entry.setAttribute("aria-autocomplete", "list");
    entry.setAttribute("aria-expanded", "false");
    entry.setAttribute("aria-controls", list.id);

    entry.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(search, DELAY);
    });
    entry.addEventListener("keydown", function (event) {
      var found = options();
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        if (list.hidden) {
          search();
        } else {
          highlight(active + (event.key === "ArrowDown" ? 1 : -1));
        }
      } else if (event.key === "Enter") {
        if (!list.hidden) {
          event.preventDefault();  // Enter picks; it never sends a half-filled form
          if (active >= 0 && found[active]) {
            pick(found[active].getAttribute("data-value"), found[active].textContent);
          } else if (found.length === 1) {
            pick(found[0].getAttribute("data-value"), found[0].textContent);
          }
        }
      } else if (event.key === "Escape") {
        if (!list.hidden) {
          event.preventDefault();
          close();
        }
      } else if (event.key === "Backspace" && !entry.value && chips.lastElementChild) {
        chips.lastElementChild.remove();
      }
    });
    entry.addEventListener("blur", function () {
      window.setTimeout(close, 150);
    });
  }

  document.querySelectorAll("[data-picker]").forEach(setUp);
})();
