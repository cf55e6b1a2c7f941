// The timeline page: asks for a key once per tab, lists recent requests and batches, and follows one
// request live as a Gantt chart of its steps and threads.
import { followEvents, forgetKey, getJson, storedKey, storeKey, UnauthorizedError } from './api.js';
import { renderFoldedText } from './folded-text.js';
import { renderGantt } from './gantt.js';
import { applyEvent, createTimeline } from './timeline-model.js';

const $ = (selector) => document.querySelector(selector);
let view = { stop: () => undefined };

function cell(text, className) {
  const td = document.createElement('td');
  if (className) td.className = className;
  if (text instanceof Node) td.append(text);
  else td.textContent = text ?? '—';
  return td;
}

function badge(status) {
  const span = document.createElement('span');
  span.className = `status ${status}`;
  span.textContent = status;
  return span;
}

const time = (iso) => (iso ? new Date(iso).toLocaleTimeString() : '—');
const fixed = (value, digits = 2) => (typeof value === 'number' ? value.toFixed(digits) : '—');
const percent = (value) => (typeof value === 'number' ? `${(value * 100).toFixed(1)}%` : '—');

function link(href, text) {
  const a = document.createElement('a');
  a.href = href;
  a.textContent = text;
  return a;
}

function requestRow(request) {
  const tr = document.createElement('tr');
  const tokens = request.metrics ? `${request.metrics.completionTokens} / ${request.metrics.criticalPathTokens}` : '—';
  tr.append(
    cell(link(`#request=${encodeURIComponent(request.id)}`, request.id)),
    cell(badge(request.status)),
    cell(time(request.created_at)),
    cell(request.answer),
    cell(request.metrics ? `${fixed(request.metrics.tokenSpeedup)}×` : '—', 'num'),
    cell(tokens, 'num'),
  );
  return tr;
}

function batchRow(batch) {
  const tr = document.createElement('tr');
  const counts = batch.request_counts;
  tr.append(
    cell(batch.id),
    cell(badge(batch.status)),
    cell(time(batch.created_at)),
    cell(`${counts.completed + counts.failed + counts.cancelled + counts.expired} / ${counts.total}`, 'num'),
    cell(percent(batch.metrics.accuracy), 'num'),
    cell(batch.metrics.mean_token_speedup === null ? '—' : `${fixed(batch.metrics.mean_token_speedup)}×`, 'num'),
  );
  return tr;
}

async function refreshLists() {
  const [requests, batches] = await Promise.all([getJson('/v1/reasoning?limit=25'), getJson('/v1/batches?limit=10')]);
  $('#requests tbody').replaceChildren(...requests.data.map(requestRow));
  $('#batches tbody').replaceChildren(...batches.data.map(batchRow));
}

function showLists() {
  $('#lists').hidden = false;
  $('#detail').hidden = true;
  const timer = setInterval(() => refreshLists().catch(onError), 3000);
  refreshLists().catch(onError);
  return { stop: () => clearInterval(timer) };
}

function fact(name, value) {
  const div = document.createElement('div');
  const dt = document.createElement('dt');
  const dd = document.createElement('dd');
  dt.textContent = name;
  dd.textContent = value ?? '—';
  div.append(dt, dd);
  return div;
}

function renderFacts(request) {
  const m = request.result?.metrics;
  $('#detail-facts').replaceChildren(
    fact('status', request.status),
    fact('answer', request.result?.answer ?? null),
    fact('token speedup', m ? `${fixed(m.tokenSpeedup)}×` : null),
    fact('generated tokens', m ? String(m.completionTokens) : null),
    fact('critical path tokens', m ? String(m.criticalPathTokens) : null),
    fact('blocks', m ? String(m.blocks) : null),
    fact('termination', request.result?.termination ?? null),
    fact('error', request.error ?? null),
  );
}

function renderLegend(colors) {
  const items = [
    ['queue wait', 'queue'],
    ['time to first token', 'ttft'],
    ['decode', 'decode'],
  ];
  const legend = [...items.map(([text, kind]) => legendItem(text, kind, '#8a94a3'))];
  for (const [machine, color] of colors) legend.push(legendItem(machine, 'decode', color));
  $('#legend').replaceChildren(...legend);
}

function legendItem(text, kind, color) {
  const span = document.createElement('span');
  const swatch = document.createElement('span');
  swatch.className = 'swatch';
  swatch.style.background =
    kind === 'queue' ? 'repeating-linear-gradient(135deg,#eef0f3 0 3px,#b7bec8 3px 4px)' : color;
  if (kind === 'ttft') swatch.style.opacity = '0.5';
  span.append(swatch, text);
  return span;
}

function showRequest(id) {
  $('#lists').hidden = true;
  $('#detail').hidden = false;
  $('#detail-title').textContent = `Request ${id}`;
  $('#final-text').replaceChildren();
  const timeline = createTimeline();
  const abort = new AbortController();
  const draw = () => {
    const now = timeline.terminal || timeline.origin === undefined ? timeline.lastAt : Date.now() - timeline.origin;
    renderLegend(renderGantt($('#gantt'), timeline, now, Math.max(700, $('#gantt').clientWidth - 2)));
  };
  const ticker = setInterval(() => timeline.terminal || draw(), 250);
  const finish = async () => {
    clearInterval(ticker);
    draw();
    const request = await getJson(`/v1/reasoning/${encodeURIComponent(id)}`);
    renderFacts(request);
    if (request.result) renderFoldedText($('#final-text'), request.result.text);
  };
  getJson(`/v1/reasoning/${encodeURIComponent(id)}`)
    .then(renderFacts)
    .then(() => followEvents(id, (event) => (applyEvent(timeline, event), draw()), abort.signal))
    .then(finish)
    .catch(onError);
  return { stop: () => (abort.abort(), clearInterval(ticker)) };
}

function route() {
  view.stop();
  if (!storedKey()) {
    $('#key-form').hidden = false;
    $('#lists').hidden = $('#detail').hidden = $('#forget-key').hidden = true;
    view = { stop: () => undefined };
    return;
  }
  $('#key-form').hidden = true;
  $('#forget-key').hidden = false;
  const id = new URLSearchParams(location.hash.slice(1)).get('request');
  view = id ? showRequest(id) : showLists();
}

function onError(error) {
  if (error instanceof UnauthorizedError) {
    forgetKey();
    $('#key-error').textContent = 'That key was refused (401/403). Enter a key with the read scope.';
    $('#key-error').hidden = false;
    route();
  } else if (error.name !== 'AbortError') {
    $('#page-error').textContent = error.message;
    $('#page-error').hidden = false;
  }
}

$('#key-form').addEventListener('submit', (event) => {
  event.preventDefault();
  storeKey($('#api-key').value.trim());
  $('#api-key').value = '';
  $('#key-error').hidden = true;
  route();
});
$('#forget-key').addEventListener('click', () => (forgetKey(), route()));
window.addEventListener('hashchange', route);
route();
