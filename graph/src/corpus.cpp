#include "quotegraph/corpus.h"

#include <algorithm>
#include <cstdio>
#include <set>
#include <thread>
#include <unordered_map>
#include <unordered_set>

namespace quotegraph {

namespace {

std::vector<std::string> split_words(std::string_view text) {
  std::vector<std::string> words;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start) words.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

std::string collapse_repeats(const std::string& key) {
  std::string out;
  for (char c : key)
    if (out.empty() || out.back() != c || c == '-') out += c;
  return out;
}

std::string skeleton(const std::string& word) {
  const std::string key = normalise_key(word);
  if (key.empty()) return key;
  std::string out(1, key[0]);
  for (std::size_t i = 1; i < key.size(); ++i) {
    const char c = key[i];
    if (std::string_view("aeiouyh-").find(c) != std::string_view::npos || c == key[i - 1]) continue;  // mm -> m
    out += c;
  }
  // Short names keep their letters: with two consonants or fewer the skeleton no longer tells
  // names apart (Dan/Don, Jan/John).
  return out.size() >= 3 ? out : key;
}

bool is_lower_particle(const std::string& word) {  // de, van, von, al, bin, ...
  return !word.empty() && word[0] >= 'a' && word[0] <= 'z';
}

struct NameParts {
  std::string first, middle, surname;  // keys; first and middle empty for a bare surname
};

NameParts name_parts(std::string_view name) {
  const auto words = split_words(name);
  NameParts parts;
  if (words.empty()) return parts;
  // The surname runs from the first lower-case particle after the first name (Ursula von der
  // Leyen), or is the last word.
  std::size_t surname_from = words.size() - 1;
  for (std::size_t i = 1; i + 1 < words.size(); ++i)
    if (is_lower_particle(words[i])) { surname_from = i; break; }
  std::string surname;
  for (std::size_t i = surname_from; i < words.size(); ++i) surname += (surname.empty() ? "" : " ") + words[i];
  parts.surname = collapse_repeats(normalise_key(surname));
  if (words.size() == 1) return parts;
  parts.first = skeleton(words[0]);
  for (std::size_t i = 1; i < surname_from; ++i) {
    const std::string key = normalise_key(words[i]);
    if (!key.empty()) parts.middle += (parts.middle.empty() ? "" : "-") + key.substr(0, 1);
  }
  return parts;
}

std::string join_key(const NameParts& p) {
  if (p.first.empty()) return p.surname;
  return p.first + "-" + (p.middle.empty() ? "" : p.middle + "-") + p.surname;
}

std::string hash_id(const std::string& s) {
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  char buffer[20];
  std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(h));
  return buffer;
}

bool starts_with(const std::string& s, std::string_view prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

// Hashed, not ordered: what a key resolves to does not depend on the order keys are visited in.
using KeySet = std::unordered_set<std::string>;
using KeyMap = std::unordered_map<std::string, std::string>;

// Each key maps to the only other key in `candidates_of(key)` that `fits` it, or to itself
// when none or several do.
template <typename Candidates, typename Fits>
KeyMap resolve_short_keys(const KeySet& keys, Candidates candidates_of, Fits fits) {
  KeyMap resolved;
  for (const auto& key : keys) {
    std::string only;
    int count = 0;
    for (const auto& longer : candidates_of(key))
      if (longer != key && fits(key, longer)) { only = longer; ++count; }
    resolved[key] = count == 1 ? only : key;
  }
  return resolved;
}

// A short key that fits one longer key which itself fits another resolves to the longest.
std::string final_key(const KeyMap& resolved, std::string key) {
  for (int hops = 0; hops < 8; ++hops) {
    const auto it = resolved.find(key);
    if (it == resolved.end() || it->second == key) break;
    key = it->second;
  }
  return key;
}

}  // namespace

void Corpus::add(DocumentRecord record) {
  record.document.text.clear();
  record.document.text.shrink_to_fit();
  documents_.push_back(std::move(record));
}

std::vector<std::string> Corpus::finish() {
  // Duplicates are ordered by content too, so which one is kept does not depend on arrival.
  auto signature = [](const DocumentRecord& r) {
    std::string s = r.document.title + '\n' + r.document.date + '\n' + r.document.url + '\n';
    for (const auto& q : r.quotes) s += q.text + '\n' + q.speaker_id + '\n';
    return s;
  };
  std::stable_sort(documents_.begin(), documents_.end(), [&](const DocumentRecord& a, const DocumentRecord& b) {
    if (a.document.id != b.document.id) return a.document.id < b.document.id;
    return signature(a) < signature(b);
  });
  // An id given more than once with different content is reported once, with how often it came;
  // the first in the order above is kept. Identical copies (one file given twice, a document
  // sent to two shards) are dropped without a word.
  std::vector<std::string> messages;
  std::vector<DocumentRecord> unique;
  unique.reserve(documents_.size());
  std::size_t copies = 0;
  bool differ = false;
  auto report_copies = [&] {
    if (differ)
      messages.push_back("document id " + unique.back().document.id + " was given " + std::to_string(copies) +
                         " times with different content; kept one");
  };
  for (auto& r : documents_) {
    if (!unique.empty() && unique.back().document.id == r.document.id) {
      ++copies;
      differ = differ || signature(unique.back()) != signature(r);
      continue;
    }
    report_copies();
    unique.push_back(std::move(r));
    copies = 1;
    differ = false;
  }
  report_copies();
  documents_ = std::move(unique);
  return messages;
}

std::size_t Corpus::quote_count() const {
  std::size_t n = 0;
  for (const auto& r : documents_) n += r.quotes.size();
  return n;
}

std::string person_key(std::string_view name) { return join_key(name_parts(name)); }

std::string organization_key(std::string_view name) {
  auto words = split_words(name);
  if (!words.empty() && (words[0] == "the" || words[0] == "The")) words.erase(words.begin());
  // "Department of State" -> "State Department", "Ministry of Defence" -> "Defence Ministry".
  static const char* const heads[] = {"Department", "Ministry", "Office", "Bureau"};
  if (words.size() >= 3 && words[1] == "of" &&
      std::find(std::begin(heads), std::end(heads), words[0]) != std::end(heads)) {
    std::vector<std::string> turned(words.begin() + 2, words.end());
    turned.push_back(words[0]);
    words = turned;
  }
  std::string joined;
  for (const auto& w : words) joined += (joined.empty() ? "" : " ") + w;
  return normalise_key(joined);
}

std::string normalise_statement(std::string_view text) {
  std::string out;
  bool space = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    // Quotation marks and apostrophes of any kind fold away; spacing collapses.
    if (c == '"' || c == '\'') continue;
    if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
        static_cast<unsigned char>(text[i + 2]) >= 0x98 && static_cast<unsigned char>(text[i + 2]) <= 0x9F) {
      i += 2;
      continue;
    }
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') { space = !out.empty(); continue; }
    if (space) out += ' ';
    space = false;
    out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  while (!out.empty() && std::string_view(",.;:!?").find(out.back()) != std::string_view::npos) out.pop_back();
  return out;
}

namespace {
std::string statement_id_of_words(std::string_view speaker_id, const std::string& words) {
  return "statement:" + hash_id(std::string(speaker_id) + '\n' + words);
}
}  // namespace

std::string statement_id(std::string_view speaker_id, std::string_view text) {
  return statement_id_of_words(speaker_id, normalise_statement(text));
}

namespace {

// What resolution needs of one quote, worked out once (and on several threads at once).
struct QuoteKeys {
  NameParts name;            // a named person: the speaker's name
  std::string speaker_key;   // a named person's join_key(name), or an organisation's key
  std::string organization;  // organization_key(q.organization), or empty
  std::string words;         // normalise_statement(q.text)
};

// Runs work(first, last) on `threads` contiguous slices of [0, count) at once.
template <typename Work>
void in_slices(std::size_t count, unsigned threads, Work work) {
  threads = static_cast<unsigned>(std::max<std::size_t>(1, std::min<std::size_t>(threads, count / 1024)));
  std::vector<std::thread> helpers;
  for (unsigned t = 1; t < threads; ++t) helpers.emplace_back(work, count * t / threads, count * (t + 1) / threads);
  work(0, count / threads);
  for (auto& h : helpers) h.join();
}

bool is_person(const Quote& q) { return starts_with(q.speaker_id, "person:"); }
bool is_org(const Quote& q) { return starts_with(q.speaker_id, "org:"); }

}  // namespace

void resolve_corpus(Corpus& corpus, unsigned threads) {
  auto& documents = corpus.documents();
  std::vector<std::size_t> first_quote(documents.size() + 1, 0);
  for (std::size_t d = 0; d < documents.size(); ++d) first_quote[d + 1] = first_quote[d] + documents[d].quotes.size();
  std::vector<QuoteKeys> keys(first_quote.back());  // document d's quotes from first_quote[d] on
  // visit(quote, its keys) for every quote of documents [from, to), in order.
  auto quotes_of = [&](std::size_t from, std::size_t to, auto visit) {
    for (std::size_t d = from; d < to; ++d)
      for (std::size_t i = 0; i < documents[d].quotes.size(); ++i) visit(documents[d].quotes[i], keys[first_quote[d] + i]);
  };
  auto every_quote = [&](auto visit) { quotes_of(0, documents.size(), visit); };
  in_slices(documents.size(), threads, [&](std::size_t from, std::size_t to) {
    quotes_of(from, to, [](const Quote& q, QuoteKeys& k) {
      if (is_person(q)) {
        k.name = name_parts(q.speaker);
        k.speaker_key = join_key(k.name);
      } else if (is_org(q)) {
        k.speaker_key = organization_key(q.speaker);
      }
      if (!q.organization.empty()) k.organization = organization_key(q.organization);
      k.words = normalise_statement(q.text);
    });
  });

  // 1. Person keys: full names first; short forms join the only full name that fits them.
  KeySet person_keys, org_keys;
  std::unordered_map<std::string, NameParts> parts_of;
  every_quote([&](const Quote& q, const QuoteKeys& k) {
    if (is_person(q)) {
      person_keys.insert(k.speaker_key);
      parts_of.emplace(k.speaker_key, k.name);
    } else if (is_org(q)) {
      org_keys.insert(k.speaker_key);
    }
    if (!k.organization.empty()) org_keys.insert(k.organization);
  });
  std::unordered_map<std::string, std::vector<std::string>> by_surname;  // keeps the search local
  for (const auto& [key, p] : parts_of) by_surname[p.surname].push_back(key);
  const auto person = resolve_short_keys(
      person_keys, [&](const std::string& key) -> const std::vector<std::string>& { return by_surname[parts_of.at(key).surname]; },
      [&](const std::string& key, const std::string& longer) {
        const NameParts& a = parts_of.at(key);
        const NameParts& b = parts_of.at(longer);
        if (b.first.empty()) return false;
        if (a.first.empty()) return true;                                  // "Lavrov"
        return a.middle.empty() && !b.middle.empty() && a.first == b.first;  // "George Bush"
      });
  std::unordered_map<std::string, std::vector<std::string>> ending_with;  // "state-department" -> "u-s-state-department"
  for (const auto& key : org_keys)
    for (std::size_t dash = key.find('-'); dash != std::string::npos; dash = key.find('-', dash + 1))
      ending_with[key.substr(dash + 1)].push_back(key);
  const auto org = resolve_short_keys(
      org_keys, [&](const std::string& key) -> const std::vector<std::string>& { return ending_with[key]; },
      [](const std::string&, const std::string&) { return true; });

  // 2. Rewrite ids; statements by resolved speaker and normalised words (the maps are only
  // read here, so the slices can share them).
  in_slices(documents.size(), threads, [&](std::size_t from, std::size_t to) {
    quotes_of(from, to, [&](Quote& q, const QuoteKeys& k) {
      if (is_person(q)) q.speaker_id = "person:" + final_key(person, k.speaker_key);
      else if (is_org(q)) q.speaker_id = "org:" + final_key(org, k.speaker_key);
      q.organization_id = q.organization.empty() ? "" : "org:" + final_key(org, k.organization);
      q.statement_id = statement_id_of_words(q.speaker_id, k.words);
      q.conflicting_speakers.clear();
    });
  });
  // 3. The same words given to different named speakers: what a fact-checker looks at first.
  auto named = [](const Quote& q) { return !q.speaker_id.empty() && !q.anonymous; };
  std::unordered_map<std::string, std::set<std::string>> speakers_of_words;  // the set: in order
  every_quote([&](const Quote& q, const QuoteKeys& k) {
    if (named(q) && std::count(k.words.begin(), k.words.end(), ' ') >= 5) speakers_of_words[k.words].insert(q.speaker_id);
  });
  every_quote([&](Quote& q, const QuoteKeys& k) {
    if (!named(q)) return;
    const auto it = speakers_of_words.find(k.words);
    if (it == speakers_of_words.end() || it->second.size() < 2) return;
    for (const auto& other : it->second)
      if (other != q.speaker_id) q.conflicting_speakers.push_back(other);
  });
}

}  // namespace quotegraph
