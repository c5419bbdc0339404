/* Fill in times in the viewer's zone when the account has no zone preference:
 * <span data-viewer-time="2018-07-02T08:00:00+00:00" data-lang="zh-CN"></span>
 * becomes e.g. "10:00 CEST" using the browser's zone. Also fills hidden
 * inputs named "browser_tz" so forms can use the browser's zone. */
(function () {
  "use strict";

  function zone() {
    try {
      return Intl.DateTimeFormat().resolvedOptions().timeZone || "";
    } catch (e) {
      return "";
    }
  }

  function render(el) {
    var instant = new Date(el.getAttribute("data-viewer-time"));
    if (isNaN(instant.getTime())) {
      return;
    }
    var lang = el.getAttribute("data-lang") || document.documentElement.lang || "en-GB";
    var opts = { hour: "2-digit", minute: "2-digit", hour12: false, timeZoneName: "short" };
    if (el.hasAttribute("data-with-date")) {
      opts.weekday = "short";
      opts.day = "numeric";
      opts.month = "short";
    }
    el.textContent = new Intl.DateTimeFormat(lang, opts).format(instant);
    el.title = zone();
  }

  function init() {
    document.querySelectorAll("[data-viewer-time]").forEach(render);
    document.querySelectorAll("input[name='browser_tz']").forEach(function (input) {
      if (!input.value) {
        input.value = zone();
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
