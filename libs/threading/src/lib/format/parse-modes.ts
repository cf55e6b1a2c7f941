import { FORMAT_ISSUE_CODES as C } from './format-issue.js';
import {
  finishBlock,
  flushText,
  numberedElement,
  offsetsOf,
  openAt,
  report,
  reportAt,
  type BlockBuilder,
  type ParserMode,
  type ParserState,
} from './parser-state.js';
import type { TagMatch } from './tag-table.js';

/** Handles one tag in one mode; returns false when it implicitly closed the current element and the tag must be re-dispatched. */
type ModeHandler = (state: ParserState, block: BlockBuilder, match: TagMatch) => boolean;

function onTop(state: ParserState, match: TagMatch): void {
  const { role, closing } = match.info;
  if (role === 'block' && !closing) {
    flushText(state, match.start);
    state.block = { ...openAt(match), plan: null, threads: [], conclusion: null, missingPlanReported: false };
    state.mode = 'block';
  } else if (role === 'block') {
    report(state, C.strayBlockClose, 'Block close tag without an open block', match);
  } else if (role !== 'reasoning' && role !== 'special') {
    report(state, C.tagOutsideBlock, 'Tag outside any block', match);
  }
}

function closeBlock(state: ParserState, block: BlockBuilder, match: TagMatch): void {
  if (!block.plan && !block.missingPlanReported) reportAt(state, C.missingPlan, 'Block has no plan', block.start);
  if (block.threads.length === 0) reportAt(state, C.missingThreads, 'Block has no thread', block.start);
  finishBlock(state, match.start, match.end, true);
}

function onBlock(state: ParserState, block: BlockBuilder, match: TagMatch): boolean {
  const { role, closing } = match.info;
  if (closing) {
    if (role === 'block') closeBlock(state, block, match);
    else if (role === 'reasoning' || role === 'special')
      report(state, C.tagInsideBlock, 'Tag between the elements of a block', match);
    else report(state, C.strayCloseTag, 'Close tag without a matching open tag', match);
    return true;
  }
  switch (role) {
    case 'plan':
      if (block.plan) report(state, C.duplicatePlan, 'Second plan in one block', match);
      else if (block.threads.length > 0) report(state, C.planAfterThread, 'Plan after the first thread', match);
      state.plan = { ...openAt(match), items: [] };
      state.mode = 'plan';
      return true;
    case 'branch':
      if (!block.plan && !block.missingPlanReported) {
        reportAt(state, C.missingPlan, 'Thread before any plan in this block', match.start);
        block.missingPlanReported = true;
      }
      if (block.conclusion) report(state, C.threadAfterConclusion, 'Thread after the conclusion', match);
      return enter(state, 'thread', match);
    case 'conclusion':
      if (block.conclusion) report(state, C.duplicateConclusion, 'Second conclusion in one block', match);
      return enter(state, 'conclusion', match);
    case 'block':
      report(state, C.nestedBlock, 'Nested block', match);
      return true;
    case 'planItem':
      report(state, C.misplacedTag, 'Plan item outside the plan', match);
      return true;
    case 'reasoning':
    case 'special':
      report(state, C.tagInsideBlock, 'Tag between the elements of a block', match);
      return true;
  }
}

function enter(state: ParserState, mode: ParserMode, match: TagMatch): boolean {
  state.element = openAt(match);
  state.mode = mode;
  return true;
}

function closePlan(state: ParserState, block: BlockBuilder, contentEnd: number, end: number, closed: boolean): void {
  const plan = state.plan;
  if (plan) {
    block.plan ??= { items: plan.items, offsets: offsetsOf(plan, contentEnd, end), closed };
  }
  state.plan = null;
  state.mode = 'block';
}

function onPlan(state: ParserState, block: BlockBuilder, match: TagMatch): boolean {
  const { role, closing } = match.info;
  if (role === 'planItem' && !closing) return enter(state, 'planItem', match);
  if (role === 'plan' && closing) {
    closePlan(state, block, match.start, match.end, true);
    return true;
  }
  const implicitClose = closing ? role === 'block' : role === 'branch' || role === 'conclusion';
  if (implicitClose) {
    reportAt(state, C.unclosedPlan, 'Plan not closed before this tag', state.plan?.start ?? match.start);
    closePlan(state, block, match.start, match.start, false);
    return false;
  }
  if (role === 'block') report(state, C.nestedBlock, 'Nested block', match);
  else if (role === 'reasoning' || role === 'special') report(state, C.tagInsideBlock, 'Tag inside the plan', match);
  else if (closing) report(state, C.strayCloseTag, 'Close tag without a matching open tag', match);
  else report(state, C.misplacedTag, 'Tag not allowed inside the plan', match);
  return true;
}

function closePlanItem(state: ParserState, contentEnd: number, end: number, closed: boolean): void {
  if (state.element && state.plan)
    state.plan.items.push(numberedElement(state, state.element, contentEnd, end, closed));
  state.element = null;
  state.mode = 'plan';
}

function onPlanItem(state: ParserState, _block: BlockBuilder, match: TagMatch): boolean {
  const { role, closing } = match.info;
  if (role === 'planItem' && closing) {
    closePlanItem(state, match.start, match.end, true);
    return true;
  }
  const implicitClose = closing
    ? role === 'plan' || role === 'block'
    : role === 'planItem' || role === 'branch' || role === 'conclusion';
  if (implicitClose) {
    reportAt(state, C.unclosedPlanItem, 'Plan item not closed before this tag', state.element?.start ?? match.start);
    closePlanItem(state, match.start, match.start, false);
    return false;
  }
  if (role === 'block' && !closing) report(state, C.nestedBlock, 'Nested block', match);
  else report(state, C.tagInsidePlanItem, 'Tag inside a plan item', match);
  return true;
}

function onThread(state: ParserState, block: BlockBuilder, match: TagMatch): boolean {
  const { role, closing } = match.info;
  if (role === 'branch' && closing) {
    if (state.element) block.threads.push(numberedElement(state, state.element, match.start, match.end, true));
    state.element = null;
    state.mode = 'block';
  } else if (role === 'block' && !closing) {
    report(state, C.nestedBlock, 'Nested block inside a thread', match);
  } else {
    // Only the thread close tag ends a thread (spec §3.1 robustness rules): everything else is content.
    report(state, C.tagInsideThread, 'Tag inside a thread', match);
  }
  return true;
}

function closeConclusion(
  state: ParserState,
  block: BlockBuilder,
  contentEnd: number,
  end: number,
  closed: boolean,
): void {
  const open = state.element;
  if (open && !block.conclusion) {
    block.conclusion = {
      raw: state.text.slice(open.contentStart, contentEnd),
      offsets: offsetsOf(open, contentEnd, end),
      closed,
    };
  }
  state.element = null;
  state.mode = 'block';
}

function onConclusion(state: ParserState, block: BlockBuilder, match: TagMatch): boolean {
  const { role, closing } = match.info;
  if (role === 'conclusion' && closing) {
    closeConclusion(state, block, match.start, match.end, true);
  } else if (role === 'block' && closing) {
    reportAt(state, C.unclosedConclusion, 'Conclusion not closed before this tag', state.element?.start ?? match.start);
    closeConclusion(state, block, match.start, match.start, false);
    return false;
  } else if (role === 'block') {
    report(state, C.nestedBlock, 'Nested block', match);
  } else {
    report(state, C.tagInsideConclusion, 'Tag inside the conclusion', match);
  }
  return true;
}

const HANDLERS: Record<Exclude<ParserMode, 'top'>, ModeHandler> = {
  block: onBlock,
  plan: onPlan,
  planItem: onPlanItem,
  thread: onThread,
  conclusion: onConclusion,
};

/** Feeds one tag to the state machine (implicit closes re-dispatch at most a few times). */
export function handleTag(state: ParserState, match: TagMatch): void {
  for (;;) {
    const block = state.block;
    if (state.mode === 'top' || !block) {
      onTop(state, match);
      return;
    }
    if (HANDLERS[state.mode](state, block, match)) return;
  }
}
