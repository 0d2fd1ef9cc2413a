// The emit pass (emit.cpp) alone, on an analysis written by hand: what a Quote gets from a
// span, its attribution and its entity.
#include <catch2/catch.hpp>

#include <string>

#include "pass_fixture.h"
#include "quotegraph/extractor.h"

using quotegraph::DocumentQuotes;
using quotegraph::EntityType;
using quotegraph::QuoteSpan;
using quotegraph::detail::Attribution;
using quotegraph::detail::Entity;
using quotegraph::detail::PhraseKind;
using quotegraph::test::PassFixture;

namespace {

// The span of the first “…” in `text`, as the scanner would give it (one paragraph).
QuoteSpan span_of(const std::string& text) {
  QuoteSpan q;
  q.open = text.find("“");
  q.begin = q.open + 3;
  q.end = text.find("”");
  q.close_end = q.end + 3;
  q.paragraph_begin = 0;
  q.paragraph_end = text.size();
  return q;
}

// Emits the one quote of `f`'s text (its first “…”, one sentence from `sentence_start` on)
// with `attribution`, and the entity it names when it names one.
DocumentQuotes emit_one(PassFixture& f, const Attribution& attribution, const Entity* entity = nullptr,
                        std::size_t sentence_start = 0) {
  f.analysis.spans.push_back(span_of(f.analysis.text));
  f.analysis.sentence_starts = {0};
  if (sentence_start > 0) f.analysis.sentence_starts.push_back(sentence_start);
  if (entity) f.analysis.entities.push_back(*entity);
  f.analysis.attributions.push_back(attribution);
  DocumentQuotes out;
  quotegraph::detail::emit_quotes(f.cx, f.analysis, out);
  return out;
}

}  // namespace

TEST_CASE("a quote gets its speaker's entity, the rule and code point offsets", "[emit]") {
  PassFixture f("Zoë Ruiz said: “We will win.”");
  Entity ruiz;
  ruiz.kind = PhraseKind::Person;
  ruiz.name = {"Zoë", "Ruiz"};
  ruiz.display = "Zoë Ruiz";
  ruiz.key = "zoe-ruiz";
  ruiz.role = "mayor";
  ruiz.gender = 'f';
  const DocumentQuotes out = emit_one(f, Attribution{0, "before.speaker_cue_colon", "said", 0.9}, &ruiz);
  REQUIRE(out.quotes.size() == 1);
  const quotegraph::Quote& q = out.quotes[0];
  CHECK(q.text == "We will win.");
  CHECK(q.start == 16);  // "Zoë" is 3 code points in 4 bytes
  CHECK(q.stop == 28);
  CHECK(q.begin == 19);  // and 3 bytes of “
  CHECK(q.speaker == "Zoë Ruiz");
  CHECK(q.speaker_id == "person:zoe-ruiz");
  CHECK(q.speaker_type == EntityType::Person);
  CHECK(q.role == "mayor");
  CHECK(q.rule == "before.speaker_cue_colon");
  CHECK(q.cue == "said");
  CHECK(q.confidence == 0.9);
  CHECK_FALSE(q.partial);
  CHECK(q.context == "Zoë Ruiz said: “We will win.”");
  CHECK(q.context_start == 0);
}

TEST_CASE("an unnamed source's id carries the document's", "[emit]") {
  PassFixture f("An aide said: “It is over now.”");
  Entity aide;
  aide.kind = PhraseKind::Descriptor;
  aide.display = "An aide";
  aide.key = "aide";
  const DocumentQuotes out = emit_one(f, Attribution{0, "before.speaker_cue_colon", "said", 0.8}, &aide);
  REQUIRE(out.quotes.size() == 1);
  CHECK(out.quotes[0].anonymous);
  CHECK(out.quotes[0].speaker_id == "anon:doc:aide");
  CHECK(out.quotes[0].speaker_type == EntityType::UnnamedSource);
}

TEST_CASE("an unattributed quote is kept as speech, an unattributed title is not", "[emit]") {
  PassFixture f("It rained. “We never saw so much water in one week.” The river rose.");
  const DocumentQuotes out = emit_one(f, Attribution{}, nullptr, 11);
  REQUIRE(out.quotes.size() == 1);
  CHECK(out.quotes[0].rule == "scan.unattributed");
  CHECK(out.quotes[0].speaker.empty());

  PassFixture g("They watched “The Rachel Vale Show” again.");
  CHECK(emit_one(g, Attribution{}).quotes.empty());
}
