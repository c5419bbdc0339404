/* Month/week calendar of events (FullCalendar, vendored). No inline script:
 * configuration comes from data-* attributes on #helix-calendar. The JSON
 * feed returns wall times in the viewer's zone, so FullCalendar runs in
 * "UTC" mode and shows them unchanged. */
(function () {
  "use strict";

  function viewerZone(el) {
    if (el.dataset.timezone) {
      return el.dataset.timezone;
    }
    try {
      return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
    } catch (e) {
      return "UTC";
    }
  }

  function init() {
    var el = document.getElementById("helix-calendar");
    if (!el || typeof FullCalendar === "undefined") {
      return;
    }
    var zone = viewerZone(el);
    var label = document.getElementById("helix-calendar-zone");
    if (label) {
      label.textContent = zone;
    }
    var calendar = new FullCalendar.Calendar(el, {
      initialView: el.dataset.view || "dayGridMonth",
      initialDate: el.dataset.initialDate || undefined,
      locale: el.dataset.locale || "en-gb",
      timeZone: "UTC",
      firstDay: 1,
      height: "auto",
      nowIndicator: false,
      headerToolbar: {
        left: "prev,next today",
        center: "title",
        right: "dayGridMonth,timeGridWeek,listWeek"
      },
      eventTimeFormat: { hour: "2-digit", minute: "2-digit", hour12: false },
      events: {
        url: el.dataset.feedUrl,
        extraParams: { tz: zone }
      },
      eventDidMount: function (info) {
        if (info.event.extendedProps.status === "cancelled") {
          info.el.classList.add("helix-cancelled");
        }
        if (info.event.extendedProps.tooltip) {
          info.el.title = info.event.extendedProps.tooltip;
        }
      }
    });
    calendar.render();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
