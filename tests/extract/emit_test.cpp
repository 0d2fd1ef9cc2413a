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

}  // namespace

TEST_CASE("a quote gets its speaker's entity, the rule and code point offsets", "[emit]") {
  PassFixture f("Zoë Ruiz said: “We will win.”");
  f.analysis.spans.push_back(span_of(f.analysis.text));
  f.analysis.sentence_starts = {0};
  Entity ruiz;
  ruiz.kind = PhraseKind::Person;
  ruiz.name = {"Zoë", "Ruiz"};
  ruiz.display = "Zoë Ruiz";
  ruiz.key = "zoe-ruiz";
  ruiz.role = "mayor";
  ruiz.gender = 'f';
  f.analysis.entities.push_back(ruiz);
  f.analysis.attributions.push_back(Attribution{0, "before.speaker_cue_colon", "said", 0.9});
  DocumentQuotes out;
  quotegraph::detail::emit_quotes(f.cx, f.analysis, out);
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
  f.analysis.spans.push_back(span_of(f.analysis.text));
  f.analysis.sentence_starts = {0};
  Entity aide;
  aide.kind = PhraseKind::Descriptor;
  aide.display = "An aide";
  aide.key = "aide";
  f.analysis.entities.push_back(aide);
  f.analysis.attributions.push_back(Attribution{0, "before.speaker_cue_colon", "said", 0.8});
  DocumentQuotes out;
  quotegraph::detail::emit_quotes(f.cx, f.analysis, out);
  REQUIRE(out.quotes.size() == 1);
  CHECK(out.quotes[0].anonymous);
  CHECK(out.quotes[0].speaker_id == "anon:doc:aide");
  CHECK(out.quotes[0].speaker_type == EntityType::UnnamedSource);
}

TEST_CASE("an unattributed quote is kept as speech, an unattributed title is not", "[emit]") {
  PassFixture f("It rained. “We never saw so much water in one week.” The river rose.");
  f.analysis.spans.push_back(span_of(f.analysis.text));
  f.analysis.sentence_starts = {0, 11};
  f.analysis.attributions.push_back(Attribution{});
  DocumentQuotes out;
  quotegraph::detail::emit_quotes(f.cx, f.analysis, out);
  REQUIRE(out.quotes.size() == 1);
  CHECK(out.quotes[0].rule == "scan.unattributed");
  CHECK(out.quotes[0].speaker.empty());

  PassFixture g("They watched “The Rachel Vale Show” again.");
  g.analysis.spans.push_back(span_of(g.analysis.text));
  g.analysis.sentence_starts = {0};
  g.analysis.attributions.push_back(Attribution{});
  DocumentQuotes none;
  quotegraph::detail::emit_quotes(g.cx, g.analysis, none);
  CHECK(none.quotes.empty());
}
