#include "quotegraph/extractor.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>

#include "chars.h"
#include "lexicon.h"
#include "passes.h"
#include "phrase.h"
#include "quotegraph/hash.h"
#include "quotegraph/quote_scanner.h"
#include "quotegraph/utf8.h"
#include "regex.h"
#include "rules.h"

namespace quotegraph {

using namespace detail;

// One language's rules and lexicons, compiled (extract/data/LANG/).
struct LanguagePack {
  std::string language;
  Lexicon lexicon;
  RuleSet rules;
  // Tells one pack's lexicon from another's in a thread's PhraseCache (an address could be
  // reused by a later extractor).
  std::uint64_t id = next_id();

  static std::uint64_t next_id() {
    static std::atomic<std::uint64_t> last{0};
    return ++last;
  }
};

struct Extractor::Impl {
  std::vector<std::unique_ptr<LanguagePack>> packs;  // one, or every language for "auto"
  ScanOptions scan;
};

namespace {

// The passes over one document, in order (passes.h; docs/architecture.md). After the rules,
// each pass gives a speaker only to quotes the earlier ones left without one.
void run_passes(const PassContext& cx, DocumentAnalysis& doc, DocumentQuotes& out) {
  doc.spans = scan_quotes(doc.text, cx.scan);
  if (doc.spans.empty()) return;
  find_sentences(cx, doc);
  find_mentions(cx, doc);
  attribute_by_rules(cx, doc);
  headline_speakers(cx, doc);
  lead_in_speakers(cx, doc);
  continue_speakers(cx, doc);
  clause_subject_speakers(cx, doc);
  complete_surnames(cx, doc);
  name_described_sources(doc);
  emit_quotes(cx, doc, out);
  out.warnings = std::move(doc.warnings);
}

}  // namespace

std::string normalise_key(std::string_view name) {
  // Outside ASCII, the name is first written in ASCII (accents folded, other scripts
  // transliterated), so that "Łukasz" and "Lukasz", "Сергей" and "Sergej" share a key.
  const bool ascii = std::all_of(name.begin(), name.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  std::string transliterated;
  if (!ascii) name = transliterated = ascii_transliteration(name);
  std::string key;
  bool dash = false;
  for (const char byte : name) {
    const unsigned char c = static_cast<unsigned char>(byte);
    char folded = '-';
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) folded = static_cast<char>(c);
    else if (c >= 'A' && c <= 'Z') folded = static_cast<char>(c - 'A' + 'a');
    else if (c == '\'') continue;  // O'Brien -> obrien
    if (folded == '-') {
      dash = !key.empty();
    } else {
      if (dash) key += '-';
      dash = false;
      key += folded;
    }
  }
  return key;
}

Extractor::Extractor() : impl_(std::make_unique<Impl>()) {}
Extractor::~Extractor() = default;

namespace {

bool load_pack(const ExtractorOptions& options, const std::string& language, LanguagePack& pack,
               std::string* error) {
  pack.language = language;
  if (embedded_data(language + "/rules.txt").empty()) {
    std::string known;
    for (const std::string_view builtin : embedded_languages()) known.append(builtin) += ", ";
    if (error) *error = "no language pack '" + language + "' (built in: " + known + "or auto)";
    return false;
  }
  if (!pack.lexicon.load(options.lexicon_dir, language, error)) return false;
  std::string rules_text;
  // The default language keeps its error messages' file name ("rules.txt:12: ...").
  std::string rules_name = language == embedded_languages().front() ? "rules.txt" : language + "/rules.txt";
  if (!options.rules_file.empty()) {
    std::ifstream in(options.rules_file, std::ios::binary);
    std::ostringstream buffer;
    if (!in || !(buffer << in.rdbuf())) {
      if (error) *error = options.rules_file + ": cannot read rule file";
      return false;
    }
    rules_text = buffer.str();
    rules_name = options.rules_file;
  } else {
    rules_text = std::string(embedded_data(language + "/rules.txt"));
  }
  return pack.rules.load(rules_text, rules_name, pack.lexicon, error);
}

}  // namespace

std::unique_ptr<Extractor> Extractor::create(const ExtractorOptions& options, std::string* error) {
  std::unique_ptr<Extractor> extractor(new Extractor());
  Impl& impl = *extractor->impl_;
  std::vector<std::string> languages{options.language};
  if (options.language == "auto") languages.assign(embedded_languages().begin(), embedded_languages().end());
  for (const std::string& language : languages) {
    impl.packs.push_back(std::make_unique<LanguagePack>());
    if (!load_pack(options, language, *impl.packs.back(), error)) return nullptr;
  }
  return extractor;
}

void Extractor::extract(const Document& document, DocumentQuotes& out) const {
  out.clear();
  const LanguagePack* pack = impl_->packs.front().get();
  if (impl_->packs.size() > 1) {
    const auto pack_for = [&](std::string_view language) -> const LanguagePack* {
      for (const auto& p : impl_->packs)
        if (p->language == language) return p.get();
      return nullptr;
    };
    // The language the input declares ("de", "de-AT") when a pack reads it, else the text's.
    const std::string declared = to_lower_ascii(std::string_view(document.language).substr(0, document.language.find('-')));
    if (const LanguagePack* p = pack_for(declared)) pack = p;
    else if (const LanguagePack* q = pack_for(detect_language(document.text))) pack = q;
  }
  out.language = pack->language;
  thread_local MatchScratch scratch;
  thread_local PhraseCache phrases;
  phrases.start_document(pack->id);
  DocumentAnalysis analysis(document);
  // The tokens' vectors keep their capacity from one document to the next on this thread.
  thread_local std::vector<Token> tokens;
  thread_local ClassString classes;
  analysis.tokens.swap(tokens);
  std::swap(analysis.classes, classes);
  run_passes(PassContext{pack->lexicon, pack->rules, impl_->scan, scratch, phrases}, analysis, out);
  analysis.tokens.swap(tokens);
  std::swap(analysis.classes, classes);
}

std::string_view builtin_data_file(std::string_view name) {
  // A name without a folder is the default language's ("rules.txt" = "en/rules.txt"), as
  // before languages.
  if (name.find('/') == std::string_view::npos)
    return embedded_data(std::string(embedded_languages().front()) + "/" + std::string(name));
  return embedded_data(name);
}

namespace {

// What tells a built-in language in a text, for detect_language(): its frequent function
// words and its opening quotation marks (language.tsv's `frequent_word` and `opening_mark`),
// read once from the built-in files.
struct LanguageEvidence {
  std::string language;
  std::vector<std::string> words, marks;
};

const std::vector<LanguageEvidence>& language_evidence() {
  static const std::vector<LanguageEvidence> evidence = [] {
    std::vector<LanguageEvidence> all;
    for (const std::string_view language : embedded_languages()) {  // the first is the default: another wins only with more
      LanguageEvidence e{std::string(language), {}, {}};
      std::istringstream in{std::string(embedded_data(e.language + "/language.tsv"))};
      for (std::string line; std::getline(in, line);) {
        const std::size_t tab = line.find('\t');
        if (tab == std::string::npos) continue;
        const std::string section = line.substr(0, tab), value = line.substr(tab + 1);
        if (section == "frequent_word") e.words.push_back(to_lower_ascii(value));
        else if (section == "opening_mark") e.marks.push_back(value);
      }
      all.push_back(std::move(e));
    }
    return all;
  }();
  return evidence;
}

}  // namespace

std::string_view detect_language(std::string_view text) {
  // Cheap evidence from the first 4 KB: each language's frequent function words, and its
  // opening marks (German „ and ») counting two; the default language wins ties.
  const std::string_view sample = text.substr(0, 4096);
  const std::vector<LanguageEvidence>& evidence = language_evidence();
  std::vector<int> score(evidence.size(), 0);
  std::size_t i = 0;
  while (i < sample.size()) {
    while (i < sample.size() && !std::isalpha(static_cast<unsigned char>(sample[i]))) {
      for (std::size_t k = 0; k < evidence.size(); ++k)
        for (const std::string& mark : evidence[k].marks) score[k] += sample.compare(i, mark.size(), mark) == 0 ? 2 : 0;
      ++i;
    }
    std::size_t j = i;
    while (j < sample.size() && (std::isalpha(static_cast<unsigned char>(sample[j])) || (sample[j] & 0x80))) ++j;
    const std::string word = to_lower_ascii(sample.substr(i, j - i));
    for (std::size_t k = 0; k < evidence.size(); ++k)
      for (const std::string& w : evidence[k].words) score[k] += word == w;
    i = j;
  }
  std::size_t best = 0;
  for (std::size_t k = 1; k < evidence.size(); ++k)
    if (score[k] > score[best]) best = k;
  return evidence[best].language;
}

bool is_language_tag(std::string_view tag) {
  if (tag.empty() || tag.size() > 35) return false;
  bool first_part = true;
  std::size_t part = 0;  // letters or digits since the last dash
  for (const char c : tag) {
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'), digit = c >= '0' && c <= '9';
    if (c == '-') {
      if (part == 0) return false;
      first_part = false;
      part = 0;
    } else if (letter || (digit && !first_part)) {
      ++part;
    } else {
      return false;
    }
  }
  return part > 0;
}

std::string quote_id(const std::string& document_id, std::size_t start, std::size_t end) {
  // FNV-1a over "doc\0start\0end": stable across runs, machines and shard orders.
  std::uint64_t h = fnv1a_hash64({});
  for (const std::string& part : {document_id, std::to_string(start), std::to_string(end)})
    h = fnv1a_hash64(std::string_view("\0", 1), fnv1a_hash64(part, h));
  return "q" + hex64(h);
}


}  // namespace quotegraph
