// Tell the server the browser's time zone so times are shown in the viewer's clock.
// The page says which zone it used (data-viewer-tz) and whether it came from the user's
// saved preference; when the browser's zone differs and no preference is saved, the zone
// is stored in a cookie and the page is shown again once, with the right times.
(function () {
  var zone;
  try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone; } catch (e) { return; }
  if (!zone) { return; }
  var body = document.body;
  var cookie = "helix_tz=" + encodeURIComponent(zone);
  if (document.cookie.split("; ").indexOf(cookie) === -1) {
    document.cookie = cookie + "; path=/; max-age=31536000; SameSite=Lax";
  }
  var stored = document.cookie.split("; ").indexOf(cookie) !== -1;
  var guard = "helix_tz_reloaded:" + zone;
  if (stored && body.dataset.viewerTzSource !== "user" && body.dataset.viewerTz !== zone &&
      !window.sessionStorage.getItem(guard)) {
    window.sessionStorage.setItem(guard, "1");  // at most one reload per zone and tab
    window.location.reload();
  }
}());
