// Entities and coreference: which entity a mention names (surnames, variants, pronouns,
// "the diplomat"), and the pass that completes surnames.
#include "passes.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <functional>
#include <set>
#include <unordered_map>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "chars.h"

namespace quotegraph::detail {

// Edits (insertions, deletions, substitutions) from `a` to `b`.
static std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

// Same first name up to transliteration or a typo: Sergei/Sergey, Antony/Anthony, Dmytro/Dmitry.
static bool first_names_compatible(const std::string& a, const std::string& b) {
  const std::string ka = normalise_key(a), kb = normalise_key(b);
  if (ka.empty() || kb.empty() || ka[0] != kb[0]) return false;
  return edit_distance(ka, kb) <= (std::min(ka.size(), kb.size()) >= 5 ? 2u : 1u);
}

std::string join_words(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

bool is_country(const PassContext& cx, const std::string& name) {
  const auto found = cx.lex.countries.find(name);
  return found != cx.lex.countries.end() && found->second == name;
}

Phrase organization_named(const std::string& name) {
  Phrase p;
  p.kind = PhraseKind::Organization;
  p.organization = name;
  return p;
}

// The latest organisation that opened a sentence before `pos`, within reach; when `noun` is
// an organisation cue word ("ministry" for "Finance Ministry"), one whose name has it.
int organization_subject_before(const PassContext& cx, const DocumentAnalysis& doc, std::size_t pos,
                                const std::string& noun) {
  std::string cue = noun;
  if (!cue.empty()) cue[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(cue[0])));
  const bool of_a_kind = cx.lex.organization_cues.count(cue) > 0;
  for (auto it = doc.organization_subjects.rbegin(); it != doc.organization_subjects.rend(); ++it) {
    if (it->first >= pos) continue;
    if (pos - it->first > kPronounReach) break;
    if (!of_a_kind || doc.entities[it->second].display.find(cue) != std::string::npos) return it->second;
  }
  return -1;
}

// "it" that no subject took: the later of a written source mentioned anywhere ("according to
// a confidential concept paper ... “…,” it says") and an organisation that opened a sentence.
int antecedent_of_it(const PassContext& cx, const DocumentAnalysis& doc, std::size_t pos) {
  std::size_t written_at = 0;
  int written = -1;
  for (auto it = doc.mentions.rbegin(); it != doc.mentions.rend(); ++it) {
    if (it->begin >= pos || it->entity < 0) continue;
    if (pos - it->begin > kPronounReach) break;
    // Not the document an organisation spoke "in" ("Marsh said in a statement").
    if (doc.entities[it->entity].written && !spoken_in(cx.lex, doc, it->begin)) {
      written = it->entity, written_at = it->begin;
      break;
    }
  }
  const int organization = organization_subject_before(cx, doc, pos, "");
  if (organization < 0) return written;
  std::size_t organization_at = 0;
  for (const auto& [at, entity] : doc.organization_subjects)
    if (entity == organization && at < pos) organization_at = at;
  return written >= 0 && written_at > organization_at ? written : organization;
}

static int add_entity(DocumentAnalysis& doc, Entity e) {
  doc.entities.push_back(std::move(e));
  return static_cast<int>(doc.entities.size()) - 1;
}

// The latest person whose surname is `surname`, or -1.
int person_named(const DocumentAnalysis& doc, const std::string& surname) {
  for (std::size_t k = doc.entities.size(); k-- > 0;)
    if (doc.entities[k].kind == PhraseKind::Person && !doc.entities[k].name.empty() && !doc.entities[k].plural &&
        doc.entities[k].name.back() == surname)
      return static_cast<int>(k);
  return -1;
}

// `longer` is a fuller form of the role `shorter` ("race director" of "director").
static bool fuller_form(const std::string& longer, const std::string& shorter) {
  return longer.size() > shorter.size() && ends_with(longer, shorter);
}

void note_role(const Lexicon& lex, Entity& e, std::size_t pos, const std::string& role, const std::string& organization) {
  if (role.empty()) return;
  for (Entity::Reading& r : e.readings) {  // what one place says, read twice
    if (r.pos != pos) continue;
    if (fuller_form(r.role, role) || r.role == role) return;  // "secretary" after "education secretary": the same
    // A fuller form replaces the role ("director" -> "race director"), and so does what the
    // apposition says of a courtesy title ("Dr Ana Ruiz, a cardiologist").
    if (fuller_form(role, r.role) || lex.honorifics.count(r.role)) {
      r.role = role;
      if (!organization.empty()) r.organization = organization;
      return;
    }
  }
  e.readings.push_back({pos, role, organization});
}

static int person_for(const PassContext& cx, DocumentAnalysis& doc, const Phrase& p, std::size_t pos, bool introduces_name) {
  int found = -1;
  const std::string& last = p.name.back();
  // "Sir Alex" after "Sir Alex Ferguson", "Lord Butler" after "Robin Butler": a rank name
  // is the person named in full before whose given name or surname it carries.
  const bool rank_name = p.name.size() == 2 && cx.lex.ranks.count(p.name.front()) > 0;
  // "Scott" in an article about Bobby Scott that names Tim Scott once, "Clinton" in one about
  // Hillary Clinton that names Bill Clinton now and then: a surname alone is the person of
  // that surname the text has named most so far (the latest of equals), not the one it
  // introduced last, and not one of another gender ("Mrs. Clinton").
  // (Back over the last kReach mentions and entities at most, more than an article has: a text
  // of nothing but names would otherwise take time growing with its square.)
  constexpr std::size_t kReach = 2000, kNamesakes = 16;
  if (p.name.size() == 1) {
    const auto oldest = doc.mentions.size() > kReach ? doc.mentions.rend() - (doc.mentions.size() - kReach) : doc.mentions.rend();
    std::vector<std::pair<int, int>> named;  // entity, mentions by name; the latest mentioned first
    for (auto it = doc.mentions.rbegin(); it != oldest; ++it) {
      if (it->entity < 0 || it->kind != PhraseKind::Person) continue;  // a name, not "he"
      const Entity& e = doc.entities[it->entity];
      if (e.kind != PhraseKind::Person || e.name.empty() || e.name.back() != last) continue;
      if (e.plural != p.plural) continue;  // "Perteck" is not "Jan Giesel und David Perteck"
      if (p.gender && e.gender && p.gender != e.gender) continue;  // "Mrs. Clinton" is not Bill Clinton
      auto counted = std::find_if(named.begin(), named.end(), [&](const auto& n) { return n.first == it->entity; });
      if (counted == named.end()) {
        if (named.size() == kNamesakes) continue;  // a text of nothing but namesakes stays linear
        counted = named.insert(named.end(), {it->entity, 0});
      }
      ++counted->second;
    }
    int most = 0;
    for (const auto& [entity, count] : named)
      if (count > most) found = entity, most = count;
  }
  const std::size_t oldest_entity = doc.entities.size() > kReach ? doc.entities.size() - kReach : 0;
  for (std::size_t k = doc.entities.size(); k-- > oldest_entity && found < 0;) {
    const Entity& e = doc.entities[k];
    if (e.kind != PhraseKind::Person) continue;
    if (e.name == p.name) { found = static_cast<int>(k); break; }
    if (e.plural != p.plural) continue;  // two people named together are neither of them alone
    if (rank_name && e.name.size() >= 2 && !cx.lex.ranks.count(e.name.front()) &&
        (e.name.front() == last || e.name.back() == last) && (!e.gender || !p.gender || e.gender == p.gender)) {
      found = static_cast<int>(k);
      break;
    }
    if (e.name.back() != last || (p.name.size() == 1 && p.gender && e.gender && p.gender != e.gender)) continue;
    if (p.name.size() == 1 || e.name.size() == 1 ||
        first_names_compatible(e.name.front(), p.name.front())) {
      found = static_cast<int>(k);
      break;
    }
  }
  if (found < 0) {
    // A lone capitalised word nobody was introduced with is not taken for a person from the
    // running text or a weak rule (it may be a place or a brand), only when a confident rule
    // names it as a speaker ("…,” Smith said).
    if (p.name.size() == 1 && !introduces_name) return -1;
    Entity e;
    e.kind = PhraseKind::Person;
    e.plural = p.plural;  // two people named together ("Sonia und Willy Bogner")
    found = add_entity(doc, std::move(e));
  }
  Entity& e = doc.entities[found];
  if (p.name.size() > e.name.size()) {  // a new person, or "Blinken" learns "Antony Blinken"
    e.name = p.name;
    e.display = join_words(e.name);
    e.key = normalise_key(e.display);
  }
  // A fuller form of the same role replaces it ("director" -> "race director").
  if (e.role.empty() || fuller_form(p.role, e.role)) e.role = p.role;
  if (e.organization.empty()) e.organization = p.organization;
  note_role(cx.lex, e, pos, p.role, p.organization);
  if (!e.gender) e.gender = p.gender;
  e.honorific = e.honorific || p.honorific;
  return found;
}

// "the diplomat", "the spokesperson", "the secretary": the latest entity it can refer to.
static int resolve_definite(DocumentAnalysis& doc, const std::string& head, std::size_t pos) {
  return latest_entity(doc, pos, kDefiniteReach, false, [&](const Entity& e) {
    return (e.kind == PhraseKind::Descriptor && e.head == head) ||
           (e.kind == PhraseKind::Person && to_lower_ascii(e.role).find(head) != std::string::npos);
  });
}

// "one council diplomat": a lower-case organisation word ("council", "ministry") stands for
// the latest organisation of that kind named before ("the Security Council").
static std::string organization_named_before(const PassContext& cx, const DocumentAnalysis& doc,
                                             const std::string& words, std::size_t pos) {
  std::string best;
  std::size_t best_pos = 0;
  std::size_t start = 0;
  while (start < words.size()) {
    std::size_t end = words.find(' ', start);
    if (end == std::string::npos) end = words.size();
    std::string word = words.substr(start, end - start);
    start = end + 1;
    if (word.empty() || word[0] < 'a' || word[0] > 'z') continue;
    word[0] = static_cast<char>(word[0] - 'a' + 'A');
    if (!cx.lex.organization_cues.count(word)) continue;
    for (const auto& [form, canonical] : cx.lex.organizations) {
      if (form.size() <= word.size() || !ends_with(form, word)) continue;
      const std::size_t at = std::string_view(doc.text).substr(0, pos).rfind(form);
      if (at != std::string_view::npos && (best.empty() || at > best_pos)) best = canonical, best_pos = at;
    }
  }
  return best;
}

// "the American": the latest person from that country, within reach.
static int resolve_nationality(DocumentAnalysis& doc, const std::string& country, std::size_t pos) {
  return latest_entity(doc, pos, kDefiniteReach, false, [&](const Entity& e) {
    return e.kind == PhraseKind::Person && e.organization == country;
  });
}

// How many sentences start after `from` up to `to` (each counted once, blank lines not).
static int sentences_between(const DocumentAnalysis& doc, std::size_t from, std::size_t to) {
  auto it = std::upper_bound(doc.sentence_starts.begin(), doc.sentence_starts.end(), from);
  int n = 0;
  std::size_t last = std::string::npos;
  for (; it != doc.sentence_starts.end() && *it <= to; ++it) {
    if (*it == last || *it >= doc.text.size() || is_space_cp(static_cast<unsigned char>(doc.text[*it]))) continue;
    last = *it;
    ++n;
  }
  return n;
}

// "he" / "she": the person the preceding sentences are most about, not merely the latest
// subject (after Lappin and Leass 1994, simplified): each mention of an agreeing person or
// unnamed source within reach adds a weight, more for its sentence's subject, cut to kDecay for
// every sentence between it and the pronoun; the entity with the most wins, the latest of
// equals. So a person named twice in the last sentences outweighs one named once as a subject
// before them, and a person named after a sentence's subject still counts. On the PolNeAR dev
// set the weights of Lappin and Leass (100, 80, halved) gave speaker accuracy 0.8232, these
// 0.8257; the latest subject gave 0.8247.
static int most_salient(DocumentAnalysis& doc, std::size_t pos, const std::function<bool(Entity&)>& agrees) {
  constexpr double kRecency = 100, kSubject = 80, kDecay = 0.3;
  std::vector<std::pair<int, double>> scores;  // entity, salience, the latest mentioned first
  for (auto it = doc.mentions.rbegin(); it != doc.mentions.rend(); ++it) {
    if (it->begin >= pos || it->entity < 0) continue;
    if (pos - it->begin > kPronounReach) break;
    if (it->kind == PhraseKind::Pronoun && !it->subject) continue;
    if (it->addressee && sentence_start(doc, it->begin) == sentence_start(doc, pos)) continue;
    Entity& e = doc.entities[it->entity];
    if (e.kind != PhraseKind::Person && e.kind != PhraseKind::Descriptor) continue;
    if (!agrees(e)) continue;
    const double weight =
        (kRecency + (it->subject ? kSubject : 0)) * std::pow(kDecay, sentences_between(doc, it->begin, pos));
    auto found = std::find_if(scores.begin(), scores.end(), [&](const auto& s) { return s.first == it->entity; });
    if (found == scores.end()) found = scores.insert(scores.end(), {it->entity, 0.0});
    found->second += weight;
  }
  int best = -1;
  double best_score = 0;
  for (const auto& [entity, score] : scores)  // the latest first: it wins a tie
    if (score > best_score) best = entity, best_score = score;
  return best;
}

// he / she: the most salient person that agrees (most_salient); they / it: the latest subject
// that agrees, within reach (Either: a person of either gender).
int resolve_pronoun(DocumentAnalysis& doc, PronounClass pronoun, std::size_t pos, bool learns_gender) {
  const bool personal =
      pronoun == PronounClass::Masculine || pronoun == PronounClass::Feminine || pronoun == PronounClass::Either;
  const auto agrees = [&](Entity& e, bool learns) {
    if (pronoun == PronounClass::Either) return e.kind == PhraseKind::Person;
    if (pronoun == PronounClass::Plural) return e.plural || e.kind == PhraseKind::Organization;
    if (pronoun == PronounClass::Neuter) return e.written || e.kind == PhraseKind::Organization;
    if (!personal) return false;  // "we": the writer's side, unresolved
    const char g = pronoun == PronounClass::Masculine ? 'm' : 'f';
    const bool agreeing =
        !e.written && !e.plural && e.kind != PhraseKind::Organization && (e.gender == 0 || e.gender == g);
    if (agreeing && learns && e.kind == PhraseKind::Person && !e.gender) e.gender = g;  // learnt from the text
    return agreeing;
  };
  if (pronoun == PronounClass::Masculine || pronoun == PronounClass::Feminine) {
    const int salient = most_salient(doc, pos, [&](Entity& e) { return agrees(e, false); });
    if (salient >= 0) agrees(doc.entities[salient], learns_gender);
    return salient;
  }
  const int subject = latest_entity(doc, pos, kPronounReach, true, [&](Entity& e) { return agrees(e, learns_gender); });
  if (subject >= 0 || !personal) return subject;
  // Either, and no subject: the latest person mentioned with a role ("the world’s top diplomat"
  // after "talks with Foreign Minister Ana Ruiz"). A role says the name is a person's ("Six
  // Nations", "Visual Radio" are not) and somebody who speaks.
  return latest_entity(doc, pos, kPronounReach, false, [&](Entity& e) {
    return e.kind == PhraseKind::Person && !e.role.empty() && agrees(e, false);
  });
}

static int descriptor_for(const PassContext& cx, DocumentAnalysis& doc, const Phrase& p, std::size_t pos) {
  if (p.nationality) {
    const int earlier = resolve_nationality(doc, p.organization, pos);
    if (earlier >= 0) return earlier;
  } else if (p.definite) {
    int earlier = resolve_definite(doc, p.head, pos);
    // An epithet with no antecedent of its own ("the world’s top diplomat also blamed ...")
    // names the person the text is about: the latest subject, as a pronoun would.
    // Not where nouns are capitalised: there a definite noun phrase with nobody of its role
    // before is somebody new or an institution ("der Einsatzleiter der Polizei", "der
    // Vorsitzende Richter", "die Polizei"), and the latest subject may be no person at all.
    if (earlier < 0 && !p.plural && !p.written && !cx.lex.nouns_capitalised)
      earlier = resolve_pronoun(doc, PronounClass::Either, pos);
    if (earlier >= 0) return earlier;
    if (p.epithet) return -1;  // "the 23-year-old" with nobody before: not a source
  }
  Phrase described = p;
  if (described.organization.empty()) described.organization = organization_named_before(cx, doc, p.role, pos);
  const std::string key = normalise_key(p.role.empty() ? p.descriptor : p.role) + (p.written ? "-w" : "");
  for (std::size_t k = 0; k < doc.entities.size(); ++k)
    if (doc.entities[k].kind == PhraseKind::Descriptor && doc.entities[k].key == key) return static_cast<int>(k);
  Entity e;
  e.kind = PhraseKind::Descriptor;
  e.display = p.descriptor;
  e.key = key;
  e.role = p.role;
  e.organization = described.organization;
  e.head = p.head;
  e.written = p.written;
  e.plural = p.plural;
  e.definite = p.definite;
  return add_entity(doc, std::move(e));
}

// Finds or registers the entity a mention names. Single surnames and variant spellings join
// the full name introduced earlier in the document.
int entity_for(const PassContext& cx, DocumentAnalysis& doc, const Phrase& p, std::size_t pos, bool introduces_name) {
  switch (p.kind) {
    case PhraseKind::Person: return person_for(cx, doc, p, pos, introduces_name);
    case PhraseKind::Descriptor: return descriptor_for(cx, doc, p, pos);
    case PhraseKind::Organization: {
      for (std::size_t k = 0; k < doc.entities.size(); ++k)
        if (doc.entities[k].kind == PhraseKind::Organization && doc.entities[k].display == p.organization)
          return static_cast<int>(k);
      Entity e;
      e.kind = PhraseKind::Organization;
      e.display = p.organization;
      e.organization = p.organization;
      e.key = normalise_key(p.organization);
      return add_entity(doc, std::move(e));
    }
    default: return -1;
  }
}

void note_organization_subject(const PassContext& cx, DocumentAnalysis& doc, std::size_t pos,
                               const Phrase& organization) {
  const int entity = entity_for(cx, doc, organization, pos, true);
  if (entity >= 0) doc.organization_subjects.push_back({pos, entity});
}

// "Trump said" in an article that names "Donald Trump" only where nobody speaks: a person
// known by the surname alone takes the document's full name, when the text writes the
// surname after exactly one known given name or rank ("Lord Nicholls"), of a gender that
// does not conflict.
void complete_surnames(const PassContext& cx, DocumentAnalysis& doc) {
  auto gender_of = [&](const std::string& word) -> char {
    if (const auto first = cx.lex.first_names.find(word); first != cx.lex.first_names.end()) return first->second;
    if (cx.lex.ranks.count(word)) return cx.lex.honorifics.at(word) == '-' ? 0 : cx.lex.honorifics.at(word);
    return '?';  // neither
  };
  for (Entity& e : doc.entities) {
    if (e.kind != PhraseKind::Person || e.name.size() != 1) continue;
    const std::string& surname = e.name.front();
    std::string given;
    bool several = false;
    for (std::size_t at = doc.text.find(surname); at != std::string::npos && !several;
         at = doc.text.find(surname, at + 1)) {
      const std::size_t end = at + surname.size();
      if (at < 2 || doc.text[at - 1] != ' ' || (end < doc.text.size() && is_ascii_alnum(doc.text[end]))) continue;
      std::size_t b = at - 1;
      while (b > 0 && !is_space_cp(static_cast<unsigned char>(doc.text[b - 1]))) --b;
      const std::string word = doc.text.substr(b, at - 1 - b);
      const char g = gender_of(word);
      if (g == '?' || (e.gender && g && g != e.gender)) continue;
      if (given.empty()) given = word;
      else several = given != word;
    }
    if (given.empty() || several) continue;
    e.name = {given, surname};
    e.display = join_words(e.name);
    e.key = normalise_key(e.display);
    if (!e.gender) e.gender = gender_of(given);
  }
}


// "Die Anwältin der Frau sagte …", later "Celebi, die Anwältin der Frau, …": an unnamed source
// with a definite description that the text writes in apposition after a person's name is that
// person. Only for the whole description as first written, right after "NAME, ", and only where
// one person has that name. Not an indefinite one: "a longtime adviser" said something, and
// "David Axelrod, a longtime adviser" is often somebody else. One pass over the text's ", ".
void name_described_sources(DocumentAnalysis& doc) {
  // The appositions are looked up by views into the text (no copy per comma), so their keys
  // are views too: into `appositions`, and into the entities' names, unchanged until the end.
  std::vector<std::pair<std::string, std::size_t>> appositions;  // ", die anwältin …", descriptor
  for (std::size_t k = 0; k < doc.entities.size(); ++k) {
    const Entity& e = doc.entities[k];
    if (e.kind != PhraseKind::Descriptor || !e.definite || e.written || e.plural) continue;
    if (e.display.find(' ') == std::string::npos) continue;  // a bare noun ("Sprecher") says too little
    // In apposition the article is never the sentence's first word: "Die Anwältin" → ", die Anwältin".
    std::string apposition = ", " + e.display;
    apposition[2] = static_cast<char>(std::tolower(static_cast<unsigned char>(apposition[2])));
    appositions.emplace_back(std::move(apposition), k);
  }
  if (appositions.empty()) return;
  std::unordered_map<std::string_view, std::size_t> described_as;
  std::set<std::size_t> lengths;
  for (const auto& [apposition, k] : appositions) {
    described_as.emplace(apposition, k);
    lengths.insert(apposition.size());
  }
  std::unordered_map<std::string_view, int> surnames;  // the latest person of each surname
  for (std::size_t k = 0; k < doc.entities.size(); ++k)
    if (doc.entities[k].kind == PhraseKind::Person && !doc.entities[k].name.empty() && !doc.entities[k].plural)
      surnames[doc.entities[k].name.back()] = static_cast<int>(k);
  std::unordered_map<std::size_t, int> named;  // descriptor → person; -2: several people
  const std::string_view text = doc.text;
  for (std::size_t at = text.find(", "); at != std::string_view::npos; at = text.find(", ", at + 1)) {
    std::size_t b = at;
    while (b > 0 && !is_space_cp(static_cast<unsigned char>(text[b - 1]))) --b;
    const auto person = surnames.find(text.substr(b, at - b));
    if (person == surnames.end()) continue;
    for (const std::size_t length : lengths) {
      const auto described = described_as.find(text.substr(at, length));
      if (described == described_as.end()) continue;
      const auto [it, first] = named.emplace(described->second, person->second);
      if (!first && it->second != person->second) it->second = -2;
    }
  }
  for (const auto& [descriptor, person] : named) {
    if (person < 0) continue;
    Entity& described = doc.entities[descriptor];
    const std::string role = described.role, organization = described.organization;
    described = doc.entities[static_cast<std::size_t>(person)];
    if (described.role.empty()) described.role = role, described.organization = organization;
  }
}

}  // namespace quotegraph::detail
