// A document run through the extractor's passes one at a time (internal headers), so that a
// test can call the pass it is about by itself and look at the plain data it wrote.
#pragma once
#include <catch2/catch.hpp>

#include <cstdint>
#include <map>
#include <memory>
#include <string>

#include "analysis.h"
#include "lexicon.h"
#include "passes.h"
#include "regex.h"
#include "rules.h"

namespace quotegraph::test {

// One language's data, loaded once per language for the whole test run.
struct LanguageData {
  detail::Lexicon lexicon;
  detail::RuleSet rules;
  ScanOptions scan;
};

inline const LanguageData& language_data(const std::string& language = "en") {
  static std::map<std::string, std::unique_ptr<LanguageData>> loaded;
  auto& data = loaded[language];
  if (!data) {
    data = std::make_unique<LanguageData>();
    std::string error;
    REQUIRE(data->lexicon.load("", language, &error));
    REQUIRE(data->rules.load(std::string(detail::embedded_data(language + "/rules.txt")), language + "/rules.txt",
                             data->lexicon, &error));
  }
  return *data;
}

// The text as a document, its analysis, and what a pass needs besides. The passes up to the
// one under test are run with the run_* helpers, in run_passes()'s order.
struct PassFixture {
  explicit PassFixture(std::string text, const std::string& language = "en")
      : data(language_data(language)), document(make_document(std::move(text))), analysis(document),
        cx{data.lexicon, data.rules, data.scan, scratch, phrases} {
    static std::uint64_t lexicon_id = 1000;
    phrases.start_document(++lexicon_id);
  }
  PassFixture(const PassFixture&) = delete;

  static Document make_document(std::string text) {
    Document document;
    document.id = "doc";
    document.text = std::move(text);
    return document;
  }

  void run_scan() { analysis.spans = scan_quotes(analysis.text, data.scan); }
  void run_sentences() { run_scan(), detail::find_sentences(cx, analysis); }
  void run_mentions() { run_sentences(), detail::find_mentions(cx, analysis); }
  void run_rules() { run_mentions(), detail::attribute_by_rules(cx, analysis); }

  // The text of a byte span, of a mention, of the entity an attribution names ("" for none).
  std::string text(std::size_t begin, std::size_t end) const { return analysis.text.substr(begin, end - begin); }
  std::string speaker(std::size_t quote) const {
    const int entity = analysis.attributions.at(quote).entity;
    return entity < 0 ? "" : analysis.entities.at(entity).display;
  }
  std::string rule(std::size_t quote) const { return analysis.attributions.at(quote).rule; }

  const LanguageData& data;
  Document document;
  detail::DocumentAnalysis analysis;
  detail::MatchScratch scratch;
  detail::PhraseCache phrases;
  detail::PassContext cx;
};

}  // namespace quotegraph::test
