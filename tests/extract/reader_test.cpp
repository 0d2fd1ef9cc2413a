// The reader on files written by the test: .txt, .jsonl (news-please names), bad lines.
#include <catch2/catch.hpp>

#include <cstdio>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "quotegraph/reader.h"
#include "quotegraph/utf8.h"

namespace fs = std::filesystem;
using namespace quotegraph;

namespace {
struct TempDir {
  fs::path path = fs::temp_directory_path() / ("qg-reader-" + std::to_string(::getpid()));
  TempDir() { fs::create_directories(path); }
  ~TempDir() { fs::remove_all(path); }
  void write(const std::string& name, const std::string& content) const {
    fs::create_directories((path / name).parent_path());
    std::ofstream(path / name, std::ios::binary) << content;
  }
};

struct Collected {
  std::vector<Document> docs;
  std::vector<InputProblem> problems;
};

Collected read(const std::vector<std::string>& inputs) {
  Collected c;
  read_inputs(inputs, {}, [&](Document& d) { c.docs.push_back(d); return true; },
              [&](const InputProblem& p) { c.problems.push_back(p); });
  return c;
}
}  // namespace

TEST_CASE("a .txt file gives its stem as id and its first line as title", "[reader]") {
  TempDir dir;
  dir.write("story-1.txt", "\n  Headline here  \n\nBody text.\n");
  const auto c = read({(dir.path / "story-1.txt").string()});
  REQUIRE(c.docs.size() == 1);
  CHECK(c.docs[0].id == "story-1");
  CHECK(c.docs[0].title == "Headline here");
  CHECK(c.docs[0].text == "\n  Headline here  \n\nBody text.\n");
}

TEST_CASE("JSONL lines understand news-please names and report bad lines by number", "[reader]") {
  TempDir dir;
  dir.write("a.jsonl",
            "{\"id\": \"x1\", \"title\": \"T\", \"text\": \"Body\", \"date\": \"2022-01-21\"}\n"
            "{\"url\": \"https://e.org/2\", \"maintext\": \"Body 2\", \"date_publish\": \"2022-01-22\", \"source_domain\": \"e.org\"}\n"
            "not json\n"
            "[1, 2]\n"
            "{\"id\": \"x5\"}\n"
            "{\"id\": \"x6\", \"text\": 42}\n"
            "\n"
            "{\"id\": \"x8\", \"text\": \"Last\"}\n");
  const auto c = read({(dir.path / "a.jsonl").string()});
  REQUIRE(c.docs.size() == 3);
  CHECK(c.docs[0].id == "x1");
  CHECK(c.docs[0].date == "2022-01-21");
  CHECK(c.docs[1].id == "https://e.org/2");
  CHECK(c.docs[1].text == "Body 2");
  CHECK(c.docs[1].date == "2022-01-22");
  CHECK(c.docs[1].source == "e.org");
  CHECK(c.docs[2].id == "x8");
  REQUIRE(c.problems.size() == 4);
  CHECK(c.problems[0].where.find("a.jsonl:3") != std::string::npos);
  CHECK(c.problems[0].message.find("not valid JSON") != std::string::npos);
  CHECK(c.problems[1].message == "not a JSON object");
  CHECK(c.problems[2].message.find("no text field") != std::string::npos);
  CHECK(c.problems[3].message == "text field is not a string");
}

TEST_CASE("a JSONL article's declared language is read; one that is no language code is reported and ignored", "[reader]") {
  TempDir dir;
  dir.write("l.jsonl",
            "{\"id\": \"a\", \"text\": \"Body\", \"language\": \"de\"}\n"
            "{\"id\": \"b\", \"text\": \"Body\", \"lang\": \"de-AT\"}\n"
            "{\"id\": \"c\", \"text\": \"Body\", \"language\": \"Deutsch, bitte\"}\n"
            "{\"id\": \"d\", \"text\": \"Body\"}\n");
  const auto c = read({(dir.path / "l.jsonl").string()});
  REQUIRE(c.docs.size() == 4);
  CHECK(c.docs[0].language == "de");
  CHECK(c.docs[1].language == "de-AT");
  CHECK(c.docs[2].language.empty());
  CHECK(c.docs[3].language.empty());
  REQUIRE(c.problems.size() == 1);
  CHECK(c.problems[0].where.find("l.jsonl:3") != std::string::npos);
  CHECK(c.problems[0].message == "language \"Deutsch, bitte\" is not a language code (\"de\", \"en-GB\"): ignored");
  CHECK_FALSE(c.problems[0].skipped);  // the article itself is read
}

TEST_CASE("directories are walked recursively in sorted order, ids are paths below them", "[reader]") {
  TempDir dir;
  dir.write("b/2.txt", "Two\nbody");
  dir.write("a/1.txt", "One\nbody");
  dir.write("b/1.txt", "Other one\nbody");
  dir.write("c.txt", "Three\nbody");
  dir.write("d/e/f.jsonl", "{\"text\": \"body\"}\n");
  dir.write("ignored.bin", "xx");
  const auto c = read({dir.path.string()});
  REQUIRE(c.docs.size() == 5);
  CHECK(c.docs[0].id == "a/1");
  CHECK(c.docs[1].id == "b/1");
  CHECK(c.docs[2].id == "b/2");
  CHECK(c.docs[3].id == "c");
  CHECK(c.docs[4].id == "d/e/f-1");
  // A file given as an argument keeps its stem, wherever it is.
  const auto file = read({(dir.path / "b" / "2.txt").string()});
  REQUIRE(file.docs.size() == 1);
  CHECK(file.docs[0].id == "2");
}

TEST_CASE("invalid UTF-8 is replaced and reported, binary and missing files skipped", "[reader]") {
  TempDir dir;
  dir.write("latin1.txt", std::string("Caf\xE9 \xE9t\xE9\nOK"));
  dir.write("binary.txt", std::string("ab\0cd", 5));
  dir.write("empty.txt", "");
  const auto c = read({(dir.path / "latin1.txt").string(), (dir.path / "binary.txt").string(),
                       (dir.path / "empty.txt").string(), (dir.path / "missing.txt").string()});
  REQUIRE(c.docs.size() == 1);
  CHECK(c.docs[0].text == "Caf\xEF\xBF\xBD \xEF\xBF\xBDt\xEF\xBF\xBD\nOK");
  REQUIRE(c.problems.size() == 4);
  CHECK(c.problems[0].message.find("invalid UTF-8: 3 byte(s)") != std::string::npos);
  CHECK(c.problems[0].where.find("byte 3") != std::string::npos);
  CHECK_FALSE(c.problems[0].skipped);
  CHECK(c.problems[1].message.find("binary") != std::string::npos);
  CHECK(c.problems[2].message == "empty file");
  CHECK(c.problems[3].message == "no such file or directory");
}

// repair_utf8 and count_code_points take eight ASCII bytes at a time: an invalid or a
// multi-byte sequence at every offset from a run of ASCII, and runs of every length.
TEST_CASE("UTF-8 repair and code point counts at every alignment", "[utf8]") {
  const std::vector<std::string> sequences = {"\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9D\x84\x9E"};  // é € 𝄞
  const std::vector<std::string> invalid = {"\xFF", "\x80", "\xC0", "\xED\xA0\x80"};  // the last: a surrogate
  auto starts = [](const std::string& s) {  // code points by definition: bytes that are not 10xxxxxx
    std::size_t n = 0;
    for (const unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
  };
  for (std::size_t run = 0; run <= 20; ++run) {
    for (const auto& seq : sequences) {
      const std::string valid = std::string(run, 'a') + seq + std::string(run % 9, 'b') + seq;
      CAPTURE(run, valid);
      std::string copy = valid;
      CHECK(repair_utf8(copy).invalid_bytes == 0);
      CHECK(copy == valid);
      for (std::size_t from = 0; from <= valid.size(); ++from)
        CHECK(count_code_points(valid, from, valid.size()) == starts(valid.substr(from)));
    }
    for (const auto& bad : invalid) {
      const std::string tail = std::string(9, 'c') + "\xE2\x82\xAC" + std::string(run % 5, 'c');  // ASCII right after it
      const std::string text = std::string(run, 'a') + bad + tail;
      CAPTURE(run, text);
      std::string copy = text;
      const Utf8Repair r = repair_utf8(copy);
      CHECK(r.first_invalid == run);
      CHECK(r.invalid_bytes == bad.size());
      std::string replaced;
      for (std::size_t i = 0; i < bad.size(); ++i) replaced += "\xEF\xBF\xBD";
      CHECK(copy == std::string(run, 'a') + replaced + tail);
    }
  }
}

TEST_CASE("JSONL dates become ISO 8601 and a date not understood is reported and kept apart", "[reader][date]") {
  TempDir dir;
  dir.write("dated.jsonl",
            "{\"id\": \"a\", \"text\": \"Body\", \"date\": \"March 1, 2005\"}\n"
            "{\"id\": \"b\", \"text\": \"Body\", \"date_publish\": \"2017-02-13 09:23:00\"}\n"
            "{\"id\": \"c\", \"text\": \"Body\", \"published\": \"Tue, 01 Mar 2005 10:00:00 GMT\"}\n"
            "{\"id\": \"d\", \"text\": \"Body\", \"date\": \"2005-02-30\"}\n"
            "{\"id\": \"e\", \"text\": \"Body\"}\n");
  const auto c = read({(dir.path / "dated.jsonl").string()});
  REQUIRE(c.docs.size() == 5);
  CHECK(c.docs[0].date == "2005-03-01");
  CHECK(c.docs[1].date == "2017-02-13T09:23:00");
  CHECK(c.docs[2].date == "2005-03-01T10:00:00Z");
  for (int i = 0; i < 3; ++i) CHECK(c.docs[i].unparsed_date.empty());
  // The impossible date: the document is read, without a date, the text kept as written.
  CHECK(c.docs[3].date.empty());
  CHECK(c.docs[3].unparsed_date == "2005-02-30");
  CHECK(c.docs[4].date.empty());
  CHECK(c.docs[4].unparsed_date.empty());
  REQUIRE(c.problems.size() == 1);
  CHECK(c.problems[0].where == (dir.path / "dated.jsonl").string() + ":4");
  CHECK(c.problems[0].message.find("2005-02-30") != std::string::npos);
  CHECK_FALSE(c.problems[0].skipped);
}
