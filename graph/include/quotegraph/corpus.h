// A corpus of extracted documents — what a shard's partial result holds and what the final
// outputs are made from — and the resolution of speakers and statements across it.
//
// Every result depends only on the set of documents, never on the order they (or the shards
// holding them) arrived in: the corpus is put in document-id order before anything is derived
// from it. That is what makes a merge of partial results associative and commutative.
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "quotegraph/document.h"
#include "quotegraph/extractor.h"

namespace quotegraph {

// Another speaker the same words are given to elsewhere in a corpus.
struct ConflictingAttribution {
  std::string speaker_id;              // the other speaker's id
  std::string speaker;                 // their name as those articles write it (the most common spelling)
  std::vector<std::string> documents;  // ids of the articles that give them the words, sorted
};

// A quote in a corpus: what extraction found (the Quote), and what resolve_corpus() adds
// looking across documents. Until then the added fields are empty and speaker_id is
// extraction's; after it, speaker_id is the one resolved across the corpus. The outputs
// (export/) are written from these.
struct ResolvedQuote : Quote {
  ResolvedQuote() = default;
  // An extracted quote entering a corpus, not resolved yet.
  ResolvedQuote(Quote quote) : Quote(std::move(quote)) {}  // NOLINT: implicit on purpose

  std::string organization_id;                   // "org:KEY" of `organization`
  std::string statement_id;                      // the same words by the same speaker
  std::vector<std::string> conflicting_speakers; // other speakers the same words are given to
  // The same, with the other speaker's name and the articles that give them the words, in the
  // order of conflicting_speakers.
  std::vector<ConflictingAttribution> conflicts;
};

// One document's metadata (its text left out: the corpus never holds article text) and quotes.
struct DocumentRecord {
  Document document;
  std::vector<ResolvedQuote> quotes;
};

// Extracted quotes as a corpus holds them (resolved fields empty).
std::vector<ResolvedQuote> unresolved(std::vector<Quote> quotes);

class Corpus {
 public:
  void add(DocumentRecord record);
  // Puts the documents in id order and keeps one of each id (the same document read twice,
  // or sent to two shards). Returns a message per id given with different contents. Call once, after add().
  std::vector<std::string> finish();
  const std::vector<DocumentRecord>& documents() const { return documents_; }
  std::vector<DocumentRecord>& documents() { return documents_; }
  std::size_t quote_count() const;

 private:
  std::vector<DocumentRecord> documents_;
};

// Resolves speakers across the corpus and links statements (docs/jsonl.md, "Who is who across
// a corpus", is the rule in full; a wrong merge is worse than a split):
// - a full name's speaker_id becomes "person:KEY" with KEY from person_key(), so
//   transliterations (Sergei/Sergey Lavrov) and typos (Antony/Anthony) share one id; a full
//   name without the middle initial its namesake carries joins the only one that fits;
// - a bare surname is its document's full name with that surname when there is exactly one
//   of a gender that does not conflict; else it joins a full name of another document on
//   agreeing evidence (a shared role or organisation, no conflicting gender) when exactly one
//   fits, or one that fits is attested with that evidence in three or more documents and every
//   other in one; else it is "person:DOC:SURNAME". A name with more than two middle names (a
//   headline read as a name) is nobody's namesake. Unnamed sources keep their per-document id;
// - organisation ids (speakers and `organization`) become "org:KEY" by organization_key(),
//   equal keys only: never a part of a longer name ("FA" is not "Spanish FA");
// - statement_id: the same normalised words by the same speaker;
// - conflicting_speakers: the other named speakers the same words (at least six) are
//   attributed to elsewhere in the corpus.
// `speaker` keeps the name as the article wrote it. Uses up to `threads` threads; the result
// does not depend on how many.
void resolve_corpus(Corpus& corpus, unsigned threads = 1);

// Fills each quote's `conflicts` from its `conflicting_speakers`: the other speaker's name (the
// spelling most of their quotes of these words use) and the articles that give them the words.
// resolve_corpus() calls it last (graph/src/conflicts.cpp).
void describe_conflicts(Corpus& corpus);

// The cross-document key of a person's name: the first name's consonant skeleton (vowels, h
// and doubled letters dropped, the first letter kept: Sergei/Sergey -> srg, Antony/Anthony ->
// antn, Dmytro/Dmitry -> dmtr; a name with fewer than three consonants is kept whole), middle initials, and the surname folded to ASCII with repeated
// letters collapsed (Zelenskyy -> zelensky) and umlauts written out folded (Müller, Mueller,
// Muller -> muler; Strauß, Strauss -> straus): "srg-lavrov", "grg-w-bush". One word: the surname.
std::string person_key(std::string_view name);

// The cross-document key of an organisation: folded, without a leading "the", and "Department
// of State" read as "State Department".
std::string organization_key(std::string_view name);

// The words that make two quotes "the same statement" (case, marks and spacing folded).
std::string normalise_statement(std::string_view text);

// The id of the Statement vertex for `text` said by `speaker_id`: "statement:" + a hash of
// both (the speaker resolved across the corpus, the words normalised).
std::string statement_id(std::string_view speaker_id, std::string_view text);

}  // namespace quotegraph
