// Parse iCalendar data from stdin with Mozilla's ical.js and print what a client sees.
//
// Output (JSON on stdout): {method, name, timezones, events: [{uid, summary, status,
// sequence, start_utc, end_utc, start_tzid, ...}]}. Times are converted to UTC by ical.js
// itself, using only the VTIMEZONE definitions found in the input (the global timezone
// service stays empty), so a wrong VTIMEZONE shows up as a wrong UTC time.
// Exit status 1 with {"error": ...} when the input does not parse.
import ICAL from "ical.js";

function readStdin() {
  return new Promise((resolve, reject) => {
    const chunks = [];
    process.stdin.on("data", (chunk) => chunks.push(chunk));
    process.stdin.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    process.stdin.on("error", reject);
  });
}

function utc(time) {
  if (!time) return null;
  const inUtc = time.convertToZone(ICAL.Timezone.utcTimezone);
  return inUtc.toString().replace(/Z?$/, "Z");
}

function describe(vevent) {
  const event = new ICAL.Event(vevent);
  const text = (name) => vevent.getFirstPropertyValue(name);
  return {
    uid: event.uid,
    summary: event.summary,
    description: event.description,
    location: event.location,
    status: text("status"),
    sequence: event.sequence,
    start_utc: utc(event.startDate),
    end_utc: utc(event.endDate),
    start_tzid: event.startDate ? event.startDate.zone.tzid : null,
    end_tzid: event.endDate ? event.endDate.zone.tzid : null,
    dtstamp: utc(text("dtstamp")),
    url: text("url"),
    categories: vevent.getAllProperties("categories").flatMap((p) => p.getValues()),
    conference: vevent.getAllProperties("conference").map((p) => p.getFirstValue()),
    organizer: text("organizer"),
    attendees: vevent.getAllProperties("attendee").map((p) => p.getFirstValue()),
    geo: text("geo"),
  };
}

async function main() {
  const data = await readStdin();
  let root;
  try {
    root = new ICAL.Component(ICAL.parse(data));
  } catch (error) {
    process.stdout.write(JSON.stringify({ error: String(error) }));
    process.exit(1);
  }
  const result = {
    method: root.getFirstPropertyValue("method"),
    name: root.getFirstPropertyValue("name") || root.getFirstPropertyValue("x-wr-calname"),
    refresh_interval: String(root.getFirstPropertyValue("refresh-interval") ?? ""),
    timezones: root.getAllSubcomponents("vtimezone").map((c) => c.getFirstPropertyValue("tzid")),
    events: root.getAllSubcomponents("vevent").map(describe),
  };
  process.stdout.write(JSON.stringify(result));
}

main();
