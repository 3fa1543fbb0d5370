// The largest story the format accepts (src/model/validate.rs and src/model/text.rs): every list
// at its limit and texts at their longest, built from the article's story. `make bench` mounts
// and drives it; a page test checks that it is accepted, so the two cannot drift apart.
export const LIMITS = {
  investorsAndDeals: 100, sources: 300, tranches: 20, marks: 20, comparisons: 20, facts: 50, timeline: 100,
  labelChars: 300, quoteChars: 2000,
};

const text = (prefix, length) => (prefix + " " + "word ".repeat(length)).slice(0, length);

/** The largest accepted story, from the article's story object. */
export function largestStory(article) {
  const story = structuredClone(article);
  const L = LIMITS;
  story.title = text("The largest round", L.labelChars);
  story.sources = Array.from({ length: L.sources }, (_, n) => ({ id: `s${n}`, quote: text(`Sentence ${n}.`, L.quoteChars) }));
  const deals = 5;
  const perTranche = (L.investorsAndDeals - deals) / 19; // 19 tranches of 5, and one with none named
  story.round.tranches = Array.from({ length: L.tranches }, (_, t) => ({
    id: `t${t}`,
    label: text(`Tranche ${t}`, L.labelChars),
    source: `s${t}`,
    investors: t === L.tranches - 1 ? [] : Array.from({ length: perTranche }, (_, i) => {
      const n = t * perTranche + i;
      return {
        id: `i${n}`, name: text(`Investor ${n}`, L.labelChars), source: `s${n % L.sources}`,
        amount: { value: "1B", qualifier: "as_much_as", source: `s${n % L.sources}`,
          range: { low: "100M", high: "1B", step: "10M", assumption: text("Editors' choice.", L.quoteChars) } },
      };
    }),
  }));
  story.round.total = { value: "200B", qualifier: "close_to", source: "s0",
    range: { low: "95B", high: "200B", step: "1B", assumption: text("Editors' choice.", L.quoteChars) } };
  story.focus_investor = "i0";
  story.separate_deals = Array.from({ length: deals }, (_, n) => ({
    id: `d${n}`, investor: text(`Deal ${n}`, L.labelChars), status: "in_talks", on_by_default: n % 2 === 0,
    amount: { value: "2B", qualifier: "up_to", source: "s1", range: { low: "1B", high: "2B", step: "100M", assumption: text("Editors' choice.", L.quoteChars) } },
  }));
  story.marks = Array.from({ length: L.marks }, (_, n) => ({
    id: `m${n}`, label: text(`Mark ${n}`, L.labelChars), kind: n % 2 ? "primary" : "secondary", when: text(`${2000 + n}`, L.labelChars),
    valuation: { value: `${100 + n}B`, qualifier: "approximately", source: `s${n}` },
  }));
  story.pre_money.basis = "m0";
  story.comparisons = Array.from({ length: L.comparisons }, (_, n) => ({
    id: `c${n}`, label: text(`Comparison ${n}`, L.labelChars), amount: { value: `${n + 1}B`, source: `s${n}` },
  }));
  story.facts = Array.from({ length: L.facts }, (_, n) => ({
    id: `f${n}`, label: text(`Fact ${n}`, L.labelChars), count: `${1000 + n}`, unit: text("roles", L.labelChars),
    qualifier: "about", source: `s${n}`,
  }));
  story.timeline = Array.from({ length: L.timeline }, (_, n) => ({
    when: text(`${1900 + n}`, L.labelChars), event: text(`Event ${n}.`, L.labelChars), source: `s${n % L.sources}`,
  }));
  return story;
}
