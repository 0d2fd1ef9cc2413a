// Attribution rules on sentences written for these tests: one phenomenon per row.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "quotegraph/extractor.h"

using namespace quotegraph;

namespace {

const Extractor& extractor() {
  static const std::unique_ptr<Extractor> instance = [] {
    std::string error;
    auto e = Extractor::create({}, &error);
    if (!e) FAIL("cannot load built-in rules: " << error);
    return e;
  }();
  return *instance;
}

DocumentQuotes run_with(const Extractor& e, const std::string& text) {
  Document doc;
  doc.id = "test";
  doc.text = text;
  DocumentQuotes out;
  e.extract(doc, out);
  return out;
}

DocumentQuotes run(const std::string& text) { return run_with(extractor(), text); }

// Writes a data file for a test extractor to read; the test fails if it cannot.
void write_test_file(const std::string& path, const std::string& text) {
  std::FILE* f = std::fopen(path.c_str(), "w");
  REQUIRE(f);
  std::fputs(text.c_str(), f);
  std::fclose(f);
}

const Quote* find_quote(const DocumentQuotes& quotes, const std::string& words) {
  for (const auto& q : quotes.quotes)
    if (q.text.find(words) != std::string::npos) return &q;
  return nullptr;
}

struct Row {
  const char* phenomenon;
  std::string text;
  std::string quote;    // words of the quote to check
  std::string speaker;  // expected speaker ("" = none)
};

// The quote of `text` whose words include `words`; the test fails when there is none.
Quote quote_with(const std::string& text, const std::string& words) {
  const auto quotes = run(text);
  const Quote* q = find_quote(quotes, words);
  REQUIRE(q != nullptr);
  return *q;
}

void check_rows(const std::vector<Row>& rows) {
  for (const auto& row : rows) {
    SECTION(row.phenomenon) {
      const Quote q = quote_with(row.text, row.quote);
      CHECK(q.speaker == row.speaker);
      if (!row.speaker.empty()) {
        CHECK_FALSE(q.rule.empty());
        CHECK(q.confidence > 0.0);
      }
    }
  }
}

// Rows whose speaker is an unnamed source or an organisation: the kind of id it gets, and its
// organisation when the row gives one.
struct SourceRow {
  const char* phenomenon;
  std::string text, quote, speaker, organization;  // organization "": not checked
};

void check_sources(const std::vector<SourceRow>& rows, const std::string& id_prefix, bool anonymous) {
  for (const auto& row : rows) {
    SECTION(row.phenomenon) {
      const Quote q = quote_with(row.text, row.quote);
      CHECK(q.speaker == row.speaker);
      CHECK(q.speaker_id.rfind(id_prefix, 0) == 0);
      CHECK(q.anonymous == anonymous);
      if (!row.organization.empty()) CHECK(q.organization == row.organization);
    }
  }
}

}  // namespace

TEST_CASE("direct attributions in both orders and with colons", "[attribution]") {
  check_rows({
      {"quote, NAME said", "“The budget is balanced,” Maria Olsen said.", "budget", "Maria Olsen"},
      {"quote, said NAME", "“The budget is balanced,” said Maria Olsen.", "budget", "Maria Olsen"},
      {"NAME said: quote", "Maria Olsen said: “The budget is balanced.”", "budget", "Maria Olsen"},
      {"NAME said, quote", "Maria Olsen said, “The budget is balanced.”", "budget", "Maria Olsen"},
      {"NAME told reporters, quote", "Maria Olsen told reporters on Monday, “The budget is balanced.”",
       "budget", "Maria Olsen"},
      {"an ampersand inside a name", "“Prices are falling,” said R&Q.", "Prices", "R&Q"},
      {"question mark and lower-case cue", "“Who pays for this?” asked Tomas Berg.", "Who pays", "Tomas Berg"},
      {"according to NAME", "The deal was “dead on arrival,” according to Tomas Berg.", "dead on arrival",
       "Tomas Berg"},
      {"attribution ending the sentence after a clause",
       "“The window was open” before the vote, has now closed, said Tomas Berg.", "window", "Tomas Berg"},
  });
}

TEST_CASE("a title word after an honorific or a first name is a surname", "[attribution]") {
  check_rows({
      {"honorific and title word", "“We are fine,” said Mr King.", "fine", "King"},
      {"honorific and title word before the verb", "“We are fine,” Ms Bishop said.", "fine", "Bishop"},
      {"first name and title word", "“We are fine,” said Paul King.", "fine", "Paul King"},
      {"another first name the lexicon knows", "“We are fine,” said Stephen Bishop.", "fine", "Stephen Bishop"},
      {"a title before a name stays a title", "“We are fine,” said Judge Maria Olsen.", "fine", "Maria Olsen"},
  });
}

TEST_CASE("a quote with an unresolved attribution of its own does not continue the speaker before it",
          "[attribution]") {
  check_rows({
      {"an indefinite subject after the quote",
       "“Rates will stay high,” said Maria Olsen.\n\n“Markets had priced this in,” one onlooker told us.",
       "priced", ""},
      {"the same subject when the lexicon knows its noun: an unnamed source",
       "“Rates will stay high,” said Maria Olsen.\n\n“Markets had priced this in,” one trader told us.",
       "priced", "one trader"},
      {"a verb, then a role of somebody nobody introduced",
       "“Rates will stay high,” said Maria Olsen. “It is a mess,” said its long-serving treasurer, later.", "mess",
       ""},
      {"a verb, then a role and the name in apposition: that name",
       "“Rates will stay high,” said Maria Olsen. “It is a mess,” said its chairman, Sir Tomas Berg, later.",
       "mess", "Tomas Berg"},
      {"a pronoun still continues",
       "“Rates will stay high,” said Maria Olsen.\n\n“Markets had priced this in,” she told us.",
       "priced", "Maria Olsen"},
      {"the next paragraph with no attribution still continues",
       "“Rates will stay high,” said Maria Olsen.\n\n“Markets had priced this in.”", "priced", "Maria Olsen"},
  });
}

TEST_CASE("reported speech relayed by another outlet, inverted colons, particles", "[attribution]") {
  check_rows({
      {"OUTLET quoted NAME as saying", "“Prices will fall by spring,” the newspaper quoted chief executive Geoff Dixon as saying.",
       "Prices", "Geoff Dixon"},
      {"OUTLET quoted an unnamed source as saying", "“Prices will fall by spring,” Reuters quoted an official as saying.",
       "Prices", "an official"},
      {"OUTLET quoted NAME as saying: quote", "The agency quoted Geoff Dixon as saying: “Prices will fall by spring.”",
       "Prices", "Geoff Dixon"},
      {"Said NAME: quote (inverted)", "The squad trained on Monday. Said coach Ana Lima: “We are ready for anyone.”",
       "ready", "Ana Lima"},
      {"verb with a particle", "“The figures do not add up,” points out Olympian Steve Cram.", "figures", "Steve Cram"},
      {"question mark closing the quote, attribution after it", "“Why now?” Nina Park asked.", "Why now", "Nina Park"},
      {"question mark closing the quote, a sentence of its own after it",
       "The meeting began late. “Why now?” Nina Park said she would not answer questions about the report.", "Why now",
       ""},
      {"a quote closing its sentence, then an attribution sentence with an open apposition",
       "The survey closed.\n\n“Young men were the stereotype.” Paul Goss, head of Preventa told the BBC News website.",
       "stereotype", "Paul Goss"},
      {"a quote closing its sentence, then role words, a name and 'told'",
       "Sales fell.\n\n“All markets grew apart from Japan.” mobile analyst Cara Milan told the BBC.", "markets grew",
       "Cara Milan"},
      {"a quote closing its sentence, then reported speech: not an attribution",
       "The show was a success.\n\n“We are delighted.” Organisers say all funds will go to the Red Cross.",
       "delighted", ""},
      {"'is saying' as the cue", "And on Thursday Mr Blair is saying: “I want to talk about the future.”", "future",
       "Blair"},
      {"the top seed: a sports epithet for the latest subject",
       "Roger Federer beat Feliciano Lopez in straight sets. “I think I played better,” said the top seed.",
       "played better", "Roger Federer"},
      {"According to NAME, quote", "According to Mark Lee, “the plan is dead.”", "plan is dead", "Mark Lee"},
      {"a quote signed with a dash", "The fans were asked.\n\n“We are ready” – Maria Gomez", "We are ready",
       "Maria Gomez"},
      {"party and state in brackets after the name",
       "Sen. Eliza Ward (D-Mass.) said: “This is a scandal.”", "scandal", "Eliza Ward"},
      {"NAME: quote in a list of reactions", "The match ended 2-0.\n\n- Harbour FC boss Ana Lima: “We were lucky.”",
       "lucky", "Ana Lima"},
      {"a lone word before a colon is a heading, not a speaker", "The match ended 2-0.\n\nUpdate: “Roads are closed.”",
       "Roads", ""},
      {"verb with a particle before the name", "“That is simply untrue,” pointed out Ana Lima.", "untrue", "Ana Lima"},
      {"'hit back', though 'hit' alone is no speech verb", "The minister, Carl Hunt, hit back: “That is nonsense.”",
       "nonsense", "Carl Hunt"},
  });
}

TEST_CASE("whoever a speech verb presents as speaking is what a later pronoun refers to", "[attribution]") {
  check_rows({
      {"inverted mid-sentence: '..., said NAME, role, ...'",
       "The problem, said Andrew Pearson, boss of Workshare, is cost. “We need more staff,” he said.", "staff",
       "Andrew Pearson"},
      {"a name after the comma closing a reported clause speaks",
       "Tel Corp is moving to a new strategy, Andrew Burke told the forum. “We will change TV,” he said.",
       "change TV", "Andrew Burke"},
      {"a title and a surname before the verb", "Lord Butler said the rules were weak. “It has to change,” he said.",
       "change", "Lord Butler"},
      {"not the subject of the reported clause",
       "Tomas Berg said Ana Lima repeated the demand. “We see the troops,” he said.", "troops", "Tomas Berg"},
      {"not a name that starts the reported clause after an apposition",
       "Ana Lima, a researcher, said Exeem was the future. “It will win,” she said.", "win", "Ana Lima"},
      {"a lone capitalised word before a verb is not taken for a person",
       "Westminster said the vote was close. “It is over,” he said.", "over", ""},
  });
}

TEST_CASE("possessors and roles before names", "[attribution]") {
  check_rows({
      {"the OUTLET's NAME", "“It will win the prize,” said the Observer’s Ana Lima.", "prize", "Ana Lima"},
      {"several-word possessor", "“We will fight the takeover,” Shareholders United’s Sean Bones told the BBC.",
       "takeover", "Sean Bones"},
      {"role noun before a name is a title, not an unnamed source",
       "“He did a great job,” said Wales coach Mike Ruddock.", "great job", "Mike Ruddock"},
      {"profession before a name", "“It was a dream,” said Hollywood producer Rui Costa.", "dream", "Rui Costa"},
      {"a demonym as surname", "“Sideways should win,” said critic Philip French.", "Sideways", "Philip French"},
      {"a pronoun reaches the name, not the role before it",
       "Hip-hop producer Kanye West spoke at length. “I hear the drums first,” he said.", "drums", "Kanye West"},
      {"a role word standing alone is a source, not a person",
       "“The figures are wrong,” said a senior producer.", "figures", "a senior producer"},
      {"a possessor ending in s takes the apostrophe alone",
       "“He is on the mend,” Leeds’ team doctor Ann Roe said.", "mend", "Ann Roe"},
      {"the same with a straight apostrophe, before the name", "“We hold our shares,” Atticus' Tom Hale told the paper.",
       "shares", "Tom Hale"},
      {"a lower-case possessor ending in s", "“It is a fair deal,” said the players' lawyer Ines Castro.", "fair deal",
       "Ines Castro"},
      {"a possessed role is not the possessor speaking", "“It is a fair deal,” said Mr Jones' lawyer Ines Castro.",
       "fair deal", "Ines Castro"},
      {"a role with lower-case words before the name in apposition, before a partial quote",
       "Iran's chief negotiator, Ali Kani, left. The European Union's foreign policy chief, Ana Lima, said the text "
       "was “the best possible deal.”",
       "best possible", "Ana Lima"},
      {"the same after the quote", "“We are ready,” the foreign policy chief, Ana Lima, said.", "ready", "Ana Lima"},
      {"and after the verb", "“We are ready,” said the bank's deputy governor, Ana Lima.", "ready", "Ana Lima"},
      {"an office after a possessor is a title, not an unnamed source",
       "Spain's minister for sport Ana Lima backed the ban. “We will have zero tolerance,” she said.", "zero tolerance",
       "Ana Lima"},
      {"titles joined by and, after the quote", "“Results were strong,” chairman and chief executive Rui Costa said.",
       "strong", "Rui Costa"},
      {"titles joined by and, after the verb",
       "“Results were strong,” said president and chief executive officer Ana Lima.", "strong", "Ana Lima"},
      {"titles joined by and after an organisation",
       "“Results were strong,” Acme founder and director Tom Hale said in a statement.", "strong", "Tom Hale"},
  });
}

TEST_CASE("a role joined by and is the whole role", "[attribution]") {
  const auto quotes = run("“Results were strong,” said chairman and chief executive Rui Costa.");
  REQUIRE(quotes.quotes.size() == 1);
  CHECK(quotes.quotes[0].speaker == "Rui Costa");
  CHECK(quotes.quotes[0].role == "chairman and chief executive");
  // Capitalised titles joined by "and" are two people's.
  const auto two = run("The Cardinal and Archbishop Tom Hale spoke. “Peace be with you,” he said.");
  REQUIRE(two.quotes.size() == 1);
  CHECK(two.quotes[0].speaker == "Tom Hale");
  CHECK(two.quotes[0].role == "Archbishop");
}

TEST_CASE("each quote gets the role given nearest before it", "[attribution]") {
  const auto quotes = run(
      "Ana Ruiz, a lawyer, met the press on Monday. “We will appeal,” said Ruiz. "
      "Two years later the voters chose her. Senator Ana Ruiz spoke in the chamber on Friday. "
      "“The bill is dead,” Ruiz said.");
  const std::vector<std::string> roles = {"lawyer", "Senator"};  // not the first read for both
  REQUIRE(quotes.quotes.size() == roles.size());
  for (std::size_t i = 0; i < roles.size(); ++i) {
    CHECK(quotes.quotes[i].speaker == "Ana Ruiz");
    CHECK(quotes.quotes[i].role == roles[i]);
  }
}

TEST_CASE("speech verbs in all tenses", "[attribution]") {
  const char* verbs[] = {"said", "says", "told the BBC", "added", "noted", "warned", "wrote", "tweeted",
                         "insisted", "claimed", "stressed", "replied", "has said", "will say", "explained",
                         // manner of speaking, and writing online
                         "gushed", "emailed", "interjected", "sighed", "retorted", "surmised", "scoffed",
                         "mused", "shot back", "texted", "blogged", "posted"};
  for (const char* verb : verbs) {
    SECTION(verb) {
      const auto quotes = run(std::string("“Prices will fall next year,” Ines Castro ") + verb + ".");
      const Quote* q = find_quote(quotes, "Prices");
      REQUIRE(q != nullptr);
      CHECK(q->speaker == "Ines Castro");
    }
  }
}

TEST_CASE("a speech verb's form that is also a noun is not a cue", "[attribution]") {
  // "emails" is a noun here: the emails show it, nobody is presented as speaking.
  check_rows({
      {"a plural noun after a name", "“Prices will fall,” Ines Castro emails show.", "Prices", ""},
      {"the past tense is a cue", "“Prices will fall,” Ines Castro emailed.", "Prices", "Ines Castro"},
  });
}

TEST_CASE("pronouns, surnames and continuations resolve to the earlier speaker", "[attribution]") {
  check_rows({
      {"a surname alone is the person of that surname named last, not the one introduced last",
       "Robert Dale chairs the panel. His brother Tom Dale, a senator, disagreed on Monday. Robert Dale said the "
       "bill was fair. “It is a good bill,” Dale said.",
       "good bill", "Robert Dale"},
      {"a surname alone after the person introduced last is that person",
       "Robert Dale chairs the panel. Tom Dale, a senator, disagreed. “It is a bad bill,” Dale said.",
       "bad bill", "Tom Dale"},
      {"an honorific and a surname introduce a person wherever they stand",
       "Ms Berg was blunt. “We failed,” she admitted.", "failed", "Berg"},
      {"a possessor's honorific is not the owned thing's",
       "Tory leader Tom Hale has dismissed the plan.\n\nMr Brown's Budget was not about the country but “all about "
       "the interests of the party,” the Tory leader said after welcoming the chancellor back. He went on to accuse "
       "Mr Brown of giving with one hand. He urged the chancellor to admit dragging “millions of people into the "
       "net” to pay tax.",
       "millions", "Tom Hale"},
      {"he resolves to the sentence subject before it",
       "Finance Minister Paul Brandt met the union. Brandt said taxes would rise.\n\n“We have no choice,” he said.",
       "no choice", "Paul Brandt"},
      {"she skips a man to reach the woman",
       "Ms. Helen Park spoke after Mr. Alan Ford. Mr. Ford said little. Ms. Park took questions.\n\n“We agreed on everything,” she said.",
       "agreed", "Helen Park"},
      {"a pronoun is not resolved from far away",
       std::string("Paul Brandt arrived. ") + std::string(2000, 'x') + ".\n\n“We have no choice,” he said.",
       "no choice", ""},
      {"surname resolves to the full name", "Economy Minister Lena Vogt spoke first.\n\n“Growth is back,” Vogt said.",
       "Growth", "Lena Vogt"},
      {"an interrupted quote keeps its speaker", "“Growth is back,” said Lena Vogt. “Inflation is not.”",
       "Inflation", "Lena Vogt"},
      {"next paragraph continues the previous speaker",
       "“Growth is back,” said Lena Vogt.\n\n“Inflation is not.”", "Inflation", "Lena Vogt"},
      {"a continued quote is not carried over an unrelated paragraph",
       "“Growth is back,” said Lena Vogt.\n\nThe markets rose on Friday.\n\n“Inflation is not.”", "Inflation", ""},
      {"a demonym refers to the earlier person from that country",
       "French Foreign Minister Paul Roux met his hosts in Oslo until the Frenchman called it “a turning point.”",
       "turning point", "Paul Roux"},
      {"an epithet with no antecedent names the latest subject",
       "Economy Minister Lena Vogt spoke first. The veteran economist also warned of debt.\n\n“We must act now,” she said.",
       "act now", "Lena Vogt"},
      {"a participle after a quote introduces what follows, not the speaker",
       "Lena Vogt called the plan “a mistake”, saying the Germans and others want it.", "mistake", "Lena Vogt"},
      {"a place before a weak cue is not a speaker",
       "Talks resumed in Geneva until the weather called for “a pause.”", "pause", ""},
      {"unclosed quote ending in its own attribution",
       "“We tried everything, and still ‘nothing worked,’ Anna Kowalski said.", "We tried", "Anna Kowalski"},
      {"with no subject that agrees, the latest person mentioned with a role",
       "Leeds have signed Charlton midfielder Tom Hale for an undisclosed fee.\n\n“It was an easy decision,” he said.",
       "easy decision", "Tom Hale"},
      {"the same for an epithet", "Leeds have signed Charlton midfielder Tom Hale.\n\n“It was easy,” the 34-year-old told the club.",
       "easy", "Tom Hale"},
      {"but not a name without one, which may be a team or a product",
       "The Leicester prop is in form before the Six Nations.\n\n“The Welsh scrum is strong,” he told BBC Sport.",
       "Welsh scrum", ""},
      {"a subject that agrees comes first",
       "Ana Lima, the coach, praised Charlton midfielder Tom Hale.\n\n“He was fantastic,” she said.", "fantastic",
       "Ana Lima"},
  });
}

TEST_CASE("sentence subjects: capitalised common words, things named with 'the', pronoun gender", "[attribution]") {
  check_rows({
      {"a common word capitalised at the sentence start is not the subject",
       "Chess lover Ines Duarte told BBC News she had seen a change. “Children are too busy,” she said. "
       "Fewer of them play chess now.",
       "too busy", "Ines Duarte"},
      {"a word the document never writes in lower case, with a lower-case word after it, only modifies the name",
       "Chess lover Ines Duarte told BBC News she had seen a change. “Children are too busy,” she said.",
       "too busy", "Ines Duarte"},
      {"a place after 'at' or 'in' is no subject",
       "Tom Hale has issued a rallying cry to supporters.\n\nThe chancellor said the vote would give a “clear” "
       "choice. Speaking at the party's spring conference in Gateshead, Mr Hale claimed the plan was not safe. He "
       "said the cuts would “cut deep”.\n\nTo a packed audience at Gateshead's Sage Centre, the chancellor said the "
       "cuts proposed by shadow chancellor Tim Lee were the same as sacking every nurse, he told activists. Laying "
       "into the rival record in government he said: “I give you this promise.”",
       "promise", "Tom Hale"},
      {"words before the sentence's first name that only modify it",
       "Conservative shadow minister Ann Reid said the question seemed fair. But she accused the government of "
       "treating them as “two separate issues”.",
       "separate issues", "Ann Reid"},
      {"a name used as a modifier after 'an' is no subject, even with a known first name",
       "Boss Graeme Souness was pleased.\n\nAn own goal followed by an Alan Shearer strike won it. "
       "“It gave us a great advantage,” he said.",
       "great advantage", "Graeme Souness"},
      {"a first name after the group's name starts a person",
       "For the Lib Dems David Laws said: “The chancellor will tell us how well the economy is doing.”",
       "chancellor", "David Laws"},
      {"a sentence-initial common word is not a first name",
       "Johan Pouwelse studies file sharing. Like Kazaa, the new network needs moderators, and it works like a "
       "club. “The moderators are the difference,” he said.",
       "moderators are", "Johan Pouwelse"},
      {"a capitalised opener before a surname the text writes after a given name is no given name",
       "Mark Dale won the county vote on Tuesday. Celebrating Dale told supporters: “We did it together.”",
       "did it together", "Mark Dale"},
      {"a participle opener is stripped whichever full name comes later",
       "The vote was close. Trailing Dale told supporters: “We are not done.” Mark Dale then left the hall.",
       "not done", "Mark Dale"},
      {"a given name the list lacks, written twice with the surname, stays a given name",
       "Mark Dale married in 1970. Zorba Dale said: “We met at school.” Zorba Dale is a teacher.",
       "met at school", "Zorba Dale"},
      {"a name after 'the' is a place or an event, not the subject",
       "In the Middle East, Tomas Berg met the families. “Peace costs less,” he said.",
       "Peace costs", "Tomas Berg"},
      {"a name after 'the' and a year is a law",
       "Under the 1998 Water Act, Ana Lima must publish the figures. “We will,” she said.",
       "We will", "Ana Lima"},
      {"a pronoun inside a clause does not teach the subject its gender",
       "Jo Kerr was impressed when he discussed the role with her. “It was a gift,” she said.",
       "a gift", "Jo Kerr"},
  });
}

TEST_CASE("wire stories: a dateline before the first sentence, a day before the verb", "[attribution]") {
  check_rows({
      {"a dateline with the agency", "MOSCOW (Reuters) — The Kremlin on Monday dismissed the warnings as “hysteria,” "
       "saying it had no plans.", "hysteria", "Kremlin"},
      {"a dateline with a date and a hyphen",
       "WASHINGTON, Jan 5 (AP) - Secretary of State Ana Lima on Thursday called the talks “useful.”", "useful",
       "Ana Lima"},
      {"the sentence after a dateline has its own subject",
       "VIENNA — Tom Hale, the chief negotiator, rejected the plan. “It is dead.”", "dead", "Tom Hale"},
      {"the Kremlin is what a later 'it' refers to",
       "The Kremlin said the claims were false. “We have no plans,” it said.", "no plans", "Kremlin"},
      {"capitals in running text are no dateline",
       "The NATO chief, Ana Lima, spoke. The plan — she said — was “dead.”", "dead", "Ana Lima"},
  });
}

TEST_CASE("partial quotes go to the sentence's subject", "[attribution]") {
  check_rows({
      {"subject with a verb before the fragment", "Olaf Berg called the talks “useful and frank,” but left early.",
       "useful", "Olaf Berg"},
      {"subject after a leading phrase", "On Tuesday, Olaf Berg described the plan as “a good first step.”",
       "first step", "Olaf Berg"},
      {"subject with an inserted clause",
       "The mayor, who spoke for an hour at the town hall, promised “a new bridge by spring.”", "new bridge",
       "The mayor"},
      {"no speech verb, no speaker", "The sign on the gate read “Keep out.”", "Keep out", ""},
      {"a fragment in a sentence without a speech verb: its subject", "Ana Ruiz heralded the deal as a “breakthrough.”",
       "breakthrough", "Ana Ruiz"},
      {"the subject of a clause of worry", "Paul Ortega worried that the bridge was becoming “a road to nowhere.”",
       "road to nowhere", "Paul Ortega"},
      {"an unnamed source as the subject", "A city official fretted that costs would be “far too high.”", "too high",
       "A city official"},
      {"the fragment's own sentence, not the one before",
       "Ana Ruiz said the plan was sound. A city official fretted that it was “far too costly.”", "too costly",
       "A city official"},
      {"'It' introducing a text with a colon is no speaker",
       "The European Union wants a vote. The question has been unveiled.\n\nIt will be: “Should the UK approve the "
       "treaty?”",
       "approve", ""},
      {"a role subject with the name in apposition",
       "Ruth Ames spoke first. The Kremlin spokesman, Ivan Lebed, told reporters the “operation” would go on.",
       "operation", "Ivan Lebed"},
  });
  check_sources(
      {
          {"an organisation right before its speech verb",
           "The Foreign Ministry said the visit was “constructive and useful.”", "constructive", "Foreign Ministry",
           "Foreign Ministry"},
          {"a known organisation", "The White House said the president would “not be deterred.”", "deterred",
           "White House", "White House"},
      },
      "org:", false);
  check_rows({
      {"not when another clause with its own subject follows",
       "Leeds have confirmed a bid for the striker - but chairman Tom Reid has called it “derisory”.", "derisory",
       "Tom Reid"},
      {"not a participle opening the sentence",
       "Addressing claims that the law was weak, Mr Ames told the BBC: “The law is very clear.”", "very clear",
       "Ames"},
      {"verbs that characterise what is quoted: branded", "Coach Ines Castro has branded the complaint as “pathetic”.",
       "pathetic", "Ines Castro"},
      {"labelled", "Labour backbencher Tom Reid labelled the schemes “a pile of nonsense”.", "nonsense", "Tom Reid"},
      {"dismissed", "The Treasury dismissed the research as “complete rubbish”.", "rubbish", "Treasury"},
      {"hailed", "Ireland fly-half Rui Costa hailed the victory as a “special” win.", "special", "Rui Costa"},
  });
  SECTION("the role in front of the name in apposition is the speaker's") {
    const auto quotes = run("The bank's chief economist, Ivan Lebed, said growth was “fragile.”");
    REQUIRE(quotes.quotes.size() == 1);
    CHECK(quotes.quotes[0].speaker == "Ivan Lebed");
    CHECK(quotes.quotes[0].role == "chief economist");
  }
}

TEST_CASE("roles and organisations from titles and appositions", "[attribution]") {
  struct Row2 {
    const char* phenomenon;
    std::string text, speaker, role, organization;
  };
  const std::vector<Row2> rows = {
      {"a party whip's title is a role, not part of the name", "“No deal,” Majority Whip Tom Dale said.",
       "Tom Dale", "Majority Whip", ""},
      {"country adjective and title before the name", "“No deal,” Estonian Foreign Minister Kaja Tamm said.",
       "Kaja Tamm", "Foreign Minister", "Estonia"},
      {"apposition after the name", "“No deal,” said Pablo Ruiz, Spain’s economy minister, on Monday.",
       "Pablo Ruiz", "economy minister", "Spain"},
      {"organisation before the title", "“No deal,” Pentagon press officer Dan Hale said.", "Dan Hale",
       "press officer", "Pentagon"},
      {"title phrase with of", "“No deal,” said President Ana Lima of Brazil.", "Ana Lima", "President", "Brazil"},
      {"possessive organisation", "“No deal,” Russia’s UN ambassador Ivan Petrov said.", "Ivan Petrov",
       "ambassador", "Russia"},
      {"capitalised words, then role words, then the name: a person, not an organisation",
       "“No deal,” said England sevens coach Mike Friday.", "Mike Friday", "sevens coach", "United Kingdom"},
      {"a month as surname", "“No deal,” Home Secretary Theresa May said.", "Theresa May", "Home Secretary", ""},
      {"a party adjective before the role is whom the role is for",
       "“It is close,” said Liberal pollster Ana Vidal.", "Ana Vidal", "pollster", "Liberal"},
      {"a candidate's name before the role words", "“No comment,” Ruiz press secretary Dan Hale said.",
       "Dan Hale", "press secretary", "Ruiz"},
      {"a chamber before a capitalised title", "“We will vote,” Senate Speaker Ana Lima said.", "Ana Lima",
       "Speaker", "Senate"},
      {"a capitalised word that is never a name before the role is no organisation",
       "“We will vote,” said Former nominee Ana Lima.", "Ana Lima", "nominee", ""},
      {"a party adjective in apposition", "“It is close,” said Tom Hale, a Liberal strategist.", "Tom Hale",
       "strategist", "Liberal"},
      {"a local title", "Councillor Sarah Green said: “This is a historic day.”", "Sarah Green", "Councillor", ""},
      {"an article and an adjective before the name: the name speaks, no role", "“We will appeal,” a defiant Tom Hale said.",
       "Tom Hale", "", ""},
      {"a noun phrase in apposition names the role, lexicon or not",
       "“The risk is real,” said Dr Ana Lima, a cardiologist who was not involved in the study.", "Ana Lima",
       "cardiologist", ""},
      {"a possessor before the role in apposition",
       "“We are ready,” said Prof Tom Hale, the study's lead author.", "Tom Hale", "lead author", ""},
      {"a police rank abbreviated", "Det Insp Paul Reed said: “This was a senseless act.”", "Paul Reed",
       "Det Insp", ""},
      {"an abbreviated title that is also an honorific", "“No deal,” said Sen. Tim Scott of South Carolina.",
       "Tim Scott", "Sen.", "South Carolina"},
      {"an arts title", "“We are very competitive,” said drummer Larry Mullen.", "Larry Mullen", "drummer", ""},
      {"titles only, then the name between commas",
       "Acting Detective Chief Superintendent, Mick Dale, said: “The network is down.”", "Mick Dale",
       "Acting Detective Chief Superintendent", ""},
      {"NAME of ORG", "“No deal,” said Brian Tate of Wells Fargo in Minneapolis.", "Brian Tate", "", "Wells Fargo"},
      {"whose role it is, then the role and the name", "“No wedding plans yet,” said Aguilera’s agent Meg Profit.",
       "Meg Profit", "agent", ""},
      {"a lower-case possessor", "“We are opening accounts,” said the central bank’s deputy Omar Gadar.", "Omar Gadar",
       "deputy", ""},
      {"lower-case words before a title are part of the role", "“No deal,” said union leader Rosa Pinto.",
       "Rosa Pinto", "union leader", ""},
      {"lower-case role words before a name, no title", "“No deal,” said asbestosis sufferer Tom Hale.",
       "Tom Hale", "asbestosis sufferer", ""},
      {"an age and role words", "“No deal,” said 20-year-old politics student Nick Vale.", "Nick Vale",
       "20-year-old politics student", ""},
      {"an apposition after 'said NAME' ending the sentence",
       "“We are ready,” says Dr. Jane Holt, a professor at Wexford University.", "Jane Holt", "professor",
       "Wexford University"},
      {"'from' a place is not an organisation", "“We are ready,” said Ann Jones, a teacher from Ohio.", "Ann Jones",
       "teacher", ""},
      {"the organisation a person is from, no commas",
       "“No deal,” Rui Costa from the Harbour Workers Association told reporters.", "Rui Costa", "",
       "Harbour Workers Association"},
      {"apposition with a preposition: role before it, organisation after it",
       "“No deal,” Rui Costa, chief economist at Tall Tree Partners, said.", "Rui Costa", "chief economist",
       "Tall Tree Partners"},
      {"an organisation before the name in apposition: the name speaks",
       "Responding to the speech, shadow chief secretary to the Treasury, Georgina Oswald, said: “No deal.”",
       "Georgina Oswald", "chief secretary to the Treasury", "Treasury"},
      {"a role and its organisation before the name in apposition",
       "The shadow education secretary, Tim Colley, said: “No deal.”", "Tim Colley", "shadow education secretary", ""},
      {"apposition before the name, comma before the verb",
       "The port's chief executive, Rui Costa, said: “No deal.”", "Rui Costa", "chief executive", ""},
      {"a several-word possessor before the role in apposition, quoted in the next sentence",
       "The Scottish National Party's Holyrood leader, Ann Reid, welcomed the move. She said: “No deal.”",
       "Ann Reid", "leader", "Scottish National Party"},
      {"capitalised words before the head noun of an apposition are part of the role",
       "“The vote matters,” said Lena Ortiz, a Maple Grove resident.", "Lena Ortiz", "Maple Grove resident", ""},
      {"a participle before the head noun is part of the role",
       "“It is late,” said Tim Oakes, a Border Patrol tunneling expert.", "Tim Oakes", "Border Patrol tunneling expert", ""},
      {"a participle with an object ends the role", "“We will win,” said Ana Paz, a Texas teacher supporting Lopez.",
       "Ana Paz", "teacher", "Texas"},
      {"a role without an article before 'of' and a name", "“Nobody knows,” said Tom Reyes, publisher of Harbor Notes.",
       "Tom Reyes", "publisher", "Harbor Notes"},
      {"a clause in apposition without an article gives no role",
       "“It is late,” said Tim Oakes, recalling his years in Ohio.", "Tim Oakes", "", ""},
      {"a known organisation after a later preposition wins over an unknown name",
       "“We are not there yet,” said Nora Villa, director of Urban Studies at the Coastal Research Institute in Lisbon.",
       "Nora Villa", "director", "Coastal Research Institute"},
  };
  for (const auto& row : rows) {
    SECTION(row.phenomenon) {
      const auto quotes = run(row.text);
      REQUIRE(quotes.quotes.size() == 1);
      const Quote& q = quotes.quotes[0];
      CHECK(q.speaker == row.speaker);
      CHECK(q.role == row.role);
      CHECK(q.organization == row.organization);
      CHECK_FALSE(q.anonymous);
    }
  }
}

TEST_CASE("a long apposition gives the role, and every later quote of the speaker keeps it", "[attribution]") {
  // The apposition runs past 80 characters, the length the rule used to read.
  const std::string introduction =
      "“We will win,” said Ana Paz, a Maple Grove nurse who has run campaigns for the county party and its many "
      "candidates since 2009.";
  const auto quotes = run(introduction + "\n\n“It is close,” Paz said.");
  REQUIRE(quotes.quotes.size() == 2);
  CHECK(quotes.quotes[0].speaker == "Ana Paz");
  CHECK(quotes.quotes[1].speaker == "Ana Paz");  // "Paz": the full name given before
  for (const auto& q : quotes.quotes) CHECK(q.role == "nurse");
}

TEST_CASE("unnamed sources stay anonymous with their organisation", "[attribution]") {
  const auto quotes = run(
      "“We are watching closely,” a senior Treasury official said.\n\n"
      "“The risks are real,” the official added.");
  REQUIRE(quotes.quotes.size() == 2);
  for (const auto& q : quotes.quotes) {
    CHECK(q.anonymous);
    CHECK(q.speaker == "a senior Treasury official");
    CHECK(q.organization == "Treasury");
    CHECK(q.speaker_id.rfind("anon:test:", 0) == 0);
  }
}

TEST_CASE("unnamed sources: part of a group, abbreviations, what makes them sources", "[attribution]") {
  struct Source { std::string text, speaker, role; bool anonymous; };
  for (const Source& s : std::vector<Source>{
           {"“It is a delicate moment,” said one of the diplomats.", "one of the diplomats", "diplomats", true},
           {"“We will appeal,” said one of their lawyers, Ana Lima.", "Ana Lima", "lawyers", false},
           {"“We will respond,” a U.S. official told Reuters.", "a U.S. official", "U.S. official", true},
           {"“It is close,” said a person familiar with the matter, who asked not to be identified.",
            "a person familiar with the matter", "person familiar with the matter", true},
           {"Two people close to the talks said Russia raised demands.", "", "", true},
           {"“It is clear,” said Prime Minister Tom Hale's official spokesman.",
            "Prime Minister Tom Hale's official spokesman", "Prime Minister Tom Hale's official spokesman", true},
           {"Two diplomats familiar with the talks spoke. “It is a delicate moment,” one of them said.",
            "Two diplomats familiar with the talks", "diplomats familiar with the talks", true},
       }) {
    CAPTURE(s.text);
    const auto quotes = run(s.text);
    if (s.speaker.empty()) {  // no quote: the phrase is a mention; checked through the next quote
      const auto next = run(s.text + " “It is a delicate moment.”");
      REQUIRE(next.quotes.size() == 1);
      CHECK(next.quotes[0].speaker == "Two people close to the talks");
      continue;
    }
    REQUIRE(quotes.quotes.size() == 1);
    CHECK(quotes.quotes[0].speaker == s.speaker);
    CHECK(quotes.quotes[0].role == s.role);
    CHECK(quotes.quotes[0].anonymous == s.anonymous);
  }
}

TEST_CASE("a definite source who asks not to be named is somebody new", "[attribution]") {
  const auto quotes = run(
      "Union leader Tom Reid said the offer was poor.\n\n"
      "The city's budget director, who asked not to be named because talks were going on, said the gap was "
      "“about $40 million.”\n\n“There is room to move,” the director said.");
  REQUIRE(quotes.quotes.size() == 2);
  for (const auto& q : quotes.quotes) {
    CHECK(q.speaker == "The city's budget director");
    CHECK(q.anonymous);
  }
}

TEST_CASE("Arabic articles and patronymics joined to a name", "[attribution]") {
  check_rows({
      {"al- after a title and a first name", "“We will win,” President Bashar al-Assad said.", "win", "Bashar al-Assad"},
      {"el- after the verb", "“We will win,” said Abdel Fattah el-Sisi.", "win", "Abdel Fattah el-Sisi"},
      {"bin and al- in one name", "“We will win,” Foreign Minister Faisal bin Farhan al-Saud said.", "win",
       "Faisal bin Farhan al-Saud"},
      {"a lower-case word with a hyphen is no name", "“We will win,” said the al-fresco diner.", "win", ""},
  });
}

TEST_CASE("lower-case particles inside names", "[attribution]") {
  check_rows({
      {"ten", "Manager Erik ten Hag said the striker was “a key part” of his plans.", "key part", "Erik ten Hag"},
      {"dos", "“We will win,” said Jose dos Santos.", "win", "Jose dos Santos"},
      {"de", "“We will win,” said Staffan de Mistura.", "win", "Staffan de Mistura"},
  });
}

TEST_CASE("an unnamed source's organisation may follow it", "[attribution]") {
  check_sources(
      {
          {"for ORG", "“Sales are up,” a spokesman for Kettle Foods said.", "Sales", "a spokesman for Kettle Foods",
           "Kettle Foods"},
          {"at ORG, several words", "“Rates will rise,” said an analyst at Wood Hill Capital.", "Rates",
           "an analyst at Wood Hill Capital", "Wood Hill Capital"},
          {"a plural source needs no determiner", "“The road will reopen,” officials said.", "road", "officials", ""},
          {"members of the public as sources", "“Is this the end?” asked one reporter.", "the end", "one reporter", ""},
          {"nor with a word before it", "“The road will reopen,” said local officials.", "road", "local officials", ""},
          {"nor before the quote", "Union officials said the strike was “a last resort”.", "last resort", "Union officials",
           ""},
          {"a family, after a possessor, refers to nobody before it",
           "Tom Hale was jailed.\n\nIn a statement, the guard's family said: “No sentence will bring him back.”",
           "No sentence", "the guard's family", ""},
          {"an organisation with a preposition inside, before the noun",
           "“Delays are likely,” a Department for Transport spokeswoman said.", "Delays",
           "a Department for Transport spokeswoman", "Department for Transport"},
          {"for the ORG with a possessive inside",
           "“We will look into it,” a spokeswoman for the Data Commissioner’s Office said.", "look into",
           "a spokeswoman for the Data Commissioner’s Office", "Data Commissioner’s Office"},
      },
      "anon:", true);
}

TEST_CASE("a quote after reported speech goes on with what its speaker was saying", "[attribution]") {
  check_rows({
      {"reported speech in the paragraph before",
       "Ines Duarte, head of the Lisbon chess club, says children learn the game faster than adults.\n\n"
       "“They have no fear of losing.”",
       "no fear", "Ines Duarte"},
      {"reported speech in the sentence before, same paragraph",
       "But Mr Berg says the council already has plans to build more. “We will start in the spring.”",
       "start in the spring", "Berg"},
      {"reported speech in a clause after 'but'",
       "Analyst Carla Mendes was there. Sales rose, but Ms Mendes said it was hard to say how fast that would go on. "
       "“People have cameras already.”",
       "cameras", "Carla Mendes"},
      {"not a name after a preposition: the sentence's subject",
       "A party spokesman played down differences with Mr Wyatt and said Mr Brown had a big role. "
       "“This election is a choice.”",
       "election", "A party spokesman"},
      {"who was asked answers",
       "Liam Fox was interviewed. Dr Fox was asked if he would say yes or no to the plan. "
       "“I'm sure we would look at that sympathetically.”",
       "sympathetically", "Liam Fox"},
      {"a pronoun subject and an auxiliary",
       "Tomas Berg arrived late. He had told the council the plans were ready. “We will start in the spring.”",
       "start in the spring", "Tomas Berg"},
      {"a question is not what the quote goes on with",
       "Ines Duarte asked whether the club would survive. “Nobody knows.”", "Nobody knows", ""},
      {"a participle does not report speech",
       "Ines Duarte left the club, saying the rent was too high. “Nobody knows.”", "Nobody knows", ""},
      {"the speech verb must follow the subject, not a later name",
       "At the fair in Lisbon, Velora announced that its players would ship in spring. “Nobody knows.”",
       "Nobody knows", ""},
      {"reported speech between two quotes: the quote goes on with the reported speech",
       "“We lost,” said Tomas Berg. Ines Duarte said the team had played well. “Nobody knows.”", "Nobody knows",
       "Ines Duarte"},
      {"a person subject who says nothing: that person",
       "Mr Berg has taken the idea to his own school in Porto. “We bought twenty laptops last year.”", "laptops",
       "Berg"},
      {"the same across a paragraph break",
       "Striker Tomas Berg signalled his intent to move abroad.\n\n“I am 30 now and time is short.”", "time is short",
       "Tomas Berg"},
      {"not when a sentence after the quote says who spoke, even one no rule reads",
       "Mr Berg has taken the idea to his own school. “We bought twenty laptops.” Eduvision's staff told the BBC.",
       "laptops", ""},
      {"not after a question", "Is the club finished, as Tomas Berg once claimed? “No. We will go on.”", "We will go on",
       ""},
      {"not when the subject is a thing", "Sessions with Tomas Berg have been vital. “He uses needles.”", "needles", ""},
  });
}

TEST_CASE("organisations as speakers: with their article, and as 'it' or 'the firm' later", "[attribution]") {
  check_sources(
      {
          {"the ORG said", "“We reject the claims,” the Foreign Ministry said.", "reject", "Foreign Ministry", "Foreign Ministry"},
          {"an organisation name going on after 'of' and 'and'", "“No comment,” the Department of Trade and Industry said.",
           "No comment", "Department of Trade and Industry",
           "Department of Trade and Industry"},
          {"an unknown single name with its article", "“No further action will be taken,” the FRU said.", "further action",
           "FRU", "FRU"},
          {"it: the organisation that opened a sentence before",
           "The Harbour Workers Association welcomed the proposal. “This is the best of both worlds,” it said.",
           "both worlds", "Harbour Workers Association", "Harbour Workers Association"},
          {"it: an organisation with its article that spoke before, not a document it spoke in",
           "Growth will slow next year, the WBCA said in a report. “Recovery will come in 2027,” it added.", "Recovery",
           "WBCA", "WBCA"},
          {"the firm: a lone name that spoke before and was never introduced as a person",
           "Velora says its new player will ship in spring. “It is designed for the mass market,” said the firm.",
           "mass market", "Velora", "Velora"},
          {"the ministry: an organisation of that kind",
           "The Harbour Workers Association met on Monday. The Finance Ministry said it would wait. "
           "“Growth will be slow,” the ministry said.",
           "Growth", "Finance Ministry", "Finance Ministry"},
      },
      "org:", false);
  SECTION("'it' after a statement the organisation spoke in") {
    const auto quotes = run("“We will appeal,” the Interior Ministry said in a statement. “The ruling is wrong,” it added.");
    const Quote* q = find_quote(quotes, "ruling");
    REQUIRE(q != nullptr);
    CHECK(q->speaker == "Interior Ministry");
  }
  SECTION("no organisation before: 'the firm' names nobody") {
    const auto quotes = run("“It is designed for the mass market,” said the firm.");
    REQUIRE(quotes.quotes.size() == 1);
    CHECK(quotes.quotes[0].speaker.empty());
  }
}

TEST_CASE("a person named by age or origin is the latest subject, or nobody", "[attribution]") {
  check_rows({
      {"the 23-year-old after a named subject",
       "Ana Molina beat the top seed in straight sets. “Bring it on,” said the 23-year-old.", "Bring it on",
       "Ana Molina"},
      {"the 23-year-old with nobody before", "“Bring it on,” said the 23-year-old.", "Bring it on", ""},
      {"an adjective and a surname with the article: the person named before, not an organisation",
       "Clive Holt won the prize. “It is new to me,” the Oscar-nominated Holt told reporters.", "new to me",
       "Clive Holt"},
      {"a month alone is the surname of somebody named before",
       "Guitarist Brian Mays joined Brian May on stage. “The show went well,” May wrote on his website.", "went well",
       "Brian May"},
      {"a month alone with nobody of that name: nobody", "“The show went well,” May wrote.", "went well", ""},
      {"an age and a surname after the verb", "“I would be keen to leave,” admitted the 28-year-old Morientes.",
       "keen to leave", "Morientes"},
      {"an age and a nationality: the person from that country",
       "Austrian Stefan Kobel was banned for three months. “I have acted correctly,” the 27-year-old Austrian said.",
       "acted correctly", "Stefan Kobel"},
      {"role words before a name that is followed by a noun: not that name",
       "Tom Hanks was honoured. “Christmas is special,” added the two-time Academy Award winner.", "Christmas", ""},
      {"an origin the lexicon does not list",
       "Martin Vos praised his players after the draw. “We had the initiative,” said the Dutchman.", "initiative",
       "Martin Vos"},
      {"a title with no name after it", "Ana Molina won again in Leeds. “It was hard,” said the two-time champion.",
       "hard", "Ana Molina"},
      {"the same before a colon", "Tom Hale finished ahead of the field. The world indoor champion said: “I was tired.”",
       "tired", "Tom Hale"},
      {"a title with nobody before", "“It was hard,” said the two-time champion.", "hard", ""},
      {"a title followed by a name is the name's", "“It was hard,” said the two-time champion Ana Molina.", "hard",
       "Ana Molina"},
  });
}

TEST_CASE("a fragment in a later sentence continues the speaker with a confidence that tells", "[attribution]") {
  SECTION("nobody named before the fragment: the previous speaker, confidently") {
    const auto quotes = run("“The draft was fine,” said one diplomat. But “the others were reticent.”");
    const Quote* q = find_quote(quotes, "reticent");
    REQUIRE(q != nullptr);
    CHECK(q->speaker == "one diplomat");
    CHECK(q->confidence >= 0.8);
  }
  SECTION("somebody named before the fragment: kept, with low confidence") {
    const auto quotes = run("“The draft was fine,” said Ines Duarte. Vince Moore also found it “fantasy economics”.");
    const Quote* q = find_quote(quotes, "fantasy");
    REQUIRE(q != nullptr);
    CHECK(q->confidence <= 0.6);
  }
}

TEST_CASE("what makes an unnamed source a source may follow it", "[attribution]") {
  const std::vector<std::pair<std::string, std::string>> rows = {
      {"“It is a mess,” a source familiar with the matter told Reuters.", "a source familiar with the matter"},
      {"“It is a mess,” two people familiar with the talks said.", "two people familiar with the talks"},
      {"“It is a mess,” an official close to the negotiations said.", "an official close to the negotiations"},
  };
  for (const auto& [text, speaker] : rows) {
    SECTION(text) {
      const auto quotes = run(text);
      REQUIRE(quotes.quotes.size() == 1);
      CHECK(quotes.quotes[0].anonymous);
      CHECK(quotes.quotes[0].speaker == speaker);
    }
  }
}

TEST_CASE("written sources and title mentions", "[attribution]") {
  SECTION("according to a document") {
    const auto quotes = run("The plan stresses “the urgent need for talks,” according to a confidential Russian concept paper.");
    REQUIRE(quotes.quotes.size() == 1);
    CHECK(quotes.quotes[0].speaker == "a confidential Russian concept paper");
    CHECK(quotes.quotes[0].anonymous);
    CHECK(quotes.quotes[0].organization == "Russia");
  }
  SECTION("a lawsuit, a study, a survey") {
    for (const char* source : {"the lawsuit", "the suit", "the study", "the survey"}) {
      CAPTURE(source);
      const auto quotes = run(std::string("“Acme broke the law,” ") + source + " said. “It must pay,” it added.");
      REQUIRE(quotes.quotes.size() == 2);
      CHECK(quotes.quotes[0].speaker == source);
      CHECK(quotes.quotes[0].anonymous);
      CHECK(quotes.quotes[1].speaker == source);
    }
  }
  SECTION("a website one tells something is no source") {
    const auto quotes = run("“It is new,” Ana Lima told the BBC News website. “It works,” she said. “It is cheap,” it said.");
    REQUIRE(quotes.quotes.size() == 3);
    CHECK(quotes.quotes[2].speaker != "the BBC News website");
  }
  SECTION("the statement said") {
    const auto quotes = run("“All parties must stop firing,” the statement said.");
    REQUIRE(quotes.quotes.size() == 1);
    CHECK(quotes.quotes[0].speaker == "the statement");
    CHECK(quotes.quotes[0].anonymous);
  }
  SECTION("a source's words are one noun phrase, not a phrase running over a preposition") {
    const auto quotes = run("Its authors struck a tone of alarm in the report.\n\n“Nobody is in charge,” the report said.");
    REQUIRE(quotes.quotes.size() == 1);
    CHECK(quotes.quotes[0].speaker == "the report");
    CHECK(quotes.quotes[0].anonymous);
  }
  SECTION("the secretary refers to the person with that title") {
    const auto quotes = run(
        "US Secretary of State Mary Collins arrived in Oslo.\n\n“We came to listen,” the secretary said.");
    REQUIRE(quotes.quotes.size() == 1);
    CHECK(quotes.quotes[0].speaker == "Mary Collins");
    CHECK(quotes.quotes[0].role == "Secretary of State");
    CHECK(quotes.quotes[0].organization == "United States");
  }
  SECTION("an honorific and surname resolve to the full name") {
    const auto quotes = run("Foreign Minister Omar Haddad of Jordan spoke.\n\n“No,” Mr. Haddad said.");
    REQUIRE(quotes.quotes.size() == 1);
    CHECK(quotes.quotes[0].speaker == "Omar Haddad");
    CHECK(quotes.quotes[0].organization == "Jordan");
  }
}

TEST_CASE("a lower-case organisation word refers to the organisation named before", "[attribution]") {
  const auto quotes = run(
      "The European Commission met on Monday.\n\n“The text is not ready,” said one commission official.");
  REQUIRE(quotes.quotes.size() == 1);
  CHECK(quotes.quotes[0].anonymous);
  CHECK(quotes.quotes[0].organization == "European Commission");
}

TEST_CASE("quotes carry code point offsets into the text", "[attribution]") {
  const std::string text = "Ünïcödé “Grüße aus Köln,” said Jörg Weiß.";
  const auto quotes = run(text);
  REQUIRE(quotes.quotes.size() == 1);
  const Quote& q = quotes.quotes[0];
  CHECK(q.start == 9);   // Ü n ï c ö d é space “ -> 9 code points before the words
  CHECK(q.stop == 9 + 15);
  CHECK(q.text == "Grüße aus Köln,");
  CHECK(text.substr(q.begin, q.end - q.begin) == q.text);
  CHECK(q.speaker == "Jörg Weiß");
}

TEST_CASE("a rule file that does not compile is reported with file and line", "[rules]") {
  const std::string path = "bad_rules_test.txt";
  write_test_file(path, "# a broken rule\nrule broken after 0.9 (?<speaker>[a-z\n");
  std::string error;
  ExtractorOptions options;
  options.rules_file = path;
  CHECK(Extractor::create(options, &error) == nullptr);
  CHECK(error.find("bad_rules_test.txt:2:") != std::string::npos);
  std::remove(path.c_str());
}

namespace {

// Names after possessors, at every distance the possessor can have from the mention's start,
// with the marks and spaces it can be written with, and some that look like one and are not.
const std::vector<std::string>& possessive_texts() {
  static const std::vector<std::string> texts = {
      "Russia’s foreign minister Sergei Lavrov arrived. “We will not move,” Lavrov said.",
      "The Kremlin’s Dmitry Peskov spoke. “No comment,” Peskov said.",
      "Manchester United Supporters Trust’s Duncan Drasdo spoke. “We are angry,” Drasdo said.",
      "The Manchester United Supporters Trust’s Duncan Drasdo spoke. “We are angry,” he said.",
      "Big Old Manchester United Supporters Trust’s Duncan Drasdo spoke. “We are angry,” he said.",
      "Britain's Tony Blair said: “We are ready.”",
      "The Kremlin's Dmitry Peskov spoke. “No comment,” Peskov said.",
      "Russia’s\u00A0Sergei Lavrov arrived. “We will see,” Lavrov said.",
      "Smith, Jones’s friend, said: “Go home.”",
      "Wales’ Mark Davies spoke. “He will play,” Davies said.",
      "The Williams' Ann Roe spoke. “He will play,” she said.",
      "Mr Eavis' daughter Emily Eavis spoke. “It will work,” she said.",
      "It is James’ turn. Wales’ “big day” came.",
      "It was Britain’s\n“We will win,” said Tony Blair.",
      "O’Neill’s assistant Tom Lee left. “It is over,” Lee said.",
      "Mr. Blair’s spokesman, Tom Kelly, said: “No.”",
      "The U.S.’s envoy, Ann Lee, said: “We will stay.”",
      "The Observer’s Ann Lee’s view: “Nothing works.”",
      "Tom Lee said the company’s chief, Ann Roe, agreed. “No,” Roe said.",
      "Sales at AT&T’s unit fell. “It was bad,” said Tom Lee.",
      "Sales at x&Blair’s Tom Lee fell. “It was bad,” Lee said.",
      "Élodie Durand’s aide, Tom Lee, spoke. “It was bad,” Lee said.",
      "The Élysée’s Tom Lee spoke. “It was bad,” he said.",
      "“It is over,” said Russia’s Sergei Lavrov, the foreign minister.",
      "Lavrov’s “We will not move” was heard. Lavrov’S aide, Ivan Petrov, agreed.",
  };
  return texts;
}

// Runs `texts` through the built-in rules and through `other`, which must find the same.
void check_same_quotes(const Extractor& other, const std::vector<std::string>& texts) {
  for (const std::string& text : texts) {
    SECTION(text) {
      const auto fast = run(text);
      const auto slow = run_with(other, text);
      REQUIRE(fast.quotes.size() == slow.quotes.size());
      REQUIRE_FALSE(fast.quotes.empty());
      for (std::size_t i = 0; i < fast.quotes.size(); ++i) {
        CHECK(fast.quotes[i].text == slow.quotes[i].text);
        CHECK(fast.quotes[i].speaker == slow.quotes[i].speaker);
        CHECK(fast.quotes[i].role == slow.quotes[i].role);
        CHECK(fast.quotes[i].organization == slow.quotes[i].organization);
        CHECK(fast.quotes[i].rule == slow.quotes[i].rule);
        CHECK(fast.quotes[i].confidence == slow.quotes[i].confidence);
      }
    }
  }
}

// The built-in rule file with its lines changed by `edit` (a line for a line, or "" to drop it).
std::string edited_rules(const std::function<std::string(const std::string&)>& edit) {
  std::string out;
  const std::string_view rules = builtin_data_file("rules.txt");
  std::size_t pos = 0;
  while (pos < rules.size()) {
    std::size_t end = rules.find('\n', pos);
    end = end == std::string_view::npos ? rules.size() : end + 1;
    const std::string line(rules.substr(pos, end - pos));
    out += edit(line);
    pos = end;
  }
  return out;
}

// An extractor reading `rules` (written to `path` and removed); the test fails if it cannot.
std::unique_ptr<Extractor> extractor_with_rules(const std::string& path, const std::string& rules) {
  write_test_file(path, rules);
  std::string error;
  ExtractorOptions options;
  options.rules_file = path;
  auto e = Extractor::create(options, &error);
  std::remove(path.c_str());
  if (!e) FAIL(error);
  return e;
}

}  // namespace

// Groups are numbered in the order their brackets open: a rule file's named groups can come
// after many others, past the room the built-in rules need.
TEST_CASE("a rule's named groups count however many groups come before them", "[rules]") {
  const std::string mention = "mention person.name person (?<name>\\p{Lu}\\p{Ll}+(?:\\h+\\p{Lu}\\p{Ll}+)*)\n";
  const std::string speaker = "(?<cue>said)\\h+(?<speaker>\\p{Lu}\\p{Ll}+\\h+\\p{Lu}\\p{Ll}+)\n";
  for (const int before : {0, 9, 30}) {
    CAPTURE(before);
    std::string groups;
    for (int i = 0; i < before; ++i) groups += "(\\h?)";
    const auto e = extractor_with_rules("many_groups_test.txt", mention + "rule numbered after 0.9 ^,?" + groups + "\\h*" + speaker);
    const auto quotes = run_with(*e, "\"We will not stop,\" said Maria Lopez, the mayor of the town.");
    REQUIRE(quotes.quotes.size() == 1);
    CHECK(quotes.quotes[0].speaker == "Maria Lopez");
    CHECK(quotes.quotes[0].cue == "said");
  }
}

// The rule file's `prefilter` lines only save time: they skip a pattern where a cheap word
// test shows it cannot match. The same rules without them must find the same quotes, speakers,
// roles and rules, here on sentences at the edges of each test (the BBC set is compared by
// e2e:corpus).
TEST_CASE("prefilters change nothing but the time", "[rules]") {
  const std::string without = edited_rules([](const std::string& line) { return line.rfind("prefilter", 0) == 0 ? "" : line; });
  REQUIRE(without.size() < builtin_data_file("rules.txt").size());
  const auto plain = extractor_with_rules("no_prefilters_test.txt", without);
  std::vector<std::string> texts = {
      // Mentions matter where a person is introduced in one sentence and quoted in another:
      // the role comes from the introduction. Titles before the comma of an apposition: case,
      // several words, a no-break space, no space after the comma, a particle, a title the
      // lexicon does not have.
      "Russia's FOREIGN MINISTER, Sergei Lavrov, met Blinken. “We will not move,” Lavrov said.",
      "The deputy foreign minister, Andrei Rudenko, met them. “Nothing has changed,” Rudenko said.",
      "The foreign\u00A0minister, Sergei Lavrov, arrived. “We will see,” Lavrov said.",
      "The foreign minister,Sergei Lavrov arrived. “We will see,” Lavrov said.",
      "Its chief executive, Ben van Beurden, arrived. “Prices will rise,” Van Beurden said.",
      "But the paper's business editor, Jane Roe, said the banks could step in. “It is in trouble,” she said.",
      "The club's kit man, Joe Bloggs, arrived. “The boots were muddy,” Bloggs said.",
      // Several word starts before one comma, one of them inside the word before it.
      "The ex-minister, Carl Hunt, spoke. “It is over,” Hunt said.",
      "The party's deputy vice-president, Al Gore, met them. “It is over,” Gore said.",
      // Names after lower-case titles: one word or two, hyphenated, a letter outside ASCII that
      // (?i) matches to an ASCII one (ſ for s), a capital inside, a digit after the title.
      "Later prime minister Tony Blair spoke. “We will win,” Blair said.",
      "“It is over,” state prosecutor Carl Hunt told the court.",
      "“We have acted,” deputy mayor Ann Cole told reporters.",
      "Then co-founder Steve Jobs spoke. “It is over,” Jobs said.",
      "Then vice-president Al Gore spoke. “It is over,” Gore said.",
      "Then the miniſter Carl Hunt spoke. “It is over,” Hunt said.",
      "Then the ministeR Carl Hunt spoke. “It is over,” Hunt said.",
      "Then minister2 Carl Hunt spoke. “It is over,” Hunt said.",
      // Descriptors introduced first, referred to later: the noun at the sixth word after the
      // determiner and beyond it, after a comma, in capitals, with a possessive, a hyphen.
      "One senior Western military intelligence official spoke. “The threat is real,” the official said.",
      "A senior Western military intelligence official spoke to us.\n\n“The threat is real,” he said.",
      "A very senior and rather well placed former official was there. “We are ready,” the official said.",
      "A senior, well-placed official was there. “We are ready,” the official said.",
      "A SENIOR OFFICIAL was there. “We are ready,” the official said.",
      "A State Department spokesman's note was read. “Talks will resume,” the spokesman said.",
      "One council diplomat left early. “It is over,” the diplomat said.",
      "One council co-ordinator left early. “It is over,” the co-ordinator said.",
      // Spaces outside ASCII between the words (narrow no-break, ideographic), and a character
      // whose last byte comes before a space ("50¢ "):
      "A senior\u202FWestern\u3000official spoke. “The threat is real,” the official said.",
      "One 50¢ a\u00A0day council diplomat left early. “It is over,” the diplomat said.",
      "The IMF set out its views in a short report.\n\n“The team stands ready to help,” it said.",
      "According to a confidential concept paper, “the talks have failed.”",
      // Speech verbs: upper case, hit back, none at all, after a no-break space, in the quote.
      "Mr Smith SAID: “We won.”",
      "The minister, Carl Hunt, hit back: “That is untrue.”",
      "Carl Hunt thought about it. “That is untrue.”",
      "“That is untrue,” Carl\u00A0Hunt\u00A0said.",
      "“I am sure,” she insisted, “that we will win.”",
      "“I am sure that we will win,” said Carl Hunt, “whatever they say,” he said.",
      // Contexts that must end with a comma or colon: spaces of every kind after it, none, a
      // line break, and contexts that end otherwise.
      "Carl Hunt: “That is untrue.”",
      "Carl Hunt:\u00A0\u2009 “That is untrue.”",
      "Carl Hunt:\n“That is untrue.”",
      "According to Carl Hunt,“that is untrue.”",
      "Carl Hunt said, \t“That is untrue.”",
      "Carl Hunt was blunt about it: “That is untrue.”",
      "Carl Hunt said “that is untrue.”",
      "Carl Hunt;\u00A0“That is untrue.”",
  };
  // Words around the longest the word tests compare (64 bytes), before the noun and as it.
  for (const std::size_t length : {63, 64, 65, 70}) {
    texts.push_back("A " + std::string(length, 'k') + " official spoke. “It is real,” the official said.");
    texts.push_back("A senior official" + std::string(length, 's') + " spoke. “It is real,” the official said.");
  }
  texts.insert(texts.end(), possessive_texts().begin(), possessive_texts().end());
  check_same_quotes(*plain, texts);
}

// A possessive-within prefilter on a rule file's own mention: the possessor found whatever its
// capital (outside ASCII too), its apostrophe and the space after it; never where the
// possessor has no capital, which the pattern cannot match either.
TEST_CASE("a possessive-within prefilter lets every possessor its mention can match through", "[rules]") {
  const std::string rules =
      "define PRONOUN (?<![\\p{L}\\p{M}’'-])(?i:he|she)(?![\\p{L}\\p{M}’'-])\n"
      "mention person.possessed person (?<name>\\p{Lu}[\\p{L}&-]*(?:[’']s|(?<=s)[’'])\\h+\\p{Lu}\\p{Ll}+\\h+\\p{Lu}\\p{Ll}+)\n"
      "mention pronoun pronoun {PRONOUN}\n"
      "rule after.pronoun after 0.9 ^,?\\h*(?<speaker>{PRONOUN})\\h+(?<cue>said)\n";
  const auto filtered = extractor_with_rules("possessive_test.txt", rules + "prefilter person.possessed possessive-within 0\n");
  const auto plain = extractor_with_rules("possessive_plain_test.txt", rules);
  for (const auto& [possessor, found] : std::vector<std::pair<std::string, bool>>{
           {"Acme’s ", true}, {"Acme's ", true}, {"Élo’s ", true}, {"AT&T’s ", true}, {"Acme’s\u00A0", true},
           {"acme’s ", false}, {"Acme’S ", false}, {"Wales’ ", true}, {"Wales' ", true}, {"Élus’\u00A0", true},
           {"wales’ ", false}, {"Acme’ ", false}, {"Wales’s", false}}) {
    CAPTURE(possessor);
    const std::string text = possessor + "Tom Lee spoke. “It was bad,” he said.";
    const auto a = run_with(*filtered, text), b = run_with(*plain, text);
    REQUIRE(a.quotes.size() == 1);
    REQUIRE(b.quotes.size() == 1);
    CHECK(a.quotes[0].speaker == b.quotes[0].speaker);
    CHECK(a.quotes[0].speaker == (found ? "Tom Lee" : ""));
  }
}

// The name mention is split in two (docs/rules.md): one with a possessor, one without, which
// must find what the one pattern with an optional possessor finds.
TEST_CASE("a name with a possessor and one without are found as by one pattern", "[rules]") {
  bool split = false;
  const std::string joined = edited_rules([&](const std::string& line) -> std::string {
    if (line.rfind("mention person.possessed ", 0) == 0 || line.rfind("prefilter person.possessed ", 0) == 0) {
      split = true;
      return "";
    }
    // The name alone over tokens (token-mention) against the same reading over bytes.
    if (line.rfind("token-mention person.name ", 0) == 0)
      return "mention person.name person (?<name>{NAMEPHRASE}){TITLE_AFTER_NAME}\n";
    const std::string plain_name = "(?<name>{NAME_START}{NAME_WORDS})";
    if (line.rfind("mention person.name ", 0) == 0 && line.find(plain_name) != std::string::npos)
      return line.substr(0, line.find(plain_name)) + "(?<name>{NAMEPHRASE})" + line.substr(line.find(plain_name) + plain_name.size());
    return line;
  });
  REQUIRE(split);
  REQUIRE(joined.find("(?<name>{NAMEPHRASE}){TITLE_AFTER_NAME}") != std::string::npos);
  check_same_quotes(*extractor_with_rules("joined_name_test.txt", joined), possessive_texts());
}

namespace {

// Each of `bad_lines`, added at the end of the built-in rule file, keeps it from loading, with
// a message that names the file and that line, then `what`.
void check_refused_last_line(const std::string& path, const std::string& what, std::initializer_list<const char*> bad_lines) {
  const std::string rules(builtin_data_file("rules.txt"));
  for (const char* bad : bad_lines) {
    SECTION(bad) {
      write_test_file(path, rules + bad);
      std::string error;
      ExtractorOptions options;
      options.rules_file = path;
      CHECK(Extractor::create(options, &error) == nullptr);
      const std::size_t last_line = std::count(rules.begin(), rules.end(), '\n') + 1;
      CHECK(error.find(path + ":" + std::to_string(last_line) + what) != std::string::npos);
      std::remove(path.c_str());
    }
  }
}

}  // namespace

TEST_CASE("a prefilter line that names no rule or kind is reported with file and line", "[rules]") {
  check_refused_last_line("bad_prefilter_test.txt", ": prefilter",
                          {"prefilter no.such.rule contains @speech_verbs\n",
                           "prefilter descriptor within seven @descriptors\n",
                           "prefilter descriptor near @descriptors\n",
                           "prefilter descriptor within 6 @nouns\n",
                           "prefilter person.possessed possessive-within four\n",
                           "prefilter person.possessed possessive-within 4 @titles\n",
                           "prefilter person.name lower-case-start\n",
                           "prefilter no.such.mention lower-case-start @titles\n",
                           "prefilter no.such.mention possessive-within 4\n",
                           "prefilter before.speaker_colon ends-with\n",
                           "prefilter no.such.rule ends-with :\n",
                           "prefilter before.speaker_colon ends-with \u00BB\n"});
}

// The `ends-with` test is applied: declared wrongly (a colon rule said to need a comma), it
// skips the rule where its pattern would match, and another rule (or none) attributes instead.
TEST_CASE("an ends-with prefilter skips its rule where the context ends otherwise", "[rules]") {
  const std::string text = "Carl Hunt: “That is untrue.”";
  REQUIRE(run(text).quotes.size() == 1);
  CHECK(run(text).quotes[0].rule == "before.speaker_colon");
  const auto wrong = extractor_with_rules("wrong_ending_test.txt", std::string(builtin_data_file("rules.txt")) +
                                                                     "prefilter before.speaker_colon ends-with ,\n");
  const DocumentQuotes quotes = run_with(*wrong, text);
  REQUIRE(quotes.quotes.size() == 1);
  CHECK(quotes.quotes[0].rule != "before.speaker_colon");
}

TEST_CASE("normalised keys fold case and diacritics", "[keys]") {
  CHECK(normalise_key("Sauli Niinistö") == "sauli-niinisto");
  CHECK(normalise_key("Zuzana Čaputová") == "zuzana-caputova");
  CHECK(normalise_key("Linda Thomas-Greenfield") == "linda-thomas-greenfield");
  CHECK(normalise_key("O’Brien") == "obrien");
}

TEST_CASE("extractors with different lexicons on one thread keep their own phrase analyses", "[rules]") {
  // Phrase analyses are remembered per thread (a speed-up); one extractor's must never be
  // taken for another's, whose lexicon may read the same words otherwise.
  const std::string dir = "phrase_cache_lexicons";
  std::filesystem::create_directories(dir);
  REQUIRE(std::filesystem::is_directory(dir));
  const std::string path = dir + "/organizations.txt";
  write_test_file(path, std::string(builtin_data_file("organizations.txt")) + "org\tQuentin Zorblax\n");
  std::string error;
  ExtractorOptions options;
  options.lexicon_dir = dir;
  const auto with_org = Extractor::create(options, &error);
  std::filesystem::remove_all(dir);
  REQUIRE(with_org);
  const std::string text = "“Prices will rise this year,” Quentin Zorblax said.";
  for (int round = 0; round < 2; ++round) {  // alternately, so that each follows the other
    const DocumentQuotes built_in = run(text);
    REQUIRE(built_in.quotes.size() == 1);
    CHECK(built_in.quotes[0].speaker_id.rfind("person:", 0) == 0);
    const DocumentQuotes custom = run_with(*with_org, text);
    REQUIRE(custom.quotes.size() == 1);
    CHECK(custom.quotes[0].speaker_id == "org:quentin-zorblax");
  }
}

// `subroutine` lines (docs/rules.md) put a part in a pattern once, called where it is used,
// instead of once per use: the same rules with every subroutine written out as a `define`
// must find the same quotes, speakers, roles and rules.
// One subroutine is written out at a time: all of them at once make the largest patterns too
// large for PCRE2, which is what subroutines are for.
TEST_CASE("each subroutine matches as the same part written out", "[rules]") {
  std::vector<std::string> subroutines;
  edited_rules([&](const std::string& line) {
    if (line.rfind("subroutine ", 0) == 0) subroutines.push_back(line.substr(11, line.find(' ', 11) - 11));
    return line;
  });
  REQUIRE(subroutines.size() >= 4);  // the speech verb, the title, the role word, the capitalised word
  std::vector<std::string> texts = {
      "“We will win,” said prime minister Tony Blair.",
      "“It is over,” state prosecutor Carl Hunt told the court.",
      "“That is untrue,” Carl Hunt SAID.",
      "“It was,” Mr Smith has also said.",
      "“No,” said the FOREIGN MINISTER, Sergei Lavrov.",
      "“No,” Lavrov hit back.",
      "“We are ready,” said race director Matthew Webb.",
      "“We are ready,” said the club's kit man Joe Bloggs.",
      "The minister, Carl Hunt, said: “That is untrue.”",
      "Carl Hunt, the minister, is saying: “That is untrue.”",
      "“It will pass,” she said, “whatever they say.”",
      "“It is good,” chairman and chief executive Ann Roe said.",
  };
  texts.insert(texts.end(), possessive_texts().begin(), possessive_texts().end());
  // Catch runs the test once for each text of each section: each rule file is compiled once.
  static std::map<std::string, std::unique_ptr<Extractor>> written_out;
  for (const std::string& name : subroutines) {
    DYNAMIC_SECTION(name) {
      auto& extractor = written_out[name];
      if (!extractor) {
        extractor = extractor_with_rules("subroutine_written_out_test.txt", edited_rules([&](const std::string& line) {
          if (line.rfind("subroutine " + name + " ", 0) != 0) return line;
          return "define " + line.substr(std::string("subroutine ").size());
        }));
      }
      check_same_quotes(*extractor, texts);
    }
  }
}

TEST_CASE("a subroutine line that cannot be one is reported with file and line", "[rules]") {
  check_refused_last_line("bad_subroutine_test.txt", ": subroutine",
                          {"subroutine NAMED (?<speaker>\\p{Lu}\\p{Ll}+)\n",  // the rule would not see the group
                           "subroutine VERB said\n",                            // defined above
                           "define TITLE (?:mayor)\n",                          // a subroutine above
                           "subroutine lower said\n",
                           "subroutine A_NAME_LONGER_THAN_PCRE2_ALLOWS_FOR_A_GROUP said\n"});
}

// PCRE2 (as Debian builds it) compiles a pattern into at most 64 KB. The lexicons are compiled
// into the patterns that use them, once each (as subroutines), so a user's lexicons can grow by
// a thousand entries each: 1,000 more titles and 1,000 more speech verbs, and the new ones work.
TEST_CASE("lexicons with a thousand added entries each still compile, and the entries are used", "[rules]") {
  const std::string dir = "grown_lexicons";
  std::filesystem::create_directories(dir);
  unsigned state = 5;
  const auto word = [&] {
    std::string w(5 + (state = state * 1103515245u + 12345u, (state >> 16) % 7), 'a');
    for (char& c : w) c = static_cast<char>('a' + (state = state * 1103515245u + 12345u, (state >> 16) % 26));
    return w;
  };
  std::string titles(builtin_data_file("titles.txt")), verbs(builtin_data_file("speech_verbs.txt"));
  for (int i = 0; i < 1000; ++i) titles += word() + "\n";
  for (int i = 0; i < 1000; ++i) verbs += word() + "\n";
  write_test_file(dir + "/titles.txt", titles + "ombudsperson\n");
  write_test_file(dir + "/speech_verbs.txt", verbs + "zorble zorbled zorbles zorbling\n");
  std::string error;
  ExtractorOptions options;
  options.lexicon_dir = dir;
  const auto grown = Extractor::create(options, &error);
  std::filesystem::remove_all(dir);
  INFO(error);
  REQUIRE(grown);
  const DocumentQuotes quotes = run_with(*grown, "“It is over,” said ombudsperson Ann Cole.\n\n“We lost,” Carl Hunt zorbled.");
  REQUIRE(quotes.quotes.size() == 2);
  CHECK(quotes.quotes[0].speaker == "Ann Cole");
  CHECK(quotes.quotes[0].role == "ombudsperson");
  CHECK(quotes.quotes[1].speaker == "Carl Hunt");
  CHECK(quotes.quotes[1].cue == "zorbled");
}

// A title written in lower case before a name starts the name's mention, so that the role
// goes with the person to later quotes, also when the title's first word is hyphenated and
// its first part is no title of its own ("co" of "co-founder").
TEST_CASE("a lower-case hyphenated title before a name gives later quotes the role", "[mentions]") {
  for (const auto& [title, surname] : std::vector<std::pair<std::string, std::string>>{
           {"co-founder", "Jobs"}, {"team-mate", "Button"}, {"co-chairwoman", "Cole"}, {"vice-president", "Gore"}}) {
    CAPTURE(title);
    const std::string name = surname == "Jobs" ? "Steve Jobs" : surname == "Button" ? "Jenson Button"
                             : surname == "Cole" ? "Ann Cole" : "Al Gore";
    const DocumentQuotes quotes = run("Earlier, " + title + " " + name + " arrived.\n\n“It is over,” " + surname + " said.");
    REQUIRE(quotes.quotes.size() == 1);
    CHECK(quotes.quotes[0].speaker == name);
    CHECK(quotes.quotes[0].role == title);
  }
}

// Names as the graph resolves them (docs/jsonl.md, "Who is who across a corpus"): a rank with one
// word is a name, titles and adjectives are not part of one, a surname is the document's full name.
TEST_CASE("names: ranks, titles and adjectives, the document's full name", "[attribution][names]") {
  check_rows({
      {"a prince is named, not a surname", "The visit ended. “The garden is a joy,” Prince Charles said.", "garden",
       "Prince Charles"},
      {"a knight with a given name", "The show sold out. “I love this city,” Sir Paul said.", "city", "Sir Paul"},
      {"a rank before a full name is dropped", "The match ended. “We were poor,” said Sir Alex Ferguson.", "poor",
       "Alex Ferguson"},
      {"a knight's given name later in the article is him",
       "Sir Alex Ferguson was angry. “We were poor,” Sir Alex said.", "poor", "Alex Ferguson"},
      {"an adjective before a given name", "The vote was close. “We fight on,” Defiant Matt Williams said.", "fight",
       "Matt Williams"},
      {"a party before a given name", "The rally ended. “Build it,” Republican Donald Trump said.", "Build",
       "Donald Trump"},
      {"a place-based adjective before a given name", "The poll closed. “It is tight,” Texas-based Matt Mackowiak said.",
       "tight", "Matt Mackowiak"},
      {"a speech verb opening the sentence", "“We fight on.” Said Williams: “It is not over.”", "not over",
       "Williams"},
      {"a surname takes the full name the text writes after a known given name",
       "The crowd came for Donald Trump on Friday. “We will win,” Trump said.", "win", "Donald Trump"},
      {"a surname takes the rank the text gives", "The ruling by Lord Nicholls was read out. “The law is clear,” Nicholls said.",
       "law", "Lord Nicholls"},
  });
}

TEST_CASE("each speaker has a type; a lone word with no person evidence is a name", "[attribution][names]") {
  CHECK(quote_with("The oil firm denied it. “The claims are false,” Yukos said.", "false").speaker_type == EntityType::Name);
  CHECK(quote_with("The talks ended. “The claims are false,” Mr Smith said.", "false").speaker_type == EntityType::Person);
  CHECK(quote_with("“The plan is flawed,” a confidential concept paper said.", "flawed").speaker_type ==
        EntityType::WrittenSource);
  CHECK(quote_with("“We are angry,” protesters said.", "angry").speaker_type == EntityType::Group);
  CHECK(quote_with("“We will look into it,” a senior official said.", "look").speaker_type == EntityType::UnnamedSource);
  const Quote russia = quote_with("“We are ready,” said Russian Foreign Minister Sergei Lavrov.", "ready");
  CHECK(russia.organization_type == EntityType::Place);
  CHECK(russia.gender == 'm');
}

TEST_CASE("titles of works and slogans that nobody says are not quotations", "[attribution]") {
  const std::string text =
      "Vote for Ana Ruiz: ‘A Better Deal’ for the Valley.\n\n"
      "The mayor appeared on ''The Morning Hour With Kim Lee'' on Sunday.\n\n"
      "Her campaign sells caps that read “Made in the Valley.”\n\n"
      "Critics called the plan “a costly mistake” in letters to the paper.\n\n"
      "“Made in the Valley,” Ana Ruiz said, “is more than a slogan.”";
  const auto quotes = run(text);
  std::vector<std::string> found;
  for (const auto& q : quotes.quotes) found.push_back(q.text);
  // The show and the unattributed slogan are gone; the headline's words, a lower-case phrase
  // and the slogan somebody says stay.
  CHECK(find_quote(quotes, "The Morning Hour") == nullptr);
  CHECK(std::count(found.begin(), found.end(), "Made in the Valley.") == 0);
  CHECK(find_quote(quotes, "A Better Deal") != nullptr);
  CHECK(find_quote(quotes, "a costly mistake") != nullptr);
  REQUIRE(find_quote(quotes, "Made in the Valley,") != nullptr);
  CHECK(find_quote(quotes, "Made in the Valley,")->speaker == "Ana Ruiz");
}

TEST_CASE("a title after a word for a work or a possessive is no quote, even where a speaker is found",
          "[attribution]") {
  const std::string text =
      "Ana Ruiz Speaks.\n\n"
      "Ana Ruiz said on Channel Four's “Morning Report” that the bridge would open.\n\n"
      "She wrote in her book, “A Bridge Too Near,” that it cost too much.\n\n"
      "She said on Monday that it was “A Bridge Too Near.”";
  const auto quotes = run(text);
  CHECK(find_quote(quotes, "Morning Report") == nullptr);
  CHECK(find_quote(quotes, "A Bridge Too Near,") == nullptr);
  // After a plain "that", the same words are hers.
  REQUIRE(find_quote(quotes, "A Bridge Too Near.") != nullptr);
  CHECK(find_quote(quotes, "A Bridge Too Near.")->speaker == "Ana Ruiz");
}

TEST_CASE("quotes in two-apostrophe marks are attributed, with code point offsets", "[attribution]") {
  const std::string text = "Título.\n\n''We will build it,'' said Ana Ruiz, the mayor of Tomé.";
  const auto quotes = run(text);
  REQUIRE(quotes.quotes.size() == 1);
  const Quote& q = quotes.quotes[0];
  CHECK(q.text == "We will build it,");
  CHECK(q.start == 11);  // T í t u l o . \n \n ' ' -> 11 code points before the words
  CHECK(q.stop == 11 + 17);
  CHECK(q.speaker == "Ana Ruiz");
}

TEST_CASE("frames that name the speaker without a speech verb", "[attribution]") {
  check_rows({
      {"as X put it", "The vote was close. As Ana Ruiz put it, “We won by a whisker.”", "whisker", "Ana Ruiz"},
      {"in the words of X", "The plan failed. In the words of Paul Ortega, “It never had a chance.”", "chance",
       "Paul Ortega"},
      {"in X's words", "The plan failed. In Paul Ortega’s words: “It never had a chance.”", "chance", "Paul Ortega"},
      {"X's response", "The council voted no. Tom Hale’s response: “We will appeal.”", "appeal", "Tom Hale"},
      {"in other words: nobody", "The plan failed. In other words, “it never had a chance.”", "chance", ""},
      {"as expected: nobody", "The plan failed. As expected, “nothing changed at all.”", "nothing changed", ""},
  });
}

// The text at a code point span of `text`.
static std::string code_points(const std::string& text, std::size_t start, std::size_t stop) {
  std::size_t cp = 0, begin = std::string::npos, end = text.size();
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (cp == start) begin = i;
    if (cp == stop) { end = i; break; }
    ++cp;
  }
  return begin == std::string::npos ? "<out of range>" : text.substr(begin, end - begin);
}

TEST_CASE("the speaker's mention and the cue are given as exact code point spans", "[attribution][evidence]") {
  struct Row {
    std::string text, mention, cue;
  };
  const Row rows[] = {
      // a name after the cue; the text before has characters beyond ASCII (code points, not bytes)
      {"Café “Ünïcödé” debate. “We will not give up,” said Antony Blinken.", "Antony Blinken", "said"},
      // a pronoun: the mention that named the speaker here, not the name it resolves to
      {"Antony Blinken arrived in Kyiv.\n\n“We stand with you,” he told reporters.", "he", "told"},
      // the name in apposition to the role
      {"The port's chief executive, Rui Costa, said: “We are ready for the ships.”",
       "The port's chief executive, Rui Costa", "said"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.text);
    const DocumentQuotes out = run(row.text);
    REQUIRE(!out.quotes.empty());
    const Quote& q = out.quotes.back();
    CHECK(q.speaker_mention == row.mention);
    CHECK(code_points(row.text, q.speaker_start, q.speaker_stop) == row.mention);
    CHECK(q.cue == row.cue);
    CHECK(code_points(row.text, q.cue_start, q.cue_stop) == row.cue);
  }
  SECTION("a continuation keeps the mention before it, without a cue") {
    const std::string text = "“We will win,” said Ana Lima. “And we will stay.”";
    const DocumentQuotes out = run(text);
    REQUIRE(out.quotes.size() == 2);
    CHECK(out.quotes[1].rule.rfind("continuation", 0) == 0);
    CHECK(code_points(text, out.quotes[1].speaker_start, out.quotes[1].speaker_stop) == "Ana Lima");
    CHECK(out.quotes[1].cue.empty());
    CHECK(out.quotes[1].cue_start == kNoSpan);
  }
  SECTION("an unattributed quote has no evidence") {
    const DocumentQuotes out = run("The sign read “No entry for anybody at all today”.");
    for (const Quote& q : out.quotes)
      if (q.speaker.empty()) CHECK((q.speaker_start == kNoSpan && q.cue_start == kNoSpan && q.speaker_mention.empty()));
  }
}
