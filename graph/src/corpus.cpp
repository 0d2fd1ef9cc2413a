#include "quotegraph/corpus.h"
#include "quotegraph/entity_id.h"
#include "quotegraph/hash.h"

#include <algorithm>
#include <cstdio>
#include <iterator>
#include <map>
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

bool is_consonant(char c) { return c >= 'a' && c <= 'z' && std::string_view("aeiou").find(c) == std::string_view::npos; }

// key[from..] up to the end of its word.
std::string_view rest_of_word(const std::string& key, std::size_t from) {
  return std::string_view(key).substr(from, std::min(key.find('-', from), key.size()) - from);
}

// Whether the written-out umlaut key[at], key[at + 1] (ae, oe, ue; not at the word's end) is
// more likely two letters of a name of another language: after a vowel (Bauer, Neuer), before
// y (Hoey, Huey); ue after g and q, a silent u (Rodriguez, Marquez), and after x and y in
// pinyin (Yuelin is not Yulin); the -el of Michael, Samuels, Israel, Noel; and Korean aek,
// aeng at the word's end (Baek, Paek, Maeng are not Bak, Pak, Mang).
bool keeps_its_e(const std::string& key, std::size_t at) {
  const char vowel = key[at], before = key[at - 1];
  if (!is_consonant(before) || key[at + 2] == 'y') return true;
  if (vowel == 'u' && std::string_view("gqxy").find(before) != std::string_view::npos) return true;
  const std::string_view rest = rest_of_word(key, at + 2);
  if (rest == "l" || rest == "ls") return true;
  return vowel == 'a' && (rest == "k" || rest == "ng");
}

// A surname's key with German umlauts written out folded to the plain vowel: news writes one
// name as Müller, Mueller and Muller, and normalise_key() already gives "muller" for the first
// and the last. ae, oe, ue become a, o, u inside a word (Bae, Roe, Hue keep theirs), unless
// keeps_its_e(). Other names the rule reaches (Huerta, Petraeus, Hoekstra) only change their
// key, not whose it is: a full name still needs the same given name to join another.
std::string fold_umlaut_digraphs(const std::string& key) {
  std::string out;
  out.reserve(key.size());
  for (std::size_t i = 0; i < key.size(); ++i) {
    out += key[i];
    const bool digraph = (key[i] == 'a' || key[i] == 'o' || key[i] == 'u') && i + 2 < key.size() &&
                         key[i + 1] == 'e' && key[i + 2] >= 'a' && key[i + 2] <= 'z';
    if (digraph && i > 0 && !keeps_its_e(key, i)) ++i;  // the e
  }
  return out;
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
  parts.surname = collapse_repeats(fold_umlaut_digraphs(normalise_key(surname)));
  if (words.size() == 1) return parts;
  parts.first = skeleton(words[0]);
  for (std::size_t i = 1; i < surname_from; ++i) {
    const std::string key = normalise_key(words[i]);
    if (!key.empty()) parts.middle += (parts.middle.empty() ? "" : "-") + key.substr(0, 1);
  }
  return parts;
}

// A person's name has at most two middle names or initials ("George H. W. Bush", "José Luis
// Rodríguez Zapatero"); more is a headline the extractor took for a name ("Carly Fiorina
// Endorses Ted Cruz", "Hillary Clinton Are Actually Fighting About Barack Obama"). Such a name
// keeps its own id but nobody else is joined to it.
bool plausible_name(const NameParts& p) { return std::count(p.middle.begin(), p.middle.end(), '-') < 2; }

std::string join_key(const NameParts& p) {
  if (p.first.empty()) return p.surname;
  return p.first + "-" + (p.middle.empty() ? "" : p.middle + "-") + p.surname;
}

// Hashed, not ordered: what a key resolves to does not depend on the order keys are visited in.
using KeySet = std::unordered_set<std::string>;
using KeyMap = std::unordered_map<std::string, std::string>;

// The only key of `candidates` that `fits`, or "" when none or several do: resolution joins
// nothing it would have to guess.
template <typename Keys, typename Fits>
std::string only_fitting(const Keys& candidates, Fits fits) {
  std::string only;
  for (const std::string& key : candidates) {
    if (!fits(key)) continue;
    if (!only.empty()) return "";
    only = key;
  }
  return only;
}

// Each key maps to the only other key in `candidates_of(key)` that `fits` it, or to itself
// when none or several do.
template <typename Candidates, typename Fits>
KeyMap resolve_short_keys(const KeySet& keys, Candidates candidates_of, Fits fits) {
  KeyMap resolved;
  for (const auto& key : keys) {
    const std::string only =
        only_fitting(candidates_of(key), [&](const std::string& longer) { return longer != key && fits(key, longer); });
    resolved[key] = only.empty() ? key : only;
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

std::vector<ResolvedQuote> unresolved(std::vector<Quote> quotes) {
  return std::vector<ResolvedQuote>(std::make_move_iterator(quotes.begin()), std::make_move_iterator(quotes.end()));
}

void Corpus::add(DocumentRecord record) {
  record.document.text.clear();
  record.document.text.shrink_to_fit();
  documents_.push_back(std::move(record));
}

std::vector<std::string> Corpus::finish() {
  // Duplicates are ordered by content too, so which one is kept does not depend on arrival.
  auto signature = [](const DocumentRecord& r) {
    std::string s = r.document.title + '\n' + r.document.date + '\n' + r.document.url + '\n' + r.document.language + '\n';
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
  return "statement:" + hex64(fnv1a_hash64(words, fnv1a_hash64("\n", fnv1a_hash64(speaker_id))));
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
  std::string role;          // normalise_key(q.role), or empty
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

bool is_person(const Quote& q) { return EntityId::kind_of(q.speaker_id) == EntityKind::Person; }
bool is_org(const Quote& q) { return EntityId::kind_of(q.speaker_id) == EntityKind::Organization; }

// What the quotes say about a person beyond the name: the roles, organisations and genders
// they give. Two sets of evidence agree when they share a role or an organisation and do not
// disagree on gender.
struct Evidence {
  std::set<std::string> roles, organizations;
  std::set<char> genders;

  void add(const Quote& q, const QuoteKeys& k) {
    if (!k.role.empty()) roles.insert(k.role);
    if (!k.organization.empty()) organizations.insert(k.organization);
    if (q.gender) genders.insert(q.gender);
  }
  bool gender_conflicts(const Evidence& other) const {
    if (genders.empty() || other.genders.empty()) return false;
    for (const char g : genders)
      if (other.genders.count(g)) return false;
    return true;
  }
  bool agrees(const Evidence& other) const {
    if (gender_conflicts(other)) return false;
    auto share = [](const std::set<std::string>& a, const std::set<std::string>& b) {
      for (const auto& x : a)
        if (b.count(x)) return true;
      return false;
    };
    return share(roles, other.roles) || share(organizations, other.organizations);
  }
};

// The full name of another document a bare surname with `evidence` joins, or "": the only one
// of `namesakes` whose evidence agrees; when several agree, the one that carries the shared
// role or organisation in at least three documents while every other carries it in one
// document only ("President" for Barack Obama in dozens of articles, for a headline's
// "Derelict Obama" in one). Two that are both attested more than once are left apart: "Bush"
// the president may be either George Bush.
template <typename Evidences, typename PerDocument>
std::string agreeing_namesake(const std::set<std::string>& namesakes, const Evidence& evidence,
                              const Evidences& full_evidence, const PerDocument& full_documents) {
  std::string best;
  std::size_t best_documents = 0, fitting = 0, others_documents = 0;
  bool others_single = true;
  for (const std::string& key : namesakes) {
    if (!evidence.agrees(full_evidence.at(key))) continue;
    ++fitting;
    std::size_t agreeing = 0;
    for (const Evidence* own : full_documents.at(key)) agreeing += evidence.agrees(*own);
    std::size_t other = agreeing;
    if (best.empty() || agreeing > best_documents) {
      other = best_documents;
      best = key;
      best_documents = agreeing;
    }
    if (fitting > 1) {
      others_documents += other;
      others_single = others_single && other <= 1;
    }
  }
  if (fitting <= 1) return best;
  return best_documents >= 3 && others_single && best_documents >= 3 * others_documents ? best : "";
}

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
      if (!q.role.empty()) k.role = normalise_key(q.role);
      k.words = normalise_statement(q.text);
    });
  });

  // 1. Full names (a given name and a surname, or a rank and a name: "Lord Butler") are keys
  // across the corpus; a full name without the middle initial its namesake carries joins the
  // only one that fits ("George Bush" -> "George W. Bush").
  KeySet full_keys;
  std::unordered_map<std::string, NameParts> parts_of;
  every_quote([&](const Quote& q, const QuoteKeys& k) {
    if (!is_person(q) || k.name.first.empty()) return;
    full_keys.insert(k.speaker_key);
    parts_of.emplace(k.speaker_key, k.name);
  });
  std::unordered_map<std::string, std::vector<std::string>> by_surname;  // keeps the search local
  for (const auto& [key, p] : parts_of) by_surname[p.surname].push_back(key);
  const auto full = resolve_short_keys(
      full_keys, [&](const std::string& key) -> const std::vector<std::string>& { return by_surname[parts_of.at(key).surname]; },
      [&](const std::string& key, const std::string& longer) {
        const NameParts& a = parts_of.at(key);
        const NameParts& b = parts_of.at(longer);
        return a.middle.empty() && !b.middle.empty() && plausible_name(b) && a.first == b.first;
      });

  // 2. A bare surname ("Blair", "Mr Blair") stands for somebody of its own document. It is the
  // document's own full name with that surname when there is exactly one of a gender that
  // does not conflict; otherwise it joins a full name of another document only on evidence
  // that agrees (a shared role or organisation, no conflicting gender), and only when exactly
  // one full name does, or one is far better attested (agreeing_namesake); otherwise it keeps
  // an id of its document: "person:DOC:SURNAME". A name that is a headline (plausible_name) is
  // nobody's full name.
  std::unordered_map<std::string, Evidence> full_evidence;       // final full key -> evidence
  std::unordered_map<std::string, std::set<std::string>> full_of_surname;  // surname -> final full keys
  std::vector<std::map<std::string, Evidence>> short_evidence(documents.size());  // per document: surname ->
  std::vector<std::map<std::string, Evidence>> document_full(documents.size());   // per document: final full key ->
  for (std::size_t d = 0; d < documents.size(); ++d) {
    quotes_of(d, d + 1, [&](const Quote& q, const QuoteKeys& k) {
      if (!is_person(q)) return;
      if (k.name.first.empty()) {
        short_evidence[d][k.name.surname].add(q, k);
        return;
      }
      const std::string key = final_key(full, k.speaker_key);
      full_evidence[key].add(q, k);
      document_full[d][key].add(q, k);
      if (plausible_name(parts_of.at(key))) full_of_surname[k.name.surname].insert(key);
    });
  }
  std::unordered_map<std::string, std::vector<const Evidence*>> full_documents;  // final full key -> per document
  for (const auto& own : document_full)
    for (const auto& [key, evidence] : own) full_documents[key].push_back(&evidence);
  std::vector<std::map<std::string, EntityId>> short_key(documents.size());  // per document: surname -> id
  for (std::size_t d = 0; d < documents.size(); ++d) {
    for (const auto& entry : short_evidence[d]) {
      const std::string& surname = entry.first;
      const auto& evidence = entry.second;  // a plain reference: lambdas may not capture a structured binding (C++17)
      const auto& namesakes = full_of_surname[surname];  // the corpus's full names with that surname
      std::string only = only_fitting(namesakes, [&](const std::string& key) {
        const auto own = document_full[d].find(key);
        return own != document_full[d].end() && !evidence.gender_conflicts(own->second);
      });
      if (only.empty()) only = agreeing_namesake(namesakes, evidence, full_evidence, full_documents);
      // The document id whole: a_1 and a-1 are two.
      short_key[d][surname] = only.empty() ? EntityId{EntityKind::Person, documents[d].document.id, surname}
                                           : EntityId::person(only);
    }
  }

  // 3. Rewrite ids; statements by resolved speaker and normalised words (the maps are only
  // read here, so the slices can share them). Organisations by their key alone: a name joins
  // another only when their keys are the same (the same words, "Department of State" read as
  // "State Department"; the extractor maps the known short forms to their full names), never
  // by a part of the name: "Australia" is not "Commonwealth Bank of Australia", "FA" not
  // "Spanish FA".
  in_slices(documents.size(), threads, [&](std::size_t from, std::size_t to) {
    for (std::size_t d = from; d < to; ++d) quotes_of(d, d + 1, [&](ResolvedQuote& q, const QuoteKeys& k) {
      if (is_person(q))
        q.speaker_id = (k.name.first.empty() ? short_key[d].at(k.name.surname)
                                             : EntityId::person(final_key(full, k.speaker_key))).to_string();
      else if (is_org(q))
        q.speaker_id = EntityId::organization(k.speaker_key).to_string();
      q.organization_id = q.organization.empty() ? "" : EntityId::organization(k.organization).to_string();
      q.statement_id = statement_id_of_words(q.speaker_id, k.words);
      q.conflicting_speakers.clear();
    });
  });
  // 4. The same words given to different named speakers: what a fact-checker looks at first.
  // A person known in one article by the surname alone ("person:DOC:SURNAME") may be anybody of
  // that surname: the same words given to them and to another of the surname are no conflict.
  // Whether `other`'s key is `surname` or ends with it as a word ("srg-lavrov").
  auto ends_with_surname = [](const EntityId& other, std::string_view surname) {
    const std::string& key = other.key;
    if (key.size() < surname.size() || std::string_view(key).substr(key.size() - surname.size()) != surname) return false;
    if (key.size() == surname.size()) return true;
    const char before = key[key.size() - surname.size() - 1];
    return before == ':' || before == '-';
  };
  auto may_be_one = [&](const std::string& a, const std::string& b) {
    const auto id_a = EntityId::parse(a), id_b = EntityId::parse(b);
    if (!id_a || !id_b) return false;
    for (const auto& [scoped, other] : {std::pair{&*id_a, &*id_b}, std::pair{&*id_b, &*id_a}}) {
      const bool surname_only = scoped->kind == EntityKind::Person && !scoped->document.empty();
      if (surname_only && !scoped->key.empty() && ends_with_surname(*other, scoped->key)) return true;
    }
    return false;
  };
  auto named = [](const Quote& q) { return !q.speaker_id.empty() && !q.anonymous; };
  std::unordered_map<std::string, std::set<std::string>> speakers_of_words;  // the set: in order
  every_quote([&](const Quote& q, const QuoteKeys& k) {
    if (named(q) && std::count(k.words.begin(), k.words.end(), ' ') >= 5) speakers_of_words[k.words].insert(q.speaker_id);
  });
  every_quote([&](ResolvedQuote& q, const QuoteKeys& k) {
    if (!named(q)) return;
    const auto it = speakers_of_words.find(k.words);
    if (it == speakers_of_words.end() || it->second.size() < 2) return;
    for (const auto& other : it->second)
      if (other != q.speaker_id && !may_be_one(other, q.speaker_id)) q.conflicting_speakers.push_back(other);
  });
  describe_conflicts(corpus);  // names and articles of the conflicting_speakers (conflicts.cpp)
}

}  // namespace quotegraph
