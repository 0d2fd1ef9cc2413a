#include "quotegraph/reader.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

#include "quotegraph/date.h"
#include "quotegraph/hash.h"
#include "quotegraph/utf8.h"

namespace quotegraph {
namespace fs = std::filesystem;

namespace {

class InputReader {
 public:
  InputReader(const ReaderOptions& options, const std::function<bool(Document&)>& on_document,
              const std::function<void(const InputProblem&)>& on_problem)
      : options_(options), on_document_(on_document), on_problem_(on_problem) {}

  bool read(const std::string& input) {
    if (input == "-") return read_jsonl_stream(std::cin, "<stdin>", "stdin");
    std::error_code ec;
    const auto status = fs::status(input, ec);
    if (ec || !fs::exists(status)) return problem(input, "no such file or directory"), true;
    if (fs::is_directory(status)) return read_directory(input);
    return read_file(input, fs::path(input).stem().string());
  }

 private:
  bool read_directory(const std::string& dir) {
    std::vector<fs::path> files;
    std::error_code ec;
    root_ = fs::canonical(dir, ec);
    if (ec) root_ = fs::absolute(dir, ec).lexically_normal();
    walked_.clear();
    walk(dir, root_, files);
    if (files.empty()) {
      problem(dir, "no .txt or .jsonl files in directory");
      return true;
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files)
      if (!read_file(f.string(), id_under(dir, f))) return false;
    return true;
  }

  // Collects the article files under `dir`, whose path with every symbolic link resolved is
  // `real`. What cannot be read is reported, not skipped in silence: a subdirectory without
  // permission, a broken or looping symbolic link (to an article file, or with no extension:
  // it may have been a directory of them). A symbolic link to a directory outside the walk is
  // followed, once; one to a directory inside it is not (its files are read under their own
  // path), and one to a directory that encloses it would loop: reported as a loop.
  void walk(const fs::path& dir, const fs::path& real, std::vector<fs::path>& files) {
    walked_.insert(real.string());
    std::error_code ec;
    fs::directory_iterator it(dir, ec), end;
    if (ec) return problem(dir.string(), "cannot read directory: " + ec.message());
    std::vector<fs::directory_entry> entries;  // sorted, so that the reports come in one order
    for (; !ec && it != end; it.increment(ec)) entries.push_back(*it);
    if (ec) problem(dir.string(), "cannot walk directory: " + ec.message());
    std::sort(entries.begin(), entries.end());
    for (const fs::directory_entry& entry : entries) {
      const fs::path& path = entry.path();
      std::error_code link_ec;
      const bool link = entry.is_symlink(link_ec);
      std::error_code status_ec;
      const fs::file_status status = fs::status(path, status_ec);  // of what a link points to
      if (status_ec || !fs::exists(status)) {
        if (link && (is_article_file(path) || !path.has_extension() || status_ec.value() == ELOOP))
          problem(path.string(), "broken symbolic link: " + (status_ec ? status_ec.message() : std::string("no such file")));
        continue;
      }
      if (fs::is_directory(status)) {
        if (!link) {
          // Already walked when a link to a directory outside led into it first.
          const fs::path sub = real / path.filename();
          if (walked_.count(sub.string()) == 0) walk(path, sub, files);
          continue;
        }
        std::error_code target_ec;
        const fs::path target = fs::canonical(path, target_ec);
        if (target_ec) {
          problem(path.string(), "broken symbolic link: " + target_ec.message());
        } else if (encloses(target, real) || encloses(target, root_)) {
          problem(path.string(), "symbolic link to an enclosing directory (" + target.string() + ") not followed: " +
                                     std::generic_category().message(ELOOP));
        } else if (!encloses(root_, target) && walked_.count(target.string()) == 0) {
          walk(path, target, files);
        }
      } else if (fs::is_regular_file(status) && is_article_file(path) && !is_output(path)) {
        files.push_back(path);
      }
    }
  }

  // Whether `outer` is `inner` or one of the directories above it (both without symbolic links).
  static bool encloses(const fs::path& outer, const fs::path& inner) {
    auto o = outer.begin(), i = inner.begin();
    for (; o != outer.end() && i != inner.end(); ++o, ++i)
      if (*o != *i) return o->empty();  // "a/b/" ends in an empty element
    return o == outer.end();
  }

  // Whether a file found in a walk is one of this run's outputs (-o DIR inside an input
  // directory; one written by the run before under the same name): it is not read as an
  // article, and the note says why.
  bool is_output(const fs::path& path) {
    if (options_.outputs.empty()) return false;
    const std::string name = path.filename().string();
    for (const auto& output : options_.outputs) {
      if (fs::path(output).filename() != name) continue;
      std::error_code a, b;
      if (fs::weakly_canonical(path, a) == fs::weakly_canonical(output, b) && !a && !b) {
        on_problem_({path.string(), "an output of this run: not read as input", false, true});
        return true;
      }
    }
    return false;
  }

  // A file found under a directory argument is named by its path below it, without extension
  // ("business/001"), so that files of one name in different folders stay different documents.
  static std::string id_under(const fs::path& dir, const fs::path& file) {
    fs::path relative = file.lexically_relative(dir);
    if (relative.empty()) relative = file.filename();
    return relative.replace_extension().generic_string();
  }

  // Whether a file's first bytes are a UTF-16 byte order mark.
  static bool utf16(std::string_view start) {
    return start.size() >= 2 && ((start[0] == '\xFF' && start[1] == '\xFE') || (start[0] == '\xFE' && start[1] == '\xFF'));
  }

  static bool is_article_file(const fs::path& p) {
    const auto ext = p.extension().string();
    return ext == ".txt" || ext == ".jsonl" || ext == ".ndjson";
  }

  bool read_file(const std::string& path, const std::string& id) {
    const auto ext = fs::path(path).extension().string();
    std::ifstream in(path, std::ios::binary);
    if (!in) return problem(path, "cannot open file"), true;
    if (ext == ".jsonl" || ext == ".ndjson" || ext == ".json")
      return read_jsonl_stream(in, path, id);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) return problem(path, "read error"), true;
    Document doc;
    doc.id = id;
    doc.text = buffer.str();
    if (options_.bytes_read) *options_.bytes_read += doc.text.size();
    if (doc.text.empty()) return problem(path, "empty file"), true;
    if (utf16(doc.text)) return problem(path, "UTF-16 text: convert it to UTF-8 (iconv -f UTF-16 -t UTF-8)"), true;
    if (const auto nul = doc.text.find('\0'); nul != std::string::npos)
      return problem(path + ": byte " + std::to_string(nul), "NUL byte: binary file skipped"), true;
    repair(doc.text, path);
    doc.title = first_line(doc.text);
    return on_document_(doc);
  }

  bool read_jsonl_stream(std::istream& in, const std::string& name, const std::string& stem) {
    std::string line;
    std::size_t number = 0;
    bool seen_line = false;  // a line that is not blank
    while (std::getline(in, line)) {
      ++number;
      if (options_.bytes_read) *options_.bytes_read += line.size() + 1;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (number == 1) {
        if (utf16(line)) return problem(name, "UTF-16 text: convert it to UTF-8 (iconv -f UTF-16 -t UTF-8)"), true;
        if (line.compare(0, 3, "\xEF\xBB\xBF") == 0) line.erase(0, 3);  // a byte order mark
      }
      const std::size_t first = line.find_first_not_of(" \t");
      if (first == std::string::npos) continue;
      if (&in == &std::cin && !seen_line && line[first] != '{') {
        // Plain text piped in (cat article.txt | quotegraph -): one message, not one per line.
        return problem(name, "not JSONL (the first line is not a JSON object): standard input is read as JSONL, "
                             "one article per line; give a .txt file by its path instead"), true;
      }
      const bool opening = !seen_line;
      seen_line = true;
      Document doc;
      const std::string where = name + ":" + std::to_string(number);
      quotes_file_ = false;
      if (!parse_article(line, where, doc, opening)) {
        if (quotes_file_) return true;
        continue;
      }
      if (doc.id.empty()) doc.id = stem + "-" + std::to_string(number);
      if (!on_document_(doc)) return false;
    }
    if (in.bad()) problem(name, "read error after line " + std::to_string(number));
    return true;
  }

  // Consumes `line`: it is parsed in place (RapidJSON decodes the strings into the line's own
  // bytes, and scans them 16 bytes at a time with RAPIDJSON_SSE2), unless a NUL byte would end
  // it early, when it is parsed by its length. Iteratively: the recursive parser takes a stack
  // frame per level of nesting, and a line of 150,000 '[' overflowed the stack.
  bool parse_article(std::string& line, const std::string& where, Document& doc, bool opening) {
    rapidjson::Document json;
    if (line.find('\0') == std::string::npos) {
      original_.assign(line);  // the in-place parse changes `line`; kept for the retry below
      line.reserve(line.size() + 16);  // the 16-byte loads past the end stay inside the buffer
      json.ParseInsitu<rapidjson::kParseIterativeFlag>(line.data());
      // A number too big for a double ("views": 1e400) in a field nobody reads would cost the
      // whole article: it is read again with each such number (RapidJSON says where it starts)
      // written as null, at most 16 times. The fields quotegraph reads are strings.
      for (int retry = 0; retry < 16 && json.HasParseError() && json.GetParseError() == rapidjson::kParseErrorNumberTooBig;
           ++retry) {
        line.swap(original_);
        const std::size_t start = json.GetErrorOffset();
        const std::size_t end = line.find_first_not_of("+-0123456789.eE", start);
        line.replace(start, (end == std::string::npos ? line.size() : end) - start, "null");
        original_.assign(line);
        line.reserve(line.size() + 16);
        json.ParseInsitu<rapidjson::kParseIterativeFlag>(line.data());
      }
    } else {
      json.Parse<rapidjson::kParseIterativeFlag>(line.data(), line.size());
    }
    if (json.HasParseError()) {
      // Lines that end in a lone CR (old Mac files) are one line to getline: say so.
      const bool cr_lines =
          std::string_view(line.data(), std::min(line.size(), json.GetErrorOffset() + 1)).find('\r') != std::string_view::npos;
      problem(where + ": byte " + std::to_string(json.GetErrorOffset()),
              std::string("not valid JSON: ") + rapidjson::GetParseError_En(json.GetParseError()) +
                  (cr_lines ? " (the lines end in a lone CR: convert them to LF)" : ""));
      return false;
    }
    if (!json.IsObject()) return problem(where, "not a JSON object"), false;
    // quotegraph's own quotes JSONL (an earlier run's -o DIR inside the input directory) has a
    // text field too, and each quote would become an article: the file is skipped, said once.
    if (opening && json.HasMember("doc") && json.HasMember("start") && json.HasMember("end") &&
        json.HasMember("speaker_id")) {
      quotes_file_ = true;
      return problem(where, "quotes written by quotegraph (--jsonl), not articles: file skipped"), false;
    }
    if (opening && json.HasMember("document") && json.HasMember("quotes") && !json.HasMember("text")) {
      quotes_file_ = true;
      return problem(where, "a partial result written by quotegraph (--partial; read it with quotegraph merge), "
                            "not articles: file skipped"), false;
    }
    const rapidjson::Value* text = field(json, options_.text_field, {"text", "maintext", "content", "body"});
    if (!text) return problem(where, "no text field (text, maintext, content, body)"), false;
    if (!text->IsString()) return problem(where, "text field is not a string"), false;
    doc.text.assign(text->GetString(), text->GetStringLength());
    if (doc.text.find('\0') != std::string::npos) return problem(where, "NUL character in text: skipped"), false;
    repair(doc.text, where);
    doc.id = string_field(json, options_.id_field, {"id", "_id", "doc_id"});
    doc.url = string_field(json, options_.url_field, {"url", "link"});
    if (doc.id.empty()) doc.id = doc.url;
    doc.title = string_field(json, options_.title_field, {"title", "headline"});
    doc.date = string_field(json, options_.date_field, {"date", "date_publish", "published", "date_published"});
    doc.source = string_field(json, options_.source_field, {"source", "source_domain", "outlet"});
    // The language the input declares (news-please's "language"): --lang auto reads the
    // document with that pack when there is one.
    doc.language = string_field(json, options_.language_field, {"language", "lang", "inLanguage"});
    if (!doc.language.empty() && !is_language_tag(doc.language)) {
      repair_utf8(doc.language);
      std::size_t shown = std::min<std::size_t>(doc.language.size(), 40);
      while (shown < doc.language.size() && (static_cast<unsigned char>(doc.language[shown]) & 0xC0) == 0x80) --shown;
      on_problem_({where, "language \"" + doc.language.substr(0, shown) + "\" is not a language code (\"de\", \"en-GB\"): ignored",
                   false});
      doc.language.clear();
    }
    for (std::string* s : {&doc.id, &doc.url, &doc.title, &doc.date, &doc.source}) repair_utf8(*s);
    normalise_date(doc, where);
    cap_document_fields(doc, where, on_problem_);
    if (doc.title.empty()) doc.title = first_line(doc.text);
    return true;
  }

  static const rapidjson::Value* field(const rapidjson::Value& obj, const std::string& chosen,
                                       std::initializer_list<const char*> defaults) {
    if (!chosen.empty()) {
      const auto it = obj.FindMember(chosen.c_str());
      return it == obj.MemberEnd() ? nullptr : &it->value;
    }
    for (const char* name : defaults) {
      const auto it = obj.FindMember(name);
      if (it != obj.MemberEnd() && !it->value.IsNull()) return &it->value;
    }
    return nullptr;
  }

  static std::string string_field(const rapidjson::Value& obj, const std::string& chosen,
                                  std::initializer_list<const char*> defaults) {
    const rapidjson::Value* v = field(obj, chosen, defaults);
    if (!v) return "";
    if (v->IsString()) return std::string(v->GetString(), v->GetStringLength());
    if (v->IsInt64()) return std::to_string(v->GetInt64());
    return "";
  }

  void repair(std::string& text, const std::string& where) {
    const Utf8Repair r = repair_utf8(text);
    if (r.invalid_bytes)
      on_problem_({where + ": byte " + std::to_string(r.first_invalid),
                   "invalid UTF-8: " + std::to_string(r.invalid_bytes) + " byte(s) replaced by U+FFFD",
                   false});
  }

  // The date as ISO 8601. One that cannot be read is reported, kept as written in a field of
  // its own, and the document read on without a date.
  void normalise_date(Document& doc, const std::string& where) {
    if (doc.date.empty()) return;
    ParsedDate parsed = parse_date(doc.date);
    if (parsed.ok()) {
      doc.date = std::move(parsed.iso);
      return;
    }
    std::string shown;  // the date in the message: at most 60 bytes, no control characters
    for (const char c : doc.date.substr(0, 60)) shown += static_cast<unsigned char>(c) < 0x20 ? '?' : c;
    repair_utf8(shown);  // the cut may split a character
    on_problem_({where, "date not understood, kept as unparsed_date: \"" + shown + "\"", false});
    doc.unparsed_date = std::move(doc.date);
    doc.date.clear();
  }

  static std::string first_line(const std::string& text) {
    std::size_t b = 0;
    while (b < text.size()) {
      std::size_t e = text.find_first_of("\r\n", b);
      if (e == std::string::npos) e = text.size();
      if (text.find_first_not_of(" \t", b) < e) {
        std::size_t s = text.find_first_not_of(" \t", b);
        std::size_t t = e;
        while (t > s && (text[t - 1] == ' ' || text[t - 1] == '\t')) --t;
        // A title is a line, not a paragraph: a text that is one long line (a 50 MB JSONL
        // article) must not become a 50 MB title repeated on every quote's JSONL line.
        constexpr std::size_t kMaxTitleBytes = 300;
        if (t - s > kMaxTitleBytes) {
          t = s + kMaxTitleBytes;
          while (t > s && (static_cast<unsigned char>(text[t]) & 0xC0) == 0x80) --t;  // whole characters
          const std::size_t space = text.rfind(' ', t);
          if (space != std::string::npos && space > s + kMaxTitleBytes / 2) t = space;
          return text.substr(s, t - s) + "…";
        }
        return text.substr(s, t - s);
      }
      b = e + 1;
    }
    return "";
  }

  void problem(const std::string& where, const std::string& message) {
    on_problem_({where, message, true});
  }

  const ReaderOptions& options_;
  fs::path root_;                      // the directory being walked, symbolic links resolved
  std::set<std::string> walked_;       // the directories walked in it, likewise
  const std::function<bool(Document&)>& on_document_;
  const std::function<void(const InputProblem&)>& on_problem_;
  bool quotes_file_ = false;  // parse_article found quotegraph's quotes JSONL or a partial result
  std::string original_;  // the JSONL line being parsed, as read (reused: no allocation per line)
};

}  // namespace

void cap_document_fields(Document& doc, const std::string& where,
                         const std::function<void(const InputProblem&)>& on_problem) {
  struct Cap {
    const char* name;
    std::string* value;
    std::size_t most;
  };
  for (const Cap& cap : {Cap{"id", &doc.id, 256}, Cap{"title", &doc.title, 1000}, Cap{"url", &doc.url, 4096},
                         Cap{"source", &doc.source, 256}, Cap{"unparsed date", &doc.unparsed_date, 256}}) {
    if (cap.value->size() <= cap.most) continue;
    const std::size_t was = cap.value->size();
    std::string suffix;
    if (cap.value == &doc.id) suffix = "~" + hex64(fnv1a_hash64(*cap.value));
    std::size_t cut = cap.most - suffix.size();
    while (cut > 0 && (static_cast<unsigned char>((*cap.value)[cut]) & 0xC0) == 0x80) --cut;  // whole characters
    cap.value->resize(cut);
    *cap.value += suffix;
    on_problem({where, std::string(cap.name) + " of " + std::to_string(was) + " bytes cut to " + std::to_string(cap.value->size()),
                false});
  }
}

bool read_inputs(const std::vector<std::string>& inputs, const ReaderOptions& options,
                 const std::function<bool(Document&)>& on_document,
                 const std::function<void(const InputProblem&)>& on_problem) {
  InputReader reader(options, on_document, on_problem);
  for (const auto& input : inputs)
    if (!reader.read(input)) return false;
  return true;
}

}  // namespace quotegraph
