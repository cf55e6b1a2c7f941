// Draws a timeline as an SVG Gantt chart: a row per step and thread, coloured by machine; queue wait
// hatched grey, time to first token pale, decode solid, a running call pulsing. Tooltips via <title>.
import { segments } from './timeline-model.js';

const SVG = 'http://www.w3.org/2000/svg';
const PALETTE = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#76b7b2', '#b07aa1', '#9c755f', '#edc948'];
const LABEL_WIDTH = 150;
const ROW_HEIGHT = 20;
const BAR_HEIGHT = 13;
const AXIS_HEIGHT = 22;

function el(name, attributes = {}, text) {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A stable colour per machine, in order of first appearance. */
function machineColors(timeline) {
  const machines = [...new Set(timeline.rows.map((r) => r.machine).filter((m) => m !== undefined))];
  return new Map(machines.map((machine, index) => [machine, PALETTE[index % PALETTE.length]]));
}

const ms = (value) => (value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${Math.round(value)} ms`);

function label(target) {
  // Steps by their order (the stream's step is a checkpoint version); blocks counted from 1 like the text.
  return target.kind === 'step'
    ? `sequential ${target.ordinal}`
    : `block ${target.block + 1} · thread ${target.thread}`;
}

function tooltip(target, now) {
  const lines = [`${label(target)} — ${target.state}${target.machine ? ` on ${target.machine}` : ''}`];
  const queueEnd = target.startedAt ?? now;
  lines.push(`queue wait ${ms(queueEnd - target.readyAt)}`);
  if (target.state === 'completed') {
    lines.push(`time to first token ${ms(target.ttftMs)} · decode ${ms(target.decodeMs)}`);
    lines.push(`${target.completionTokens} tokens generated · ${target.cachedTokens} prompt tokens cached`);
    if (target.finishReason) lines.push(`finish: ${target.finishReason}`);
  }
  if (target.state === 'running') lines.push(`running for ${ms(now - target.startedAt)}`);
  if (target.attempts > 1) lines.push(`attempt ${target.attempts}`);
  if (target.error) lines.push(`error: ${target.error}`);
  return lines.join('\n');
}

function tickStep(span) {
  const raw = span / 8;
  const power = 10 ** Math.floor(Math.log10(Math.max(raw, 1)));
  return [1, 2, 5, 10].map((m) => m * power).find((step) => step >= raw) ?? power * 10;
}

function axis(svg, span, scale, height) {
  const step = tickStep(span);
  for (let t = 0; t <= span; t += step) {
    const x = LABEL_WIDTH + t * scale;
    svg.append(el('line', { class: 'grid', x1: x, x2: x, y1: AXIS_HEIGHT - 4, y2: height }));
    svg.append(el('text', { class: 'axis', x: x + 2, y: 12 }, ms(t)));
  }
}

function drawRow(svg, target, index, scale, now, colors) {
  const y = AXIS_HEIGHT + index * ROW_HEIGHT;
  const group = el('g', {
    class: 'row',
    'data-kind': target.kind,
    'data-key': target.key,
    'data-state': target.state,
    'data-machine': target.machine ?? '',
  });
  group.append(el('title', {}, tooltip(target, now)));
  group.append(el('text', { class: 'label', x: 6, y: y + BAR_HEIGHT - 2 }, label(target)));
  const color = colors.get(target.machine) ?? '#8a94a3';
  for (const part of segments(target, now)) {
    const width = Math.max(1, (part.to - part.from) * scale);
    const attributes = { class: part.kind, x: LABEL_WIDTH + part.from * scale, y: y + 2, width, height: BAR_HEIGHT };
    group.append(el('rect', part.kind === 'queue' ? attributes : { ...attributes, fill: color }));
  }
  svg.append(group);
}

/** Replaces `container`'s chart with the timeline at `now` (ms on the request's clock). */
export function renderGantt(container, timeline, now, width) {
  const span = Math.max(now, timeline.lastAt, 1);
  const scale = (width - LABEL_WIDTH - 20) / span;
  const height = AXIS_HEIGHT + timeline.rows.length * ROW_HEIGHT + 6;
  const svg = el('svg', { width, height, 'data-events': timeline.applied, role: 'img' });
  const pattern = el('pattern', { id: 'hatch', width: 6, height: 6, patternUnits: 'userSpaceOnUse' });
  pattern.append(el('rect', { width: 6, height: 6, fill: '#eef0f3' }));
  pattern.append(el('path', { d: 'M0,6 L6,0', stroke: '#b7bec8', 'stroke-width': 1 }));
  const defs = el('defs');
  defs.append(pattern);
  svg.append(defs);
  axis(svg, span, scale, height);
  const colors = machineColors(timeline);
  timeline.rows.forEach((target, index) => drawRow(svg, target, index, scale, now, colors));
  container.replaceChildren(svg);
  return colors;
}
