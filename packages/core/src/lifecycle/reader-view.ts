// A public reply speaks *to* the author: "sorry about your diabetes" discloses the reader's own
// medical details, which the classifier only counts as a disclosure when it reads them in the first
// person ("my diabetes"). So the reply is also classified as the reader would say it, with second
// person turned into first, and the offsets mapped back to the reply as written.

const SWAPS: Readonly<Record<string, string>> = {
  you: 'I',
  your: 'my',
  yours: 'mine',
  yourself: 'myself',
  "you're": "I'm",
  'you’re': 'I’m',
  youre: 'im',
  "you've": "I've",
  'you’ve': 'I’ve',
  youve: 'ive',
  "you'd": "I'd",
  "you'll": "I'll",
};

const SECOND_PERSON = /\b(?:you(?:['’](?:re|ve|d|ll)|re|ve|rself|rs|r)?)\b/gi;

export interface ReaderView {
  text: string;
  /** Maps an offset in `text` back to the reply as written. */
  toOriginal(offset: number): number;
}

export function readerView(reply: string): ReaderView {
  let text = '';
  // [offset in text, offset in reply] at the start of each unchanged stretch.
  const anchors: [number, number][] = [[0, 0]];
  let last = 0;
  for (const match of reply.matchAll(SECOND_PERSON)) {
    const start = match.index ?? 0;
    const word = match[0];
    const swap = SWAPS[word.toLowerCase()];
    if (swap === undefined) continue;
    text += reply.slice(last, start);
    anchors.push([text.length, start]);
    text += swap;
    last = start + word.length;
    anchors.push([text.length, last]);
  }
  text += reply.slice(last);
  return {
    text,
    toOriginal(offset) {
      let anchor: [number, number] = [0, 0];
      for (const candidate of anchors) if (candidate[0] <= offset) anchor = candidate;
      return Math.min(reply.length, anchor[1] + (offset - anchor[0]));
    },
  };
}
