// MirrorSense live page: consent first, then server-sent events drive the meters, the skeleton overlay,
// the conversation panel and the capture panel. Plain DOM, no framework: the page must run offline as shipped.
"use strict";

const CHANNELS = [
  { id: "posture", name: "Posture mirroring", help: "how much your body positions mirror each other" },
  { id: "gesture", name: "Gesture timing", help: "how your movements rise and fall together" },
  { id: "smiles", name: "Shared smiles", help: "how one of you smiles within seconds of the other", faces: true },
  { id: "tone", name: "Voice tone", help: "how your pitch rises and falls together" },
  { id: "tempo", name: "Speaking tempo", help: "how your speaking rates match" },
  { id: "volume", name: "Voice volume", help: "how the loudness of your turns matches your partner's before" },
  { id: "inflection", name: "Voice liveliness", help: "how lively your pitch is, turn for turn, against your partner's" },
];

// Plain words for each state; colour is never the only signal. Only overshoot is a warning: above the usual
// range is more coordination than usual (good), below it is an invitation to echo a little more.
const STATES = {
  no_data: "No reading",
  calibrating: "Learning your range",
  low: "Below your usual",
  in_band: "In your range",
  high: "Above your usual",
  overshoot: "Too exact: ease off",
};

const PEOPLE = { A: "#0b6fb8", B: "#d97a00" };
const TREND_SECONDS = 120;
const VISIBLE = 0.5;

const body = document.body;
const bones = JSON.parse(body.dataset.bones || "[]");
const cuesOn = body.dataset.cues === "on";
const $ = (id) => document.getElementById(id);

// ---- consent ---------------------------------------------------------------------------------------------

function initConsent() {
  const a = $("agree-a"), b = $("agree-b"), start = $("start"), error = $("consent-error");
  const refresh = () => { start.disabled = !(a.checked && b.checked); };
  a.addEventListener("change", refresh);
  b.addEventListener("change", refresh);
  $("consent-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    start.disabled = true;
    try {
      const response = await fetch("/consent", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ agree_a: a.checked, agree_b: b.checked }),
      });
      if (!response.ok) throw new Error(await response.text() || response.statusText);
      goLive();
    } catch (e) {
      error.textContent = "Could not start: " + e.message;
      error.hidden = false;
      refresh();
    }
  });
  fetch("/consent").then((r) => r.json()).then((s) => { if (s.given) goLive(); }).catch(() => {});
}

function goLive() {
  if (!$("live").hidden) return;
  $("consent").hidden = true;
  $("live").hidden = false;
  if (!cuesOn) $("cue").remove();
  buildMeters();
  connect();
  streamVideo();
  requestAnimationFrame(frame);
}

// ---- meters ----------------------------------------------------------------------------------------------

const meters = {};

function buildMeters() {
  const host = $("meters");
  for (const channel of CHANNELS) {
    const el = document.createElement("article");
    el.className = "meter";
    el.dataset.channel = channel.id;
    el.dataset.state = "no_data";
    el.dataset.updates = "0";
    // A face meter appears once the session has faces to read.
    el.hidden = Boolean(channel.faces);
    el.innerHTML = `
      <header><h2></h2><span class="state"></span></header>
      <div class="reading">
        <span class="index">–</span>
        <div class="bar" role="meter" aria-valuemin="0" aria-valuemax="100"><div class="fill"></div><div class="chance"></div></div>
      </div>
      <div class="details"><span class="confidence">confidence –</span><span class="leader"></span></div>
      <div class="trend-box"><canvas class="trend" aria-label="Last two minutes"></canvas><span class="trend-label">last 2 min</span></div>`;
    el.querySelector("h2").textContent = channel.name;
    el.querySelector("h2").title = channel.help;
    host.appendChild(el);
    meters[channel.id] = {
      el,
      index: el.querySelector(".index"),
      bar: el.querySelector(".bar"),
      fill: el.querySelector(".fill"),
      state: el.querySelector(".state"),
      confidence: el.querySelector(".confidence"),
      leader: el.querySelector(".leader"),
      trend: el.querySelector(".trend"),
      history: [],
    };
  }
}

function showChannel(reading, time) {
  const m = meters[reading.channel];
  if (!m) return;
  m.el.hidden = false;
  const hasIndex = reading.index !== null;
  const confidence = reading.confidence ?? 0;
  m.el.dataset.state = reading.state;
  m.el.dataset.updates = String(Number(m.el.dataset.updates) + 1);
  m.index.textContent = hasIndex ? Math.round(reading.index) : "–";
  m.fill.style.width = hasIndex ? `${clamp(reading.index, 0, 100)}%` : "0%";
  // Low confidence shows as a faint, hatched bar: the number is there but should not be trusted much.
  m.fill.style.opacity = String(0.25 + 0.75 * confidence);
  m.fill.classList.toggle("unsure", confidence < 0.5);
  m.bar.setAttribute("aria-valuenow", hasIndex ? String(Math.round(reading.index)) : "");
  m.state.textContent = STATES[reading.state] ?? reading.state;
  m.confidence.textContent = `confidence ${Math.round(confidence * 100)} %`;
  m.leader.textContent = leaderText(reading);
  m.history.push([time, hasIndex ? reading.index : null, confidence]);
  m.dirty = true;
  while (m.history.length && m.history[0][0] < time - TREND_SECONDS) m.history.shift();
}

function leaderText(reading) {
  if (!reading.leader || reading.lag_s === null) return hasData(reading) ? "nobody leads" : "";
  const lag = Math.abs(reading.lag_s);
  if (lag < 0.05) return "in step";
  return `${reading.leader} leads by ${lag.toFixed(1)} s`;
}

const hasData = (reading) => reading.index !== null;

function drawTrend(m) {
  const canvas = m.trend;
  const ctx = sized(canvas);
  const w = canvas.width, h = canvas.height;
  ctx.clearRect(0, 0, w, h);
  const y = (v) => h - 2 - (v / 100) * (h - 4);
  ctx.strokeStyle = "#8a8f98";
  ctx.setLineDash([4, 4]);
  ctx.lineWidth = 1;
  ctx.beginPath(); ctx.moveTo(0, y(50)); ctx.lineTo(w, y(50)); ctx.stroke();
  ctx.setLineDash([]);
  if (!m.history.length) return;
  // The line grows from the left edge during the first two minutes, then scrolls.
  const end = m.history[m.history.length - 1][0];
  const left = Math.max(m.history[0][0], end - TREND_SECONDS);
  const x = (t) => ((t - left) / TREND_SECONDS) * w;
  ctx.strokeStyle = "#1b1f24";
  ctx.lineWidth = 2 * devicePixelRatio;
  ctx.beginPath();
  let drawing = false;
  for (const [t, v] of m.history) {
    if (v === null) { drawing = false; continue; }
    if (drawing) ctx.lineTo(x(t), y(v)); else ctx.moveTo(x(t), y(v));
    drawing = true;
  }
  ctx.stroke();
}

// ---- conversation ----------------------------------------------------------------------------------------

function showConversation(c) {
  speaking("speaking-a", c.speaking_a);
  speaking("speaking-b", c.speaking_b);
  if (c.talk_share_a === null) {
    $("share-a").style.width = "50%";
    $("share-b").style.width = "50%";
    $("share-text").textContent = "Nobody has spoken yet";
  } else {
    const a = Math.round(c.talk_share_a * 100);
    $("share-a").style.width = `${a}%`;
    $("share-b").style.width = `${100 - a}%`;
    $("share-text").textContent = `Talk share: A ${a} % · B ${100 - a} %`;
  }
  $("monologue").textContent = c.longest_monologue_by
    ? `${formatDuration(c.longest_monologue_s)} by ${c.longest_monologue_by}` : "–";
  $("interruptions").textContent = `A ${c.interruptions_a} · B ${c.interruptions_b}`;
  $("backchannels").textContent = `A ${c.backchannels_a} · B ${c.backchannels_b}`;
}

function speaking(id, on) {
  const el = $(id);
  el.dataset.on = String(on);
  el.querySelector(".speaking-word").textContent = on ? "speaking" : "quiet";
}

// ---- attention -------------------------------------------------------------------------------------------

function showAttention(a) {
  const panel = $("attention");
  panel.hidden = false;
  panel.dataset.updates = String(Number(panel.dataset.updates) + 1);
  attentionOf("attention-a", a.looking_share_a, a.looking_a, a.read_share_a, a.nods_while_listening_a, a.listening_seconds_a, "B");
  attentionOf("attention-b", a.looking_share_b, a.looking_b, a.read_share_b, a.nods_while_listening_b, a.listening_seconds_b, "A");
}

function attentionOf(id, share, now, read, nods, listening, partner) {
  const el = $(id);
  const known = share !== null;
  const fill = el.querySelector(".look-fill");
  fill.style.width = known ? `${Math.round(100 * share)}%` : "0%";
  // A share read on little of the span is faint, as a meter with low confidence.
  fill.style.opacity = String(0.25 + 0.75 * clamp(read, 0, 1));
  el.querySelector(".look-bar").setAttribute("aria-valuenow", known ? String(Math.round(100 * share)) : "");
  el.querySelector(".look-share").textContent = known ? `${Math.round(100 * share)} %` : "–";
  const look = el.querySelector(".look-now");
  look.dataset.looking = String(now === true);
  look.textContent = now === null ? "face not seen" : now ? `looking at ${partner}` : "looking away";
  const perMinute = listening >= 30 ? ` (${(nods / (listening / 60)).toFixed(1)} a minute)` : "";
  el.querySelector(".nods").textContent = listening > 0
    ? `${nods} nod${nods === 1 ? "" : "s"} while ${partner} spoke${perMinute}` : `no nods counted yet: ${partner} has not spoken`;
}

// ---- capture health and latency --------------------------------------------------------------------------

const delays = [];
// A delay beyond this is not latency but two clocks that disagree (the page's and the capture machine's).
const PLAUSIBLE_DELAY_MS = 30000;

function noteDelay(capturedMs) {
  if (capturedMs === null || capturedMs === undefined) return;
  delays.push(Date.now() - capturedMs);
  if (delays.length > 20) delays.shift();
  const sorted = [...delays].sort((p, q) => p - q);
  const median = sorted[Math.floor(sorted.length / 2)];
  $("latency").textContent = Math.abs(median) > PLAUSIBLE_DELAY_MS ? "unknown (clocks differ)" : `${Math.round(median)} ms`;
}

function showHealth(h) {
  $("pose-latency").textContent = h.pose_latency_ms === null ? "–" : `${Math.round(h.pose_latency_ms)} ms per frame`;
  const share = h.frames_captured > 0 ? (100 * h.frames_dropped / h.frames_captured).toFixed(1) : "0.0";
  $("dropped").textContent = `${h.frames_dropped} of ${h.frames_captured} (${share} %)`;
  if (body.dataset.faces) {
    const estimated = h.frames_captured - h.frames_dropped;
    const putOff = estimated > 0 ? (100 * h.faces_put_off / estimated).toFixed(1) : "0.0";
    $("faces-put-off").textContent = `${h.faces_put_off} of ${estimated} (${putOff} %)`;
    for (const el of document.querySelectorAll(".faces-only")) el.hidden = false;
  }
  const list = $("sources");
  list.replaceChildren(...h.sources.map((s) => {
    const li = document.createElement("li");
    li.dataset.live = String(s.live);
    li.textContent = `${s.kind === "camera" ? "Camera" : "Microphone"} ${s.name}: ${s.live ? "working" : "not working"}`
      + (s.problem ? ` (${s.problem})` : "");
    return li;
  }));
}

// ---- cues ------------------------------------------------------------------------------------------------

let cueTimer = 0;

function showCue(cue) {
  const el = $("cue");
  if (!el) return;
  clearTimeout(cueTimer);
  el.textContent = cue.text;
  el.dataset.kind = cue.kind;
  el.dataset.shown = String(Number(el.dataset.shown) + 1);
  el.classList.remove("fading");
  el.classList.add("visible");
  cueTimer = setTimeout(() => {
    el.classList.add("fading");
    cueTimer = setTimeout(() => { el.classList.remove("visible", "fading"); el.textContent = ""; }, 1000);
  }, cue.show_for_s * 1000);
}

// ---- video and skeletons --------------------------------------------------------------------------------

// Pictures (up to 12/s) and skeletons (up to 15/s) travel separately, and a picture's skeletons come later, after
// pose estimation. So the page keeps the last seconds of skeletons, holds each picture briefly until the skeletons
// of its moment have arrived, and draws a picture with the skeletons nearest to it in media time.
const POSE_HISTORY_S = 2;
const SAME_MOMENT_S = 0.1;
// A skeleton further than this from the picture says nothing about it (say, the video stalled): none is drawn.
const UNRELATED_S = 1;
// Between the two, the nearest skeleton is drawn faded rather than not at all: a busy pose stage estimates only a
// few frames a second, and blanking would make the figures and their A/B letters blink exactly then.
const APPROXIMATE_OPACITY = 0.35;
// The video must stay live: a picture waits no longer than this for its skeletons, and not at all once none come.
const MAX_HOLD_MS = 250;
const POSES_STOPPED_MS = 1000;
// Pictures queue only while skeletons are late or the tab is hidden (no animation frames); decoded ones are large.
const MAX_WAITING = 6;

let poses = [];
let newestPoseTime = -Infinity;
let lastPoseAt = -Infinity;
const waiting = [];
let shown = null;
let pictureDirty = false;
let skeletonsDirty = false;
const videoStop = new AbortController();

// Each person's newest face marker (smile, gaze); drawn by their face while it is no older than this.
const FACE_MARKER_S = 1;
const faceMarkers = {};

function receiveFace(message) {
  for (const person of message.people) faceMarkers[person.participant] = { time: message.time_s, ...person };
  body.dataset.faces = String(Number(body.dataset.faces || 0) + 1);
  skeletonsDirty = true;
}

function receivePose(message) {
  poses = poses.filter((p) => p.time >= message.time_s - POSE_HISTORY_S);
  poses.push({ time: message.time_s, people: message.people });
  newestPoseTime = Math.max(newestPoseTime, message.time_s);
  lastPoseAt = performance.now();
  body.dataset.poses = String(Number(body.dataset.poses || 0) + 1);
  skeletonsDirty = true;
}

// The stream is read here rather than played by an <img>, because only a script sees each part's X-Media-Time.
async function streamVideo() {
  while (!videoStop.signal.aborted) {
    try {
      const response = await fetch("/video.mjpg", { cache: "no-store", signal: videoStop.signal });
      if (response.ok && response.body) await readParts(response.body.getReader());
    } catch {
      // The server restarted or the session ended; the loop decides which.
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

const HEADER_END = [13, 10, 13, 10];

async function readParts(reader) {
  const decoder = new TextDecoder();
  let buffer = new Uint8Array(0);
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer = concat(buffer, value);
    for (let end = find(buffer, HEADER_END); end >= 0; end = find(buffer, HEADER_END)) {
      const headers = decoder.decode(buffer.subarray(0, end));
      const length = Number(/^content-length:\s*(\d+)/im.exec(headers)?.[1]);
      if (!Number.isFinite(length)) throw new Error("video part without Content-Length");
      const start = end + HEADER_END.length;
      if (buffer.length < start + length) break;
      const time = Number(/^x-media-time:\s*(\S+)/im.exec(headers)?.[1]);
      // Awaited, so a slow decoder slows the reading and the server skips frames for this page, as it is built to.
      await receivePicture(time, buffer.slice(start, start + length));
      buffer = buffer.slice(start + length);
    }
  }
}

async function receivePicture(time, jpeg) {
  let bitmap;
  try {
    bitmap = await createImageBitmap(new Blob([jpeg], { type: "image/jpeg" }));
  } catch {
    return; // one damaged picture; the next replaces it
  }
  waiting.push({ time, bitmap, arrived: performance.now() });
  while (waiting.length > MAX_WAITING) waiting.shift().bitmap.close();
}

// The newest waiting picture whose skeletons have arrived (or that has waited long enough) replaces the shown one.
function takePicture() {
  const now = performance.now();
  const posesStopped = now - lastPoseAt >= POSES_STOPPED_MS;
  const ready = waiting.findLastIndex((p) => posesStopped || newestPoseTime >= p.time || now - p.arrived >= MAX_HOLD_MS);
  if (ready < 0) return false;
  const taken = waiting.splice(0, ready + 1);
  for (const skipped of taken.slice(0, -1)) skipped.bitmap.close();
  shown?.bitmap.close();
  shown = taken[taken.length - 1];
  return true;
}

function drawPicture() {
  const canvas = $("video");
  const { width, height } = shown.bitmap;
  if (canvas.dataset.size !== `${width}x${height}`) {
    canvas.dataset.size = `${width}x${height}`;
    $("video-box").style.aspectRatio = `${width} / ${height}`;
    $("no-video").hidden = true;
  }
  const ctx = sized(canvas);
  ctx.drawImage(shown.bitmap, 0, 0, canvas.width, canvas.height);
}

function nearestPose(time) {
  let best = null;
  for (const pose of poses) {
    if (!best || Math.abs(pose.time - time) < Math.abs(best.time - time)) best = pose;
  }
  return best && Math.abs(best.time - time) <= UNRELATED_S ? best : null;
}

function drawSkeletons() {
  const canvas = $("skeletons");
  const ctx = sized(canvas);
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  const pose = shown ? nearestPose(shown.time) : null;
  const sameMoment = pose !== null && Math.abs(pose.time - shown.time) <= SAME_MOMENT_S;
  // Read by the page tests: which picture is shown and whose skeletons are drawn over it.
  canvas.dataset.picture = shown ? String(shown.time) : "";
  canvas.dataset.pose = pose ? String(pose.time) : "";
  canvas.dataset.match = pose === null ? "none" : sameMoment ? "same_moment" : "approximate";
  if (!pose) return;
  ctx.globalAlpha = sameMoment ? 1 : APPROXIMATE_OPACITY;
  const w = canvas.width, h = canvas.height, scale = devicePixelRatio;
  for (const person of pose.people) {
    const p = person.points;
    const colour = PEOPLE[person.participant] ?? "#666";
    const at = (i) => [p[i * 3] * w, p[i * 3 + 1] * h, p[i * 3 + 2]];
    ctx.strokeStyle = colour;
    ctx.lineWidth = 4 * scale;
    ctx.lineCap = "round";
    ctx.beginPath();
    for (const [from, to] of bones) {
      const a = at(from), b = at(to);
      if (a[2] < VISIBLE || b[2] < VISIBLE) continue;
      ctx.moveTo(a[0], a[1]);
      ctx.lineTo(b[0], b[1]);
    }
    ctx.stroke();
    if (person.face) drawFace(ctx, person.face, colour, w, h, scale);
    const anchor = headAnchor(at);
    if (anchor) drawTag(ctx, person.participant, colour, anchor[0], anchor[1] - 38 * scale, scale);
    const marker = faceMarkers[person.participant];
    if (anchor && person.face && marker && Math.abs(marker.time - pose.time) <= FACE_MARKER_S) {
      drawSmile(ctx, marker.smile, colour, anchor[0] + 40 * scale, anchor[1] - 38 * scale, scale);
      drawGaze(ctx, marker, person.face[0], w, h, scale);
    }
  }
  canvas.dataset.faces = String(pose.people.filter((p) => p.face).length);
}

// The face's edge, lips and eyes as thin closed lines, so the mesh shows without hiding the face.
function drawFace(ctx, outlines, colour, w, h, scale) {
  ctx.strokeStyle = colour;
  ctx.lineWidth = 1.5 * scale;
  ctx.beginPath();
  for (const xy of outlines) {
    ctx.moveTo(xy[0] * w, xy[1] * h);
    for (let k = 2; k < xy.length; k += 2) ctx.lineTo(xy[k] * w, xy[k + 1] * h);
    ctx.closePath();
  }
  ctx.stroke();
}

// A small round face whose mouth curves up as far as the person smiles (0 neutral, 1 broad); no mouth when unknown.
function drawSmile(ctx, smile, colour, x, y, scale) {
  const r = 14 * scale;
  ctx.fillStyle = "#fff";
  ctx.strokeStyle = colour;
  ctx.lineWidth = 2 * scale;
  ctx.beginPath(); ctx.arc(x, y, r, 0, 2 * Math.PI); ctx.fill(); ctx.stroke();
  if (smile === null) return;
  const lift = Math.max(0, Math.min(1, smile)) * 0.55 * r;
  ctx.beginPath();
  ctx.moveTo(x - 0.55 * r, y + 0.25 * r);
  ctx.quadraticCurveTo(x, y + 0.25 * r + 2 * lift, x + 0.55 * r, y + 0.25 * r);
  ctx.stroke();
}

// Where the head points, as an arrow from the middle of the face: solid green while the person looks towards the
// partner, thin grey otherwise. Yaw is positive towards the viewer's left, pitch positive up.
function drawGaze(ctx, marker, oval, w, h, scale) {
  if (marker.gaze_yaw === null || marker.gaze_pitch === null) return;
  let cx = 0, cy = 0;
  for (let k = 0; k < oval.length; k += 2) { cx += oval[k] * w; cy += oval[k + 1] * h; }
  cx /= oval.length / 2; cy /= oval.length / 2;
  const rad = Math.PI / 180, length = 60 * scale;
  const dx = -Math.sin(marker.gaze_yaw * rad) * length, dy = -Math.sin(marker.gaze_pitch * rad) * length;
  const looking = marker.looking_at_partner === true;
  ctx.strokeStyle = looking ? "#1a9c4a" : "#888";
  ctx.lineWidth = (looking ? 4 : 2) * scale;
  ctx.beginPath();
  ctx.moveTo(cx, cy);
  ctx.lineTo(cx + dx, cy + dy);
  ctx.stroke();
  ctx.beginPath(); ctx.arc(cx + dx, cy + dy, (looking ? 5 : 3) * scale, 0, 2 * Math.PI);
  ctx.fillStyle = ctx.strokeStyle; ctx.fill();
}

// The letter goes above the nose, or above the shoulders when the face is hidden.
function headAnchor(at) {
  const nose = at(0);
  if (nose[2] >= VISIBLE) return nose;
  const left = at(11), right = at(12);
  if (left[2] >= VISIBLE && right[2] >= VISIBLE) return [(left[0] + right[0]) / 2, Math.min(left[1], right[1]) - 40];
  return null;
}

function drawTag(ctx, letter, colour, x, y, scale) {
  const r = 16 * scale;
  y = Math.max(r + 2, y);
  ctx.fillStyle = colour;
  ctx.beginPath(); ctx.arc(x, y, r, 0, 2 * Math.PI); ctx.fill();
  ctx.strokeStyle = "#fff"; ctx.lineWidth = 2 * scale; ctx.stroke();
  ctx.fillStyle = "#fff";
  ctx.font = `bold ${20 * scale}px system-ui, sans-serif`;
  ctx.textAlign = "center";
  ctx.textBaseline = "middle";
  ctx.fillText(letter, x, y + scale);
}

// ---- events ----------------------------------------------------------------------------------------------

function connect() {
  const source = new EventSource("/events");
  source.addEventListener("open", () => setStatus("Live"));
  source.addEventListener("error", () => setStatus("Connection lost, reconnecting…"));
  source.addEventListener("update", (e) => {
    const u = JSON.parse(e.data);
    for (const reading of u.channels) showChannel(reading, u.time_s);
    showConversation(u.conversation);
    if (u.attention) showAttention(u.attention);
    noteDelay(u.captured_ms);
    body.dataset.updates = String(Number(body.dataset.updates || 0) + 1);
  });
  source.addEventListener("pose", (e) => receivePose(JSON.parse(e.data)));
  source.addEventListener("face", (e) => receiveFace(JSON.parse(e.data)));
  source.addEventListener("health", (e) => showHealth(JSON.parse(e.data)));
  source.addEventListener("cue", (e) => showCue(JSON.parse(e.data)));
  source.addEventListener("ended", () => {
    $("ended").hidden = false;
    $("ended").scrollIntoView({ behavior: "smooth", block: "start" });
    setStatus("Session ended");
    source.close();
    videoStop.abort();
  });
}

function setStatus(text) { $("status").textContent = text; }

// Drawing happens once per animation frame, however many events and pictures arrived since.
function frame() {
  if (takePicture()) pictureDirty = true;
  if (pictureDirty && shown) { pictureDirty = false; drawPicture(); skeletonsDirty = true; }
  if (skeletonsDirty) { skeletonsDirty = false; drawSkeletons(); }
  for (const m of Object.values(meters)) {
    if (m.dirty) { m.dirty = false; drawTrend(m); }
  }
  requestAnimationFrame(frame);
}

// ---- helpers ---------------------------------------------------------------------------------------------

function sized(canvas) {
  const w = Math.round(canvas.clientWidth * devicePixelRatio), h = Math.round(canvas.clientHeight * devicePixelRatio);
  if (canvas.width !== w || canvas.height !== h) { canvas.width = w; canvas.height = h; }
  return canvas.getContext("2d");
}

const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));

function concat(a, b) {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}

function find(bytes, pattern) {
  outer: for (let i = 0; i + pattern.length <= bytes.length; i++) {
    for (let j = 0; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer;
    return i;
  }
  return -1;
}

function formatDuration(seconds) {
  const s = Math.round(seconds);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}

initConsent();

window.addEventListener("resize", () => {
  pictureDirty = true;
  skeletonsDirty = true;
  for (const m of Object.values(meters)) m.dirty = true;
});
