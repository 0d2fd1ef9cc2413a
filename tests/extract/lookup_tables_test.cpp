// The lookups of the extractor's hot path (internal headers): the prefilters' word sets, the
// per-thread phrase cache and the mention prefilters' reach. Each must answer exactly as the
// plain lookup or scan it stands for, through growth, collisions and (for the cache) clearing
// between documents.
#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <vector>

#include "chars.h"
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
  // contains_folded: the word with its ASCII capitals made small, whatever the case written.
  REQUIRE(set.contains_folded("MINISTER"));
  REQUIRE(set.contains_folded("Minister"));
  REQUIRE_FALSE(set.contains("Minister"));
  REQUIRE_FALSE(set.contains_folded("MINISTERS"));
  for (std::string word : sample_words(500, 7)) {
    for (char& c : word)
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    REQUIRE(set.contains_folded(word));
  }
}

// reach_start answers for all the positions before a word what within_reach answers for each:
// on random lines of words, ASCII and other horizontal spaces, punctuation that blocks and
// punctuation that does not, and characters of two and three bytes.
TEST_CASE("Prefilter::reach_start agrees with within_reach at every start before the word") {
  const std::vector<std::string> pieces = {"a", "Bc", "x1", "\xC3\xA9", "\xE2\x80\x99", " ", " ", "\t", "\xC2\xA0",
                                           "\xE2\x80\xAF", "\xE3\x80\x80", "\xE2\x80\x82", ",", "(", "\"", ".", "-", ";"};
  const auto is_space_start = [](const std::string& line, std::size_t i) {
    return line[i] == ' ' || line[i] == '\t' || line.compare(i, 2, "\xC2\xA0") == 0 || line.compare(i, 3, "\xE2\x80\xAF") == 0 ||
           line.compare(i, 3, "\xE3\x80\x80") == 0 || line.compare(i, 3, "\xE2\x80\x82") == 0;
  };
  unsigned state = 11;
  const auto next = [&] { return state = state * 1103515245u + 12345u, (state >> 16) & 0x7fff; };
  std::size_t reached = 0, not_reached = 0;
  for (int round = 0; round < 400; ++round) {
    std::string line;
    for (unsigned n = 4 + next() % 30; n > 0; --n) line += pieces[next() % pieces.size()];
    quotegraph::detail::Prefilter prefilter;
    prefilter.kind = quotegraph::detail::Prefilter::Kind::WordWithin;
    prefilter.within = next() % 7;
    for (std::size_t word = 0; word < line.size(); ++word) {
      // The word (or mark) the scan found starts a character other than horizontal space.
      if ((static_cast<unsigned char>(line[word]) & 0xC0) == 0x80 || is_space_start(line, word)) continue;
      const std::size_t start = prefilter.reach_start(line, word);
      for (std::size_t pos = 0; pos <= word; ++pos) {
        if ((static_cast<unsigned char>(line[pos]) & 0xC0) == 0x80) continue;  // inside a character
        CAPTURE(line, prefilter.within, word, pos);
        const bool within = prefilter.within_reach(line, pos, word);
        REQUIRE(within == (pos >= start));
        ++(within ? reached : not_reached);
      }
    }
    REQUIRE_FALSE(prefilter.within_reach(line, 0, line.size()));
  }
  REQUIRE(reached > 1000);
  REQUIRE(not_reached > 1000);
}

TEST_CASE("PhraseCache answers as analyse_phrase, and its references last the document") {
  Lexicon lexicon;
  std::string error;
  REQUIRE(lexicon.load("", "en", &error));
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

// ByteSet::find steps over eight bytes at a time where none can be in the set: it must stop at
// the first member whatever the offset, the length, the members' positions in a group of eight,
// and for sets with bytes above 0x7F, with none, and with more ASCII bytes than the fast test.
TEST_CASE("ByteSet::find stops at the first member, as a byte-by-byte scan does") {
  const std::vector<quotegraph::detail::ByteSet> sets = {
      quotegraph::detail::ByteSet("\n\r"), quotegraph::detail::ByteSet("\"\xC2\xE2\xEF"),
      quotegraph::detail::ByteSet("\n\r.!?"), quotegraph::detail::ByteSet("abcdefg\x80")};
  const std::string alphabet = std::string("xyz ,abc\"\n.\r!?\x80\xC2\xE2\xEF\xFF") + '\0';
  unsigned state = 3;
  const auto next = [&] { return state = state * 1103515245u + 12345u, (state >> 16) & 0x7fff; };
  std::size_t found = 0;
  for (int round = 0; round < 300; ++round) {
    std::string text(next() % 70, 'x');
    for (char& c : text)
      if (next() % 6 == 0) c = alphabet[next() % alphabet.size()];
    for (const auto& set : sets) {
      for (std::size_t from = 0; from <= text.size(); ++from) {
        const std::size_t to = from + next() % (text.size() - from + 1);
        std::size_t expected = from;
        while (expected < to && !set.contains(text[expected])) ++expected;
        REQUIRE(set.find(text, from, to) == expected);
        found += expected < to;
      }
    }
  }
  REQUIRE(found > 1000);
}
