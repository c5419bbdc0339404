// Tell the server the browser's time zone so times can be shown in the viewer's clock.
(function () {
  var zone;
  try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone; } catch (e) { return; }
  if (!zone) { return; }
  var current = document.cookie.split("; ").find(function (c) { return c.indexOf("helix_tz=") === 0; });
  if (current !== "helix_tz=" + encodeURIComponent(zone)) {
    document.cookie = "helix_tz=" + encodeURIComponent(zone) + "; path=/; max-age=31536000; SameSite=Lax";
  }
}());
