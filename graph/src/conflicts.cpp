// ResolvedQuote::conflicts: conflicting_speakers with the other speakers' names and the articles that
// give them the words. Called by resolve_corpus() once conflicting_speakers are known.
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "quotegraph/corpus.h"

namespace quotegraph {

void describe_conflicts(Corpus& corpus) {
  // The words of every quote that has a conflict, and every speaker those quotes involve: the
  // second pass normalises only the quotes of these speakers.
  std::unordered_map<const ResolvedQuote*, std::string> words_of;
  std::unordered_set<std::string> conflicting_words, involved;
  for (auto& record : corpus.documents()) {
    for (ResolvedQuote& q : record.quotes) {
      q.conflicts.clear();
      if (q.conflicting_speakers.empty()) continue;
      const std::string& words = words_of.emplace(&q, normalise_statement(q.text)).first->second;
      conflicting_words.insert(words);
      involved.insert(q.speaker_id);
      involved.insert(q.conflicting_speakers.begin(), q.conflicting_speakers.end());
    }
  }
  if (words_of.empty()) return;
  struct Attributed {
    std::map<std::string, std::size_t> names;  // spelling -> quotes
    std::set<std::string> documents;
  };
  // words -> speaker id -> how the articles that give them the words name them
  std::unordered_map<std::string, std::map<std::string, Attributed>> by_words;
  for (const auto& record : corpus.documents()) {
    for (const ResolvedQuote& q : record.quotes) {
      if (q.speaker_id.empty() || q.anonymous || !involved.count(q.speaker_id)) continue;
      const auto known = words_of.find(&q);
      const std::string words = known != words_of.end() ? known->second : normalise_statement(q.text);
      if (!conflicting_words.count(words)) continue;
      Attributed& a = by_words[words][q.speaker_id];
      ++a.names[q.speaker];
      a.documents.insert(record.document.id);
    }
  }
  for (auto& [quote, words] : words_of) {
    ResolvedQuote& q = *const_cast<ResolvedQuote*>(quote);
    const auto& speakers = by_words[words];
    for (const auto& other : q.conflicting_speakers) {
      ConflictingAttribution c;
      c.speaker_id = other;
      if (const auto it = speakers.find(other); it != speakers.end()) {
        std::size_t best = 0;  // the most common spelling; ties: the first in code point order
        for (const auto& [name, n] : it->second.names)
          if (n > best) best = n, c.speaker = name;
        c.documents.assign(it->second.documents.begin(), it->second.documents.end());
      }
      q.conflicts.push_back(std::move(c));
    }
  }
}

}  // namespace quotegraph
