// Renders a response with each <Parallel> block folded (<details>), its threads folded inside it.

const BLOCK = /<Parallel>([\s\S]*?)(?:<\/Parallel>|$)/g;
const THREAD = /<Thread>([\s\S]*?)(?:<\/Thread>|$)/g;

function details(summary, body, open = false) {
  const node = document.createElement('details');
  node.open = open;
  const title = document.createElement('summary');
  title.textContent = summary;
  node.append(title, ...body);
  return node;
}

function threadNodes(block) {
  const threads = [...block.matchAll(THREAD)];
  const outlines = block.slice(0, threads[0]?.index ?? block.length).trim();
  const nodes = outlines ? [details('Outlines', [document.createTextNode(outlines)], true)] : [];
  threads.forEach((match, index) => {
    const body = match[1].replace(/^\s+/, '');
    const tokens = body.split(/\s+/).filter(Boolean).length;
    nodes.push(details(`Thread ${index + 1} · ${tokens} words`, [document.createTextNode(body)]));
  });
  return nodes;
}

/** Replaces `container`'s content with `text`, parallel blocks folded. */
export function renderFoldedText(container, text) {
  const nodes = [];
  let last = 0;
  let count = 0;
  for (const match of text.matchAll(BLOCK)) {
    nodes.push(document.createTextNode(text.slice(last, match.index)));
    count += 1;
    const threads = [...match[1].matchAll(THREAD)].length;
    nodes.push(details(`Parallel block ${count} · ${threads} threads`, threadNodes(match[1])));
    last = match.index + match[0].length;
  }
  nodes.push(document.createTextNode(text.slice(last)));
  container.replaceChildren(...nodes);
}
