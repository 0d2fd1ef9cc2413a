// The sentence finder (sentences.cpp) alone: where sentences start, datelines, abbreviations.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "pass_fixture.h"

using quotegraph::test::PassFixture;

namespace {

// The sentences of `text` as strings, each from one start to the next.
std::vector<std::string> sentences_of(const std::string& text) {
  PassFixture f(text);
  quotegraph::detail::find_sentences(f.cx, f.analysis);
  const auto& starts = f.analysis.sentence_starts;
  std::vector<std::string> out;
  for (std::size_t k = 0; k < starts.size(); ++k) {
    const std::size_t end = k + 1 < starts.size() ? starts[k + 1] : text.size();
    out.push_back(f.text(starts[k], end));
  }
  return out;
}

}  // namespace

TEST_CASE("sentences start after a full stop, a question or an exclamation before a capital", "[sentences]") {
  CHECK(sentences_of("Rain fell. The match went on! Was it wise? 3 fans left.") ==
        std::vector<std::string>{"Rain fell. ", "The match went on! ", "Was it wise? ", "3 fans left."});
  // A lower-case word after the stop starts nothing.
  CHECK(sentences_of("It cost 3.5 million. but why") == std::vector<std::string>{"It cost 3.5 million. but why"});
}

TEST_CASE("a sentence run into the next without a space ends before its capital", "[sentences]") {
  CHECK(sentences_of("The rain fell.The match went on.") == std::vector<std::string>{"The rain fell.", "The match went on."});
  // Not a web address, an initial's run, or a number.
  CHECK(sentences_of("See Brae.com or Halo.Brae.Org, or J.R. Lark at 3.Five") ==
        std::vector<std::string>{"See Brae.com or Halo.Brae.Org, or J.R. Lark at 3.Five"});
}

TEST_CASE("an abbreviation or an initial does not end a sentence", "[sentences]") {
  CHECK(sentences_of("Mr. Kell met Dr. Ona Vide at the U.S. embassy. They spoke.") ==
        std::vector<std::string>{"Mr. Kell met Dr. Ona Vide at the U.S. embassy. ", "They spoke."});
  CHECK(sentences_of("Jon P. Lark won. He smiled.") == std::vector<std::string>{"Jon P. Lark won. ", "He smiled."});
}

TEST_CASE("a closing mark after the stop belongs to the sentence it ends", "[sentences]") {
  CHECK(sentences_of("She said “we won.” Then she left.") ==
        std::vector<std::string>{"She said “we won.” ", "Then she left."});
}

TEST_CASE("every line starts a sentence", "[sentences]") {
  CHECK(sentences_of("Headline here\nBody text") == std::vector<std::string>{"Headline here\n", "Body text"});
}

TEST_CASE("a wire story's dateline is not part of its first sentence", "[sentences]") {
  CHECK(sentences_of("OSLOVIA (Wirepress) — The council said no.") ==
        std::vector<std::string>{"OSLOVIA (Wirepress) — ", "The council said no."});
  CHECK(sentences_of("Title\nPORT MARA, Jan 5 (AP) - Officials met.") ==
        std::vector<std::string>{"Title\n", "PORT MARA, Jan 5 (AP) - ", "Officials met."});
  // Capitals that run on into the sentence are no dateline.
  PassFixture f("NATO SAID NOTHING today.");
  CHECK(quotegraph::detail::dateline_end(f.analysis, 0) == std::string::npos);
  PassFixture g("VELMA -- Crews worked.");
  CHECK(g.text(quotegraph::detail::dateline_end(g.analysis, 0), g.analysis.text.size()) == "Crews worked.");
}

TEST_CASE("the abbreviations are the language's data, not the code's", "[sentences]") {
  const std::string text = "Mr. Kell met Hr. Vide. They spoke.";
  PassFixture f(text);
  quotegraph::detail::Lexicon lexicon = f.data.lexicon;
  lexicon.abbreviations = {"Hr"};  // a language that abbreviates "Herr", not "Mister"
  const quotegraph::detail::PassContext cx{lexicon, f.data.rules, f.data.scan, f.scratch, f.phrases};
  quotegraph::detail::find_sentences(cx, f.analysis);
  CHECK(f.analysis.sentence_starts == std::vector<std::size_t>{0, text.find("Kell"), text.find("They")});
  CHECK(sentences_of(text) == std::vector<std::string>{"Mr. Kell met Hr. ", "Vide. ", "They spoke."});
}
