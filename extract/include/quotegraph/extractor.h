// Finds quotations in a document and attributes each to its speaker.
//
// An Extractor is built once (rules and lexicons compiled at start-up) and is then read-only:
// any number of threads may call extract() at the same time.
#pragma once
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "quotegraph/document.h"
#include "quotegraph/entity_id.h"

namespace quotegraph {

// What a speaker or an organisation is. A single capitalised word with nothing that says it is
// a person (a given name, an honorific, a title, a "he" or "she" that refers to it) is a Name:
// perhaps a person, perhaps a company ("Yukos said"), never claimed to be either.
enum class EntityType { None, Person, Name, Organization, Place, WrittenSource, Group, UnnamedSource };

// "person", "name", "organization", "place", "written_source", "group", "unnamed_source"; "" for None.
const char* to_string(EntityType type);
// The inverse of to_string(); None for anything else.
EntityType entity_type_from(std::string_view text);

// An offset that is not there (a quote with no speaker mention or no cue).
inline constexpr std::size_t kNoSpan = static_cast<std::size_t>(-1);

// What extraction knows of one quotation, from its document alone. What a corpus adds (ids
// resolved across documents, statements, conflicts) is graph/corpus.h's ResolvedQuote.
struct Quote {
  std::size_t begin = 0, end = 0;  // byte offsets of the quoted words in Document::text
  std::size_t start = 0, stop = 0; // the same span in code points (what the outputs report)
  std::string text;                // the quoted words, without the marks
  // The paragraph the quote stands in, verbatim, for a reader to check the attribution (a
  // long paragraph is cut at sentence starts to about kMaxContextBytes around the quote).
  std::string context;
  std::size_t context_start = 0;   // where `context` starts in the document, in code points
  bool partial = false;            // a fragment woven into the reporter's sentence
  // Speaker; `speaker` is empty when no source could be found.
  std::string speaker;
  // Stable id: EntityId::to_string() ("person:KEY", "org:KEY", "anon:DOC:KEY"), as the
  // document alone gives it; resolve_corpus() rewrites a ResolvedQuote's across documents.
  std::string speaker_id;
  bool anonymous = false;          // an unnamed or written source
  EntityType speaker_type = EntityType::None;
  char gender = 0;                 // the speaker's: 'm', 'f' or 0 (from an honorific, a pronoun, a given name)
  std::string role;
  std::string organization;
  EntityType organization_type = EntityType::None;  // Organization, or Place for a country
  std::string cue;                 // the speech verb that attributed it, as written
  std::string rule;                // id of the rule that attributed it (or found it)
  double confidence = 0.0;
  // The evidence of the attribution, in code points into the document, end exclusive (kNoSpan:
  // none). The speaker mention is what named the speaker in this attribution, as written: the
  // name, descriptor or pronoun the rule's speaker is ("he" in "“…,” he said"; with the
  // apposition when the name is in it: "The port's chief executive, Rui Costa"), the sentence
  // subject a lead-in, headline or clause rule took; a continuation keeps the mention of the
  // quote it continues, which may stand in an earlier paragraph. The cue's span is `cue`'s,
  // set exactly when `cue` is.
  std::string speaker_mention;     // the text at [speaker_start, speaker_stop); empty when none
  std::size_t speaker_start = kNoSpan, speaker_stop = kNoSpan;
  std::size_t cue_start = kNoSpan, cue_stop = kNoSpan;
  // The sentence(s) of `context` that hold the quote and, where they stand in it, the mention
  // and the cue, in code points: what a fact-checker cites. Always within the context.
  std::size_t sentences_start = 0, sentences_stop = 0;
};

// The most of a paragraph a quote's context keeps on each side of the quote, in bytes.
inline constexpr std::size_t kMaxContextBytes = 600;

// Everything extract() found in one document. Plain data; reuse it across documents.
struct DocumentQuotes {
  std::vector<Quote> quotes;           // in document order
  std::vector<std::string> warnings;   // e.g. a rule stopped at its match limit
  std::string language;                // the language pack that read the document ("en", "de")
  void clear() { quotes.clear(); warnings.clear(); language.clear(); }
};

struct ExtractorOptions {
  std::string rules_file;   // a rule file replacing the built-in one; empty = built-in
  std::string lexicon_dir;  // lexicon files found here replace the built-in ones; empty = none
  // The language pack (extract/data/LANG/): "en" (default), "de", or "auto" to pick one per
  // document: the one the input declares (Document::language), else detect_language()'s. --rules and --lexicon-dir replace files of every pack.
  std::string language = "en";
};

class Extractor {
 public:
  // Loads and compiles the rules and lexicons. Returns null and sets `error` (naming the file
  // and line) when they cannot be loaded or a pattern does not compile.
  static std::unique_ptr<Extractor> create(const ExtractorOptions& options, std::string* error);
  ~Extractor();

  // Fills `out` (cleared first) with the quotations of `document`. Thread-safe.
  void extract(const Document& document, DocumentQuotes& out) const;

 private:
  Extractor();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The text of a built-in data file by its path below extract/data/ ("de/rules.txt"); a name
// without a folder is English's ("rules.txt" = "en/rules.txt"). Empty if there is none.
std::string_view builtin_data_file(std::string_view name);

// "de" or "en" for a document's text, from cheap evidence (function words of each language,
// German opening quotation marks in its first 4 KB); "en" when in doubt.
std::string_view detect_language(std::string_view text);

// The stable id of a quote, from the document id and the quote's code point span.
std::string quote_id(const std::string& document_id, std::size_t start, std::size_t end);

// A normalised key for names: lower case, diacritics folded, runs of other characters as '-'.
std::string normalise_key(std::string_view name);

}  // namespace quotegraph
