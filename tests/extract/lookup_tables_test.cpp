// The two flat hash tables of the extractor's hot path (internal headers): the prefilters'
// word sets and the per-thread phrase cache. Both must answer exactly as the plain lookup
// they stand for, through growth, collisions and (for the cache) clearing between documents.
#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <vector>

#include "lexicon.h"
#include "phrase.h"
#include "rules.h"

using quotegraph::detail::analyse_phrase;
using quotegraph::detail::Lexicon;
using quotegraph::detail::Phrase;
using quotegraph::detail::PhraseCache;
using quotegraph::detail::WordSet;

namespace {

// Words of every length from 1 to 40 bytes over a small alphabet, so that many share their
// first byte and length (which the set's bitmap lets through) and only the table tells them
// apart; some have bytes outside ASCII.
std::vector<std::string> sample_words(std::size_t count, unsigned seed) {
  std::vector<std::string> words;
  unsigned state = seed;
  const auto next = [&] { return state = state * 1103515245u + 12345u, (state >> 16) & 0x7fff; };
  for (std::size_t i = 0; i < count; ++i) {
    std::string word(1 + next() % 40, 'a');
    for (char& c : word) c = static_cast<char>('a' + next() % 4);
    if (next() % 10 == 0) word += "\xC3\xA9";  // é
    words.push_back(word);
  }
  return words;
}

void require_same_phrase(const Phrase& cached, const Phrase& direct) {
  REQUIRE(cached.kind == direct.kind);
  REQUIRE(cached.name == direct.name);
  REQUIRE(cached.role == direct.role);
  REQUIRE(cached.organization == direct.organization);
  REQUIRE(cached.gender == direct.gender);
  REQUIRE(cached.descriptor == direct.descriptor);
  REQUIRE(cached.head == direct.head);
  REQUIRE(cached.pronoun == direct.pronoun);
  REQUIRE(cached.definite == direct.definite);
  REQUIRE(cached.plural == direct.plural);
}

}  // namespace

TEST_CASE("WordSet holds exactly the words inserted, through growth and duplicates") {
  WordSet set;
  REQUIRE_FALSE(set.contains("spokesman"));  // empty: no table yet
  const std::vector<std::string> inserted = sample_words(3000, 7);
  std::set<std::string> expected;
  for (const std::string& word : inserted) {
    set.insert(word);
    set.insert(word);  // a second insert changes nothing
    expected.insert(word);
  }
  set.insert("");  // ignored: a word has a byte
  REQUIRE_FALSE(set.contains(""));
  for (const std::string& word : expected) REQUIRE(set.contains(word));
  std::size_t misses = 0;
  for (const std::string& word : sample_words(3000, 99)) {
    REQUIRE(set.contains(word) == (expected.count(word) > 0));
    misses += expected.count(word) == 0;
  }
  REQUIRE(misses > 1000);  // the probe set really has words the set lacks
  // A prefix or an extension of a word is another word.
  set.insert("minister");
  REQUIRE_FALSE(set.contains("ministe"));
  REQUIRE_FALSE(set.contains("ministers"));
  REQUIRE(set.has_non_ascii());
}

TEST_CASE("PhraseCache answers as analyse_phrase, and its references last the document") {
  Lexicon lexicon;
  std::string error;
  REQUIRE(lexicon.load("", &error));
  const std::vector<std::string> phrases = {"Mr Blair", "He", "she", "a Pentagon spokesman", "the American",
                                            "US Secretary of State Antony Blinken", "The", "officials",
                                            "Russia's foreign minister", "the 23-year-old"};
  PhraseCache cache;
  cache.start_document(1);
  // The first reference taken must still hold its phrase after thousands more are added
  // (the table grows several times meanwhile).
  const Phrase& first = cache.analyse(phrases[0], lexicon);
  std::vector<std::string> many;
  for (int i = 0; i < 5000; ++i) many.push_back("Person" + std::to_string(i) + " Smith");
  for (const std::string& phrase : many) require_same_phrase(cache.analyse(phrase, lexicon), analyse_phrase(phrase, lexicon));
  require_same_phrase(first, analyse_phrase(phrases[0], lexicon));
  for (int round = 0; round < 2; ++round)  // the second round finds every phrase in the cache
    for (const std::string& phrase : phrases) require_same_phrase(cache.analyse(phrase, lexicon), analyse_phrase(phrase, lexicon));
  REQUIRE(&cache.analyse(phrases[1], lexicon) == &cache.analyse(phrases[1], lexicon));

  // Past its bound the cache is emptied at a document's start, and answers as before.
  for (int i = 5000; i < 21000; ++i) cache.analyse("Person" + std::to_string(i) + " Jones", lexicon);
  cache.start_document(1);
  for (const std::string& phrase : phrases) require_same_phrase(cache.analyse(phrase, lexicon), analyse_phrase(phrase, lexicon));
  // Another lexicon empties it too: "Mr Blair" may read differently there.
  cache.start_document(2);
  require_same_phrase(cache.analyse("Mr Blair", lexicon), analyse_phrase("Mr Blair", lexicon));
}
